import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { build, workspacePackages } from '../../scripts/build';
import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { request } from '@cameo/test-helpers/graphql';
import { signUp } from '@cameo/test-helpers/users';

/**
 * What the image runs, run here: `npm run build` into a scratch folder inside the repo (so
 * node_modules resolves as in the image), then the compiled migrate, a subgraph, the gateway and
 * the health probe with plain `node` — no tsx, no TypeScript.
 */
const ROOT = path.join(__dirname, '..', '..');
const OUT = path.join(ROOT, 'test', 'artifacts', `dist-${randomBytes(4).toString('hex')}`);
const run = promisify(execFile);
const children: ChildProcess[] = [];
let database: TestDatabase;

/**
 * Env for a compiled service: development (dev keys, and logs on: NODE_ENV=test silences the
 * "listening on" line) without REDIS_URL, plus `extra`.
 */
function envWith(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development', DATABASE_URL: database.url, ...extra };
  delete env.REDIS_URL;
  return env;
}

/** Spawns `node <OUT>/<file>` and resolves with the URL it logs once it listens. */
async function startCompiled(file: string, env: NodeJS.ProcessEnv): Promise<string> {
  const child = spawn(process.execPath, [path.join(OUT, file)], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  child.stderr!.on('data', (chunk) => (output += chunk));
  return new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/[^;\s]+)[;\s]/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code}:\n${output}`)));
  });
}

/** The exit code of the compiled health probe. */
async function probe(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  try {
    await run(process.execPath, [path.join(OUT, 'scripts', 'healthcheck.js'), ...args], { env });
    return 0;
  } catch (error) {
    return (error as { code: number }).code;
  }
}

beforeAll(async () => {
  database = await createTestDatabase('build');
  await build(OUT);
  // Marks the prebuilt page, so the test sees it is what the gateway serves (not a fresh build).
  appendFileSync(path.join(OUT, 'web', 'index.html'), '<!-- prebuilt -->\n');
}, 180_000);

afterAll(async () => {
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(
    children.map((child) => (child.exitCode === null ? new Promise((resolve) => child.once('exit', resolve)) : Promise.resolve())),
  );
  await database?.drop();
  rmSync(OUT, { recursive: true, force: true });
});

describe('the compiled platform (npm run build)', () => {
  it('migrates: the compiled runner finds the migrations copied beside it', async () => {
    // createTestDatabase applied them from the sources; the compiled runner sees the same history.
    const { stdout } = await run(process.execPath, [path.join(OUT, 'scripts', 'migrate.js')], { env: envWith({}) });
    const match = /migrations: 0 applied, (\d+) already applied/.exec(stdout);
    expect(Number(match?.[1])).toBeGreaterThan(0);
  });

  it('each compiled package requires only its own production dependencies (the runtime stage installs no others)', () => {
    const packages = workspacePackages().map(({ dir, manifest }) => ({ dir: `${dir}/`, manifest }));
    const root = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      name: string;
      dependencies: Record<string, string>;
    };
    const compiled = (readdirSync(OUT, { recursive: true }) as string[]).filter(
      (file) => file.endsWith('.js') && !file.startsWith('web') && !file.startsWith('node_modules'),
    );
    const undeclared: string[] = [];
    let requires = 0;
    for (const file of compiled) {
      // A file belongs to the workspace package whose folder holds it, else to the root (scripts/).
      const owner = packages.find(({ dir }) => file.startsWith(dir))?.manifest ?? { name: root.name, dependencies: root.dependencies };
      for (const [, specifier] of readFileSync(path.join(OUT, file), 'utf8').matchAll(/require\("([^."][^"]*)"\)/g)) {
        const name = specifier!.startsWith('@') ? specifier!.split('/').slice(0, 2).join('/') : specifier!.split('/')[0]!;
        if (name.startsWith('node:') || builtinModules.includes(name)) continue;
        requires++;
        if (name !== owner.name && !(name in (owner.dependencies ?? {})))
          undeclared.push(`${file} requires ${name}, not in ${owner.name}'s dependencies`);
      }
    }
    expect(requires).toBeGreaterThan(100);
    expect(undeclared).toEqual([]);
  });

  it('the compiled packages export their JavaScript and link each other by name', () => {
    for (const { manifest } of workspacePackages()) {
      const linked = JSON.parse(readFileSync(path.join(OUT, 'node_modules', manifest.name, 'package.json'), 'utf8')) as {
        exports: Record<string, string>;
      };
      expect(Object.values(linked.exports).every((target) => target.endsWith('.js'))).toBe(true);
    }
  });

  it('serves a subgraph and the gateway with its prebuilt web app; the health probe tells up from down', async () => {
    const usersUrl = await startCompiled('subgraphs/users/src/index.js', envWith({ USERS_PORT: '0' }));
    const usersHealth = usersUrl.replace(/\/graphql$/, '/healthz');
    expect(await probe([usersHealth])).toBe(0);

    // Nothing listens on port 9 (discard) here: the gateway starts from its static supergraph.
    const unused = 'http://127.0.0.1:9/graphql';
    const gatewayUrl = await startCompiled(
      'gateway/src/index.js',
      envWith({ GATEWAY_PORT: '0', USERS_URL: usersUrl, GENERATIONS_URL: unused, SOCIAL_URL: unused, FEED_URL: unused }),
    );
    const origin = gatewayUrl.replace(/\/graphql$/, '');
    const page = await fetch(`${origin}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<!-- prebuilt -->');
    // The compiled users subgraph and its Prisma client answer through the compiled gateway.
    const user = await signUp(gatewayUrl, 'compiled_user');
    expect((await request(gatewayUrl, '{ me { handle } }', { token: user.token })).data).toEqual({ me: { handle: 'compiled_user' } });

    // With no argument the probe asks the gateway's /healthz on GATEWAY_PORT, as the image's HEALTHCHECK does.
    expect(await probe([], { ...process.env, GATEWAY_PORT: new URL(origin).port })).toBe(0);
    expect(await probe(['http://127.0.0.1:9/healthz'])).toBe(1);
  });
});
