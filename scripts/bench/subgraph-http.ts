import { fork } from 'node:child_process';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { Pool } from 'undici';
import { GATEWAY_PROOF_HEADER, signGatewayProof } from '@cameo/kernel/gateway-proof';
import { freePort } from '@cameo/kernel/listen';
import { createLogger } from '@cameo/kernel/logger';
import { serveSubgraph } from '@cameo/kernel/serve';
import { benchKeys, cpuProfileArgs, log } from './platform';

/**
 * `npx tsx scripts/bench/subgraph-http.ts`: what one /graphql request costs a subgraph process
 * in CPU when the GraphQL work is next to nothing — the HTTP path alone (body, gateway proof
 * and its replay guard, access log, Apollo Server). A child serves a one-field schema through
 * serveSubgraph, as a subgraph does; this process sends `--requests` requests, `--concurrency`
 * at a time over keep-alive, each with its own proof signed beforehand (signing is not
 * measured), and prints the child's CPU µs per request (process.cpuUsage, all threads).
 * `--redis <url>` puts the replay guard on Redis, as deployed; `--profile <dir>` writes the
 * child's V8 CPU profile there.
 */
const { values: args } = parseArgs({
  options: {
    requests: { type: 'string', default: '20000' },
    concurrency: { type: 'string', default: '8' },
    redis: { type: 'string' },
    profile: { type: 'string' },
  },
});

/** A gateway's entity fetch, roughly: a document and ten representations (~1 KB). */
const DOCUMENT = 'query($representations:[String!]!){echo(representations:$representations)}';
const body = (i: number) =>
  JSON.stringify({
    query: DOCUMENT,
    variables: { representations: Array.from({ length: 10 }, (_, j) => `{"__typename":"User","id":"user-${i}-${j}-0000000000"}`) },
  });

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      echo: {
        type: new GraphQLList(GraphQLString),
        args: { representations: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(GraphQLString))) } },
        resolve: (_source, { representations }: { representations: string[] }) => representations,
      },
    },
  }),
});

async function child() {
  const { port, redisUrl } = JSON.parse(process.env.CAMEO_BENCH_HTTP ?? '{}') as { port: number; redisUrl?: string };
  const server = await serveSubgraph({
    name: 'bench',
    schema,
    start: { port, host: '127.0.0.1', redisUrl, eventNamespace: `cameo-bench-http-${process.pid}`, keys: benchKeys() },
    logger: createLogger('bench'),
    readiness: [],
    buildContext: (base) => base,
  });
  process.on('message', (message) => {
    if (message === 'cpu') process.send!({ cpu: process.cpuUsage() });
  });
  process.on('disconnect', () => void server.stop().then(() => process.exit(0)));
  process.send!('ready');
}

async function main() {
  const requests = Number(args.requests);
  const concurrency = Number(args.concurrency);
  const port = await freePort();
  const proc = fork(__filename, {
    execArgv: ['--import', 'tsx', ...cpuProfileArgs(args.profile, 'subgraph')],
    env: { ...process.env, NODE_ENV: 'production', CAMEO_BENCH_HTTP: JSON.stringify({ port, redisUrl: args.redis }) },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve, reject) => {
    proc.once('message', () => resolve());
    proc.once('exit', (code) => reject(new Error(`the subgraph exited with ${code}`)));
  });
  const cpu = () =>
    new Promise<number>((resolve) => {
      proc.once('message', (message) => {
        const { user, system } = (message as { cpu: NodeJS.CpuUsage }).cpu;
        resolve(user + system);
      });
      proc.send('cpu');
    });
  const { gatewayProofPrivateKey } = benchKeys();
  const prepare = (n: number, offset: number) =>
    Array.from({ length: n }, (_, i) => {
      const payload = body(offset + i);
      return {
        payload,
        proof: signGatewayProof(gatewayProofPrivateKey, 'bench', { viewerId: `viewer-${i}` }, { method: 'POST', body: payload }),
      };
    });
  const pool = new Pool(`http://127.0.0.1:${port}`, { connections: concurrency, pipelining: 1 });
  const send = async (items: ReturnType<typeof prepare>) => {
    let next = 0;
    let errors = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < items.length) {
          const { payload, proof } = items[next++]!;
          const response = await pool.request({
            path: '/graphql',
            method: 'POST',
            headers: { 'content-type': 'application/json', [GATEWAY_PROOF_HEADER]: proof },
            body: payload,
          });
          const text = await response.body.text();
          if (response.statusCode !== 200 || text.includes('"errors"')) errors++;
        }
      }),
    );
    return errors;
  };
  try {
    await send(prepare(2000, 0));
    const items = prepare(requests, 2000);
    const cpuBefore = await cpu();
    const started = performance.now();
    const errors = await send(items);
    const seconds = (performance.now() - started) / 1000;
    const used = (await cpu()) - cpuBefore;
    console.log(
      `subgraph /graphql, ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(2)}, replay guard ${args.redis ? 'Redis' : 'memory'}: ` +
        `${requests} requests at concurrency ${concurrency}, ${errors} errors, ${(requests / seconds).toFixed(0)} rps, ` +
        `${(used / requests).toFixed(0)} µs CPU per request`,
    );
  } finally {
    await pool.close();
    proc.disconnect();
    await new Promise((resolve) => proc.once('exit', resolve));
  }
}

if (process.env.CAMEO_BENCH_HTTP) void child();
else
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      log(String(error instanceof Error ? error.stack : error));
      process.exit(1);
    },
  );
