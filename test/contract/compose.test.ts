import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { DEFAULT_GATEWAY_PORT, DEFAULT_SUBGRAPH_PORTS, ENV_VARIABLES, SUBGRAPH_NAMES } from '@cameo/kernel/env';

/**
 * No Docker engine runs here, so docker-compose.yml is checked against the code instead:
 * schema-valid, every command a real file, every variable one the code reads, and back.
 */
const ROOT = path.join(__dirname, '..', '..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

interface Service {
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  healthcheck?: { test?: string[]; disable?: boolean };
  depends_on?: Record<string, { condition: string }>;
}
const compose = parse(read('docker-compose.yml'), { merge: true }) as { services: Record<string, Service> };
const services = compose.services;

/** The globs of tsconfig.build.json's include: what `npm run build` compiles. */
const buildIncludes = (JSON.parse(read('tsconfig.build.json').replace(/^\s*\/\/.*$/gm, '')) as { include: string[] }).include;
/**
 * Whether `npm run build` emits `dist/<file>.js`: its `<file>.ts` exists and tsconfig.build.json
 * includes it (a file, or a `<dir>/src` folder, `*` standing for one folder).
 */
function compiledFrom(distFile: string): boolean {
  const match = /^dist\/(.+)\.js$/.exec(distFile);
  if (!match) return false;
  const source = `${match[1]}.ts`;
  const included = buildIncludes.some((include) =>
    new RegExp(`^${include.replace(/\./g, '\\.').replace(/\*/g, '[^/]+')}(/|$)`).test(source),
  );
  return included && existsSync(path.join(ROOT, source));
}

/** The Dockerfile as stages of [KEYWORD, arguments] instructions, continuation lines joined. */
const dockerStages = read('Dockerfile')
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'))
  .map((line) => [line.split(/\s+/, 1)[0]!.toUpperCase(), line.slice(line.indexOf(' ') + 1).trim()] as const)
  .reduce<{ from: string; instructions: (readonly [string, string])[] }[]>((stages, instruction) => {
    if (instruction[0] === 'FROM') stages.push({ from: instruction[1], instructions: [] });
    else stages.at(-1)!.instructions.push(instruction);
    return stages;
  }, []);

/** Every variable env.ts reads (its zod schemas, per subgraph `<NAME>_PORT` / `<NAME>_URL` included). */
const variablesReadByCode = new Set(ENV_VARIABLES);

describe('docker-compose.yml', () => {
  it('validates against the compose spec (dclint)', () => {
    const output = execFileSync(path.join(ROOT, 'node_modules', '.bin', 'dclint'), ['docker-compose.yml'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(output.trim()).toBe('');
  });

  it('runs compiled entry points that `npm run build` produces from sources in the repo', () => {
    const commands = Object.entries(services).filter(([, service]) => service.command);
    expect(commands.map(([name]) => name).sort()).toEqual(['gateway', 'migrate', 'worker', ...SUBGRAPH_NAMES].sort());
    for (const [, service] of commands) {
      expect(service.command?.[0]).toBe('node');
      expect(compiledFrom(service.command![1]!)).toBe(true);
    }
    // Health checks run the compiled probe too (no curl in the slim image).
    for (const service of Object.values(services).filter((service) => service.build)) {
      const test = service.healthcheck?.test;
      if (service.healthcheck?.disable) continue;
      expect(test?.slice(0, 3)).toEqual(['CMD', 'node', 'dist/scripts/healthcheck.js']);
      expect(compiledFrom(test![2]!)).toBe(true);
    }
  });

  it('starts every service only once what it needs is healthy, after migrate completed', () => {
    for (const [name, service] of Object.entries(services).filter(([, service]) => service.build && service.command)) {
      const conditions = Object.values(service.depends_on ?? {}).map((dependency) => dependency.condition);
      expect([name, conditions.filter((condition) => condition === 'service_started')]).toEqual([name, []]);
      if (name === 'migrate' || name === 'gateway') continue;
      expect([name, service.depends_on?.migrate?.condition]).toEqual([name, 'service_completed_successfully']);
    }
    // The gateway plans over every subgraph: it starts once each answers its health check.
    for (const name of SUBGRAPH_NAMES) expect(services.gateway?.depends_on?.[name]?.condition).toBe('service_healthy');
    // No HTTP server in the one-shot migrate: the image's HEALTHCHECK must not mark it unhealthy.
    expect(services.migrate?.healthcheck?.disable).toBe(true);
    // The worker's admin server answers on WORKER_PORT.
    expect(services.worker?.healthcheck?.test?.join(' ')).toContain(`127.0.0.1:${services.worker?.environment?.WORKER_PORT}/readyz`);
  });

  it('mounts the assets volume where the image creates it owned by the user it runs as', () => {
    const runtime = dockerStages.at(-1)!;
    const user = runtime.instructions.find(([keyword]) => keyword === 'USER')?.[1];
    for (const name of ['generations', 'worker']) {
      const assetsDir = services[name]!.environment!.ASSETS_DIR!;
      expect(services[name]!.volumes).toContain(`assets:${assetsDir}`);
      const runs = runtime.instructions.filter(([keyword]) => keyword === 'RUN').map(([, args]) => args);
      expect(runs.some((run) => run.includes(`mkdir -p ${assetsDir}`))).toBe(true);
      // chown of the folder or a parent, to the runtime user.
      expect(runs.some((run) => new RegExp(`chown (-R )?${user}:${user} (${assetsDir}|${path.dirname(assetsDir)})\\b`).test(run))).toBe(
        true,
      );
    }
  });

  it('names only variables the code reads', () => {
    const named = new Set(Object.values(services).flatMap((service) => Object.keys(service.environment ?? {})));
    const platformOnly = [...named].filter((name) => !name.startsWith('POSTGRES_'));
    expect(platformOnly.filter((name) => !variablesReadByCode.has(name))).toEqual([]);
    // And the other way round: nothing the code reads is missing from compose.
    expect([...variablesReadByCode].filter((name) => !named.has(name))).toEqual([]);
  });

  it('runs each subgraph on its port and points the gateway at it', () => {
    const gateway = services.gateway!;
    expect(gateway.ports).toEqual([`${DEFAULT_GATEWAY_PORT}:${DEFAULT_GATEWAY_PORT}`]);
    expect(gateway.environment?.GATEWAY_PORT).toBe(String(DEFAULT_GATEWAY_PORT));
    for (const name of SUBGRAPH_NAMES) {
      const port = DEFAULT_SUBGRAPH_PORTS[name];
      expect(services[name]?.environment?.[`${name.toUpperCase()}_PORT`]).toBe(String(port));
      expect(gateway.environment?.[`${name.toUpperCase()}_URL`]).toBe(`http://${name}:${port}/graphql`);
      expect(services[name]?.healthcheck?.test?.join(' ')).toContain(`127.0.0.1:${port}/healthz`);
    }
    // Production serves /readyz on ADMIN_PORT only, so the health check asks there.
    expect(gateway.healthcheck?.test?.join(' ')).toContain(`127.0.0.1:${gateway.environment?.ADMIN_PORT}/readyz`);
    expect(gateway.ports?.some((mapping) => mapping.includes(String(gateway.environment?.ADMIN_PORT)))).toBe(false);
  });
});

describe('Dockerfile', () => {
  const runtime = dockerStages.at(-1)!;
  const keyword = (name: string) => runtime.instructions.filter(([word]) => word === name).map(([, args]) => args);

  it('builds in one stage and runs production dependencies and compiled JavaScript in another', () => {
    expect(dockerStages.length).toBeGreaterThanOrEqual(2);
    const build = dockerStages[0]!;
    const buildName = /\bAS (\S+)$/i.exec(build.from)?.[1];
    expect(build.instructions.some(([word, args]) => word === 'RUN' && args.includes('npm run build'))).toBe(true);
    expect(keyword('RUN').some((run) => /npm ci\b.*--omit=dev/.test(run))).toBe(true);
    expect(keyword('COPY')).toContain(`--from=${buildName} /app/dist ./dist`);
    // Nothing from the source tree: from the build stage, the lock file, the package manifests
    // (npm ci reads every workspace's) and dist/.
    expect(keyword('COPY').filter((copy) => !copy.startsWith('--from='))).toEqual([]);
    const manifests = keyword('COPY').filter((copy) => copy !== `--from=${buildName} /app/dist ./dist`);
    expect(manifests.every((copy) => /\/package(-lock)?\.json( |$)/.test(copy))).toBe(true);
    const { workspaces } = JSON.parse(read('package.json')) as { workspaces: string[] };
    for (const dir of workspaces) expect(manifests).toContain(`--from=${buildName} /app/${dir}/package.json ${dir}/`);
    expect(runtime.instructions.map(([, args]) => args).join('\n')).not.toMatch(/\btsx\b/);
  });

  it('sends every committed file to the build (.dockerignore leaves out only what is built or local)', () => {
    const patterns = read('.dockerignore')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'))
      .map(
        (pattern) =>
          new RegExp(
            `^${pattern
              .replace(/\./g, '\\.')
              .replace(/\*\*\//g, '(.*/)?')
              .replace(/\*/g, '[^/]*')}(/|$)`,
          ),
      );
    const committed = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
    expect(committed.filter((file) => patterns.some((pattern) => pattern.test(file)))).toEqual([]);
    // The Prisma clients stay out: the build stage generates them from the schemas.
    expect(patterns.some((pattern) => pattern.test('subgraphs/users/src/generated/prisma/client.ts'))).toBe(true);
  });

  it('runs as a non-root user, with a node health probe and a compiled default command', () => {
    const users = keyword('USER');
    expect(users).toHaveLength(1);
    expect(users[0]).not.toMatch(/^(root|0)(:|$)/);
    const [healthcheck] = keyword('HEALTHCHECK');
    expect(healthcheck).toMatch(/CMD \["node", "dist\/scripts\/healthcheck\.js"\]$/);
    expect(compiledFrom('dist/scripts/healthcheck.js')).toBe(true);
    const command = JSON.parse(keyword('CMD').at(-1)!) as string[];
    expect(command[0]).toBe('node');
    expect(compiledFrom(command[1]!)).toBe(true);
    // The user switch comes after every RUN, so what they create stays as chowned.
    const lastRun = runtime.instructions.map(([word]) => word).lastIndexOf('RUN');
    expect(runtime.instructions.findIndex(([word]) => word === 'USER')).toBeGreaterThan(lastRun);
  });
});

describe('.env.example', () => {
  it('lists exactly the variables the code reads', () => {
    const listed = [...read('.env.example').matchAll(/^([A-Z][A-Z0-9_]+)=/gm)].map((match) => match[1]);
    expect(new Set(listed)).toEqual(variablesReadByCode);
  });
});
