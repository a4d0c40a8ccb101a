import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createGateway } from '../../gateway/src/gateway';
import { SUPERGRAPH_PATH } from '../../gateway/src/index';
import { start as startFeed } from '../../subgraphs/feed/src/server';
import { start as startGenerations } from '../../subgraphs/generations/src/server';
import { readCommonEnv, readGenerationsEnv } from '../../subgraphs/shared/src/env';
import { listen } from '../../subgraphs/shared/src/listen';
import { start as startSocial } from '../../subgraphs/social/src/server';
import { start as startUsers } from '../../subgraphs/users/src/server';
import { migrateAll } from '../../subgraphs/shared/src/migrations';
import { DEFAULT_SEED, seed, type SeedSize } from '../seed';
import type { LoadPlan, LoadResult, LoadTarget } from './load';

/**
 * `npm run bench:feed`: For You and Following, first pages of 10, at the feed subgraph and
 * through the gateway (with each creator's handle from users), on the seeded data set.
 *
 * The data set lives in the database `cameo_bench_feed` on DATABASE_URL's server (default the
 * local test server); it is created and seeded on first use (`--reseed` to start over; sizes
 * `--users --posts --follows --likes`, default 10k / 1M / 5M / 10M). The platform runs in this
 * process without Redis; the load comes from a child process (`--concurrency`, `--seconds`).
 */
const { values: args } = parseArgs({
  options: {
    reseed: { type: 'boolean', default: false },
    users: { type: 'string' },
    posts: { type: 'string' },
    follows: { type: 'string' },
    likes: { type: 'string' },
    concurrency: { type: 'string', default: '4' },
    seconds: { type: 'string', default: '10' },
  },
});
const size: SeedSize = {
  users: Number(args.users ?? DEFAULT_SEED.users),
  posts: Number(args.posts ?? DEFAULT_SEED.posts),
  follows: Number(args.follows ?? DEFAULT_SEED.follows),
  likes: Number(args.likes ?? DEFAULT_SEED.likes),
};
const SERVER_URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const DATABASE = 'cameo_bench_feed';
const secrets = readCommonEnv({ NODE_ENV: 'test' });
const log = (line: string) => process.stderr.write(`${line}\n`);

async function prepareDatabase(): Promise<string> {
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  try {
    if (args.reseed) await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE])).rowCount === 1;
    const url = Object.assign(new URL(SERVER_URL), { pathname: `/${DATABASE}` }).toString();
    if (exists) {
      log(`using the data set in ${DATABASE} (--reseed to build it again)`);
      await migrateAll(url);
      return url;
    }
    await admin.query(`CREATE DATABASE ${DATABASE}`);
    log(`seeding ${DATABASE}: ${JSON.stringify(size)} (a few minutes at full size)`);
    await seed(url, size, (line) => log(`  ${line}`));
    return url;
  } finally {
    await admin.end();
  }
}

async function main() {
  const databaseUrl = await prepareDatabase();
  const counts = new pg.Client({ connectionString: databaseUrl });
  await counts.connect();
  const sizes = (await counts.query(`SELECT (SELECT count(*) FROM users."user") AS users, (SELECT count(*) FROM feed.post) AS posts,
    (SELECT count(*) FROM feed.follow_edge) AS follows, (SELECT count(*) FROM feed.engaged) AS likes`)).rows[0] as Record<string, string>;
  await counts.end();

  const assetsDir = mkdtempSync(path.join(os.tmpdir(), 'cameo-bench-'));
  const stops: (() => Promise<unknown>)[] = [];
  try {
    const common = { port: 0, host: '127.0.0.1', databaseUrl, gatewaySecret: secrets.gatewaySecret };
    const users = await startUsers({ ...common, jwtSecret: secrets.jwtSecret });
    stops.push(() => users.stop());
    const usersBaseUrl = users.url.replace(/\/graphql$/, '');
    let socialBaseUrl = '';
    const generations = await startGenerations({ ...common, usersBaseUrl, socialBaseUrl: () => socialBaseUrl, settings: { ...readGenerationsEnv({}), assetsDir } });
    stops.push(() => generations.stop());
    const social = await startSocial({ ...common, usersBaseUrl, generationsBaseUrl: generations.url.replace(/\/graphql$/, '') });
    socialBaseUrl = social.url.replace(/\/graphql$/, '');
    stops.push(() => social.stop());
    const feed = await startFeed({ ...common, usersBaseUrl, socialBaseUrl, teenDailyCap: 1000, db: { poolSize: 10 } });
    stops.push(() => feed.stop());
    const gateway = await createGateway({
      supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
      subgraphUrls: { users: users.url, generations: generations.url, social: social.url, feed: feed.url },
      jwtSecret: secrets.jwtSecret,
      gatewaySecret: secrets.gatewaySecret,
      production: true,
    });
    const { url: gatewayUrl } = await listen(gateway.httpServer, 0, '127.0.0.1');
    stops.push(() => gateway.stop());

    const subgraphQuery = (kind: string) => `{ feed(kind: ${kind}, first: 10) { edges { cursor node { id caption publishedAt creator { id } } } } }`;
    const gatewayQuery = (kind: string) => `{ feed(kind: ${kind}, first: 10) { edges { cursor node { id caption publishedAt creator { handle displayName } } } } }`;
    const targets: LoadTarget[] = [
      { name: 'For You   subgraph', url: feed.url, query: subgraphQuery('FOR_YOU'), auth: 'proof' },
      { name: 'Following subgraph', url: feed.url, query: subgraphQuery('FOLLOWING'), auth: 'proof' },
      { name: 'For You   gateway ', url: gatewayUrl, query: gatewayQuery('FOR_YOU'), auth: 'session' },
      { name: 'Following gateway ', url: gatewayUrl, query: gatewayQuery('FOLLOWING'), auth: 'session' },
    ];
    const plan: LoadPlan = {
      targets,
      users: Number(sizes.users),
      durationMs: Number(args.seconds) * 1000,
      warmupMs: 2000,
      concurrency: Number(args.concurrency),
      jwtSecret: secrets.jwtSecret,
      gatewaySecret: secrets.gatewaySecret,
    };
    const child = fork(path.join(__dirname, 'load.ts'), { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const results: LoadResult[] = [];
    log(`loading each target for ${args.seconds} s at concurrency ${args.concurrency} (after a 2 s warm-up)`);
    await new Promise<void>((resolve, reject) => {
      child.on('message', (message) => {
        if (message === 'done') return resolve();
        const result = message as LoadResult;
        results.push(result);
        log(`  ${result.name.trim()}: done`);
      });
      child.once('exit', (code) => (code ? reject(new Error(`load generator exited with ${code}`)) : resolve()));
      child.send(plan);
    });
    child.kill();

    console.log(`feed benchmark — ${os.cpus().length} cores, Node ${process.version}, PostgreSQL on ${new URL(SERVER_URL).host}`);
    console.log(`data set: ${sizes.users} users, ${sizes.posts} posts, ${sizes.follows} follows, ${sizes.likes} likes; first pages of 10; concurrency ${args.concurrency}`);
    console.log('target               requests  errors      rps   p50 ms   p99 ms');
    for (const r of results) {
      console.log(`${r.name.padEnd(20)} ${String(r.requests).padStart(8)} ${String(r.errors).padStart(7)} ${r.rps.toFixed(0).padStart(8)} ${r.p50.toFixed(1).padStart(8)} ${r.p99.toFixed(1).padStart(8)}`);
    }
  } finally {
    for (const stop of stops.reverse()) await stop().catch((error: unknown) => log(`cleanup: ${String(error)}`));
    rmSync(assetsDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
