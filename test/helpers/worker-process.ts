import { startWorker, type StartWorkerOptions } from '@cameo/worker/start-worker';
import { createLocalAdapter } from '@cameo/generations/rendering/local-adapter';

/**
 * A worker in its own process, for tests that kill one mid-job. Options arrive as JSON in
 * CAMEO_TEST_WORKER; it prints "worker ready" once it listens to the queue.
 */
const { msPerFrame, ...options } = JSON.parse(process.env.CAMEO_TEST_WORKER ?? '{}') as StartWorkerOptions & { msPerFrame: number };
startWorker({ ...options, adapter: createLocalAdapter({ msPerFrame }) });
console.log('worker ready');
