import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { createGateway, type GatewayOptions } from '@cameo/gateway/gateway';
import { SUPERGRAPH_PATH } from '@cameo/gateway';
import { listen } from '@cameo/kernel/listen';

/**
 * A gateway under benchmark — ours or a peer — alone in its process so its CPU time and
 * memory are its own. Started with an IPC channel: it sends { url } once listening, answers
 * "stats" with its memory, CPU time and (ours) subscription figures, after a full GC so heap
 * figures are live data only, and "cpu" with its CPU time alone. A measured slice reads "cpu":
 * a forced full GC costs the most to the gateway keeping the most in memory (ours, with its
 * entity cache) and is not work a request caused, so it must not fall inside the slice.
 */
export interface GatewayChildOptions {
  /** hive: Hive Gateway; hive-router: Hive Gateway with the Rust query planner; apollo: plain @apollo/gateway. */
  kind: 'cameo' | 'hive' | 'hive-router' | 'apollo';
  subgraphUrls: Record<string, string>;
  jwtSecret: string;
  /** Ours only: REDIS_URL, the live bus on which users announces ended sessions. */
  redisUrl?: string;
  /** Ours only: the subgraphs' event streams (ended sessions, entity invalidations). */
  events?: GatewayOptions['events'];
  /** Ours only: the entity cache, as a deployment with REDIS_URL runs it. */
  entityCache?: GatewayOptions['entityCache'];
}

import { benchKeys } from './platform';

async function main() {
  const options = JSON.parse(process.env.CAMEO_BENCH_GATEWAY ?? '{}') as GatewayChildOptions;
  const supergraphSdl = readFileSync(SUPERGRAPH_PATH, 'utf8');
  let subscriptionStats: () => unknown = () => null;
  let url: string;
  if (options.kind === 'hive' || options.kind === 'hive-router') {
    // Imported only here: loading a peer in our gateway's process would cost it memory.
    const { createHiveGatewayServer } = await import('./hive-gateway.js');
    const httpServer = createHiveGatewayServer({
      supergraphSdl,
      ...options,
      gatewayProofPrivateKey: benchKeys().gatewayProofPrivateKey,
      queryPlanner: options.kind === 'hive-router' ? 'rust' : 'js',
    });
    ({ url } = await listen(httpServer, 0, '127.0.0.1'));
  } else if (options.kind === 'apollo') {
    const { startApolloGateway } = await import('./apollo-gateway.js');
    ({ url } = await startApolloGateway({ supergraphSdl, ...options, gatewayProofPrivateKey: benchKeys().gatewayProofPrivateKey }));
  } else {
    // The load comes from one address and a few viewers: the per-address and per-user caps a
    // deployment keeps would refuse it, so they are raised past it (the total cap still holds).
    const subscriptionLimits = { perAddress: 1_000_000, perUser: 1_000_000 };
    const gateway = await createGateway({ supergraphSdl, ...options, ...benchKeys(), production: true, subscriptionLimits });
    subscriptionStats = gateway.subscriptionStats;
    ({ url } = await listen(gateway.httpServer, 0, '127.0.0.1'));
  }
  process.on('message', (message) => {
    if (message === 'cpu') process.send!({ cpu: process.cpuUsage() });
    if (message !== 'stats') return;
    (globalThis as { gc?: () => void }).gc?.();
    process.send!({
      memory: process.memoryUsage(),
      cpu: process.cpuUsage(),
      elu: performance.eventLoopUtilization(),
      subscriptions: subscriptionStats(),
    });
  });
  process.on('disconnect', () => process.exit(0));
  process.send!({ url });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
