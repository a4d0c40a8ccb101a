import { fork } from 'node:child_process';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import express from 'express';
import { Pool } from 'undici';
import { GATEWAY_PROOF_HEADER, signGatewayProof } from '@cameo/kernel/gateway-proof';
import { INTERNAL_TOKEN_HEADER, internalCallers, signInternalToken } from '@cameo/kernel/internal-call';
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
 * child's V8 CPU profile there. `--target internal` posts to an internal route instead (express,
 * express.json, the internal token check and a constant answer: social's /internal/blocks
 * without its query), each request with a fresh internal token.
 */
const { values: args } = parseArgs({
  options: {
    requests: { type: 'string', default: '20000' },
    concurrency: { type: 'string', default: '8' },
    redis: { type: 'string' },
    profile: { type: 'string' },
    target: { type: 'string', default: 'graphql' },
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
    routes: (app) => {
      app.use(
        '/internal',
        express.json({ limit: '16kb' }),
        internalCallers(benchKeys().internalCallSecret, 'bench', { '/internal/echo': ['feed'] }),
      );
      app.post('/internal/echo', (_req, res) => void res.json({ blocked: [], muted: [] }));
    },
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
  const { gatewayProofPrivateKey, internalCallSecret } = benchKeys();
  const internal = args.target === 'internal';
  const prepare = (n: number, offset: number) =>
    Array.from({ length: n }, (_, i) => {
      if (internal)
        return {
          path: '/internal/echo',
          payload: JSON.stringify({ userId: `00000000-0000-4000-8000-${String(offset + i).padStart(12, '0')}` }),
          headers: { [INTERNAL_TOKEN_HEADER]: signInternalToken(internalCallSecret, 'feed', 'bench') },
        };
      const payload = body(offset + i);
      const proof = signGatewayProof(gatewayProofPrivateKey, 'bench', { viewerId: `viewer-${i}` }, { method: 'POST', body: payload });
      return { path: '/graphql', payload, headers: { [GATEWAY_PROOF_HEADER]: proof } };
    });
  const pool = new Pool(`http://127.0.0.1:${port}`, { connections: concurrency, pipelining: 1 });
  const send = async (items: ReturnType<typeof prepare>) => {
    let next = 0;
    let errors = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < items.length) {
          const { path, payload, headers } = items[next++]!;
          const response = await pool.request({
            path,
            method: 'POST',
            headers: { 'content-type': 'application/json', ...headers },
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
      `subgraph ${internal ? '/internal/echo' : '/graphql'}, ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(2)}, replay guard ${args.redis ? 'Redis' : 'memory'}: ` +
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
