import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunningServer } from '@cameo/kernel/serve';
import { readGenerationsEnv } from '@cameo/kernel/env';

/**
 * One subgraph under benchmark in its own process, as in a deployment (four subgraphs in one
 * process would share one core and one event loop). Reads its options from CAMEO_BENCH_SUBGRAPH,
 * sends "ready" once listening, answers "cpu" with its CPU time, and stops when the IPC channel closes.
 */
export interface SubgraphChildOptions {
  name: 'users' | 'generations' | 'social' | 'feed';
  port: number;
  urls: Record<'users' | 'generations' | 'social' | 'feed', string>;
  databaseUrl: string;
  jwtSecret: string;
  redisUrl?: string;
  runId: string;
}

import { benchKeys } from './platform';

async function main() {
  const o = JSON.parse(process.env.CAMEO_BENCH_SUBGRAPH ?? '{}') as SubgraphChildOptions;
  const base = (name: keyof SubgraphChildOptions['urls']) => o.urls[name].replace(/\/graphql$/, '');
  const common = {
    port: o.port,
    host: '127.0.0.1',
    databaseUrl: o.databaseUrl,
    keys: benchKeys(),
    redisUrl: o.redisUrl,
    eventNamespace: `cameo-bench-${o.runId}`,
  };
  const assetsDir = mkdtempSync(path.join(os.tmpdir(), 'cameo-bench-'));
  let server: RunningServer;
  switch (o.name) {
    case 'users':
      server = await (await import('@cameo/users/server')).start({ ...common, jwtSecret: o.jwtSecret });
      break;
    case 'generations':
      // Jobs go to this run's own queue, which no render worker reads: the API is measured, not the renderer.
      // The seed gives many users a day's worth of generations; the quota is still checked on
      // every request, but set out of reach so a run measures accepted creations.
      server = await (
        await import('@cameo/generations/server')
      ).start({
        ...common,
        usersBaseUrl: base('users'),
        socialBaseUrl: base('social'),
        settings: { ...readGenerationsEnv({}), assetsDir, freeDailyQuota: 1_000_000, proDailyQuota: 1_000_000 },
        queuePrefix: `cameo-bench-${o.runId}`,
      });
      break;
    case 'social':
      server = await (
        await import('@cameo/social/server')
      ).start({ ...common, usersBaseUrl: base('users'), generationsBaseUrl: base('generations') });
      break;
    case 'feed':
      server = await (
        await import('@cameo/feed/server')
      ).start({ ...common, usersBaseUrl: base('users'), socialBaseUrl: base('social'), teenDailyCap: 1000, db: { poolSize: 10 } });
      break;
  }
  // The CPU time it used so far (all threads), for the profiled run's measured row.
  process.on('message', (message) => {
    if (message === 'cpu') process.send!({ cpu: process.cpuUsage() });
  });
  process.on('disconnect', () => {
    const timer = setTimeout(() => process.exit(0), 3000);
    void server.stop().finally(() => {
      clearTimeout(timer);
      rmSync(assetsDir, { recursive: true, force: true });
      process.exit(0);
    });
  });
  process.send!('ready');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
