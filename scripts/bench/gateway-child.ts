import { readFileSync } from 'node:fs';
import { createGateway } from '../../gateway/src/gateway';
import { SUPERGRAPH_PATH } from '../../gateway/src/index';
import { listen } from '../../subgraphs/shared/src/listen';

/**
 * The gateway under benchmark, alone in its process so its memory is its own. Started with an
 * IPC channel: it sends { url } once listening and answers "stats" with its memory and
 * subscription figures (after a full GC, so heap figures are live data only).
 */
interface ChildOptions {
  usersUrl: string;
  generationsUrl: string;
  socialUrl: string;
  feedUrl: string;
  jwtSecret: string;
  gatewaySecret: string;
}

async function main() {
  const options = JSON.parse(process.env.CAMEO_BENCH_GATEWAY ?? '{}') as ChildOptions;
  const gateway = await createGateway({
    supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
    subgraphUrls: { users: options.usersUrl, generations: options.generationsUrl, social: options.socialUrl, feed: options.feedUrl },
    jwtSecret: options.jwtSecret,
    gatewaySecret: options.gatewaySecret,
    production: true,
  });
  const { url } = await listen(gateway.httpServer, 0, '127.0.0.1');
  process.on('message', (message) => {
    if (message !== 'stats') return;
    (globalThis as { gc?: () => void }).gc?.();
    process.send!({ memory: process.memoryUsage(), subscriptions: gateway.subscriptionStats() });
  });
  process.on('disconnect', () => process.exit(0));
  process.send!({ url });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
