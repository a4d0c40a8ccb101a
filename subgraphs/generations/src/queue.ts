import { Queue, Worker, type ConnectionOptions } from 'bullmq';

/**
 * Generation jobs. With Redis: the BullMQ queue `generations`, so workers in other processes
 * pick jobs up, stalled jobs (a worker that died) are retried, and a job id equal to the
 * generation id makes enqueueing idempotent. Without Redis (`npm start` on a laptop): an
 * in-process queue with the same interface.
 */
export const QUEUE_NAME = 'generations';

export interface GenerationJobs {
  /**
   * Queues a render. The same (generation, run) is queued once however often this is called;
   * a retry passes a new `run` label.
   */
  enqueue(generationId: string, run?: string): Promise<void>;
  /** Jobs by state (waiting, active, delayed, failed, …), for the queue-depth metric. */
  counts(): Promise<Record<string, number>>;
  close(): Promise<void>;
}

/** Renders one generation; `lastAttempt` tells it a failure now is final. */
export type JobHandler = (generationId: string, lastAttempt: boolean) => Promise<void>;

export interface JobRunner {
  close(): Promise<void>;
}

/** Attempts per job (the first run included) before BullMQ gives up. Default: 3. */
export const JOB_ATTEMPTS = 3;

/** Longest a request waits to queue a job. */
export const ENQUEUE_TIMEOUT_MS = 2_000;

export const redisConnection = (redisUrl: string): ConnectionOptions => ({ url: redisUrl, maxRetriesPerRequest: null });

export function createBullJobs(redisUrl: string, prefix?: string): GenerationJobs {
  const queue = new Queue(QUEUE_NAME, { connection: redisConnection(redisUrl), prefix });
  // Connection errors surface where they matter, as enqueue failures (QUEUE_UNAVAILABLE);
  // without a listener BullMQ would print each reconnect attempt.
  queue.on('error', () => {});
  return {
    async enqueue(generationId, run) {
      const added = queue.add(
        'render',
        { generationId },
        {
          jobId: run ? `${generationId}-${run}` : generationId,
          attempts: JOB_ATTEMPTS,
          backoff: { type: 'exponential', delay: 1000 },
          removeOnComplete: 1000,
          removeOnFail: 5000,
        },
      );
      // While Redis is down BullMQ waits for it indefinitely; a request cannot. If the add lands
      // later, the worker finds the row no longer QUEUED and leaves it.
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('the queue did not answer in time')), ENQUEUE_TIMEOUT_MS);
      });
      added.catch(() => {});
      try {
        await Promise.race([added, late]);
      } finally {
        clearTimeout(timer);
      }
    },
    counts: () => queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed'),
    close: () => queue.close(),
  };
}

export interface BullRunnerOptions {
  redisUrl: string;
  prefix?: string;
  /** Jobs rendered at once per process. Default: 2. */
  concurrency?: number;
  /** How long a job's lock lasts without renewal before it counts as stalled. Default: 30 s. */
  lockDurationMs?: number;
  /** How often stalled jobs are looked for. Default: 30 s. */
  stalledIntervalMs?: number;
  onError: (error: unknown) => void;
}

export function startBullRunner(handle: JobHandler, options: BullRunnerOptions): JobRunner {
  const worker = new Worker<{ generationId: string }>(
    QUEUE_NAME,
    (job) => handle(job.data.generationId, job.attemptsMade + 1 >= (job.opts.attempts ?? 1)),
    {
      connection: redisConnection(options.redisUrl),
      prefix: options.prefix,
      concurrency: options.concurrency ?? 2,
      lockDuration: options.lockDurationMs ?? 30_000,
      stalledInterval: options.stalledIntervalMs ?? 30_000,
    },
  );
  worker.on('error', options.onError);
  return { close: () => worker.close() };
}

/** The in-process queue: jobs run in this process, one at a time, retried like BullMQ's. */
export function createMemoryJobs(onError: (error: unknown) => void): GenerationJobs & { run(handle: JobHandler): JobRunner } {
  const pending: string[] = [];
  const known = new Set<string>();
  let handler: JobHandler | undefined;
  let draining: Promise<void> | undefined;
  let closed = false;
  const drain = () => {
    if (draining || !handler) return;
    draining = drainPending(handler).finally(() => {
      draining = undefined;
    });
  };
  // Close waits for the job in hand, so nothing renders against a database being shut down.
  const close = async () => {
    closed = true;
    await draining;
  };
  const drainPending = async (handle: JobHandler) => {
    while (!closed && pending.length > 0) {
      const id = pending.shift()!;
      for (let attempt = 1; attempt <= JOB_ATTEMPTS; attempt++) {
        try {
          await handle(id, attempt === JOB_ATTEMPTS);
          break;
        } catch (error) {
          onError(error);
        }
      }
    }
  };
  return {
    async enqueue(generationId, run) {
      const key = run ? `${generationId}-${run}` : generationId;
      if (known.has(key)) return;
      known.add(key);
      pending.push(generationId);
      setImmediate(drain);
    },
    run(handle) {
      handler = handle;
      setImmediate(drain);
      return { close };
    },
    counts: async () => ({ waiting: pending.length, active: draining ? 1 : 0 }),
    close,
  };
}
