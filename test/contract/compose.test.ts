import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { DEFAULT_GATEWAY_PORT, DEFAULT_SUBGRAPH_PORTS, SUBGRAPH_NAMES } from '../../subgraphs/shared/src/env';

/**
 * No Docker engine runs here, so docker-compose.yml is checked against the code instead:
 * schema-valid, every command a real file, every variable one the code reads, and back.
 */
const ROOT = path.join(__dirname, '..', '..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

interface Service {
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  healthcheck?: { test: string[] };
}
const compose = parse(read('docker-compose.yml'), { merge: true }) as { services: Record<string, Service> };
const services = compose.services;

/**
 * Every variable env.ts reads: `source.NAME`, names passed as string literals, and
 * `<NAME>_PORT` / `<NAME>_URL` per subgraph.
 */
const variablesReadByCode = new Set([
  ...[...read('subgraphs/shared/src/env.ts').matchAll(/'([A-Z][A-Z0-9_]+)'|source\.([A-Z][A-Z0-9_]+)/g)].map(
    (match) => (match[1] ?? match[2])!,
  ),
  ...SUBGRAPH_NAMES.flatMap((name) => [`${name.toUpperCase()}_PORT`, `${name.toUpperCase()}_URL`]),
]);

describe('docker-compose.yml', () => {
  it('validates against the compose spec (dclint)', () => {
    const output = execFileSync(path.join(ROOT, 'node_modules', '.bin', 'dclint'), ['docker-compose.yml'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(output.trim()).toBe('');
  });

  it('runs commands that exist in the repo', () => {
    const commands = Object.entries(services).filter(([, service]) => service.command);
    expect(commands.map(([name]) => name).sort()).toEqual(['gateway', 'migrate', 'worker', ...SUBGRAPH_NAMES].sort());
    for (const [, service] of commands) {
      expect(service.command?.[0]).toBe('node_modules/.bin/tsx');
      expect(existsSync(path.join(ROOT, service.command![1]!))).toBe(true);
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
      expect(services[name]?.healthcheck?.test.join(' ')).toContain(`127.0.0.1:${port}/healthz`);
    }
    // Production serves /readyz on ADMIN_PORT only, so the health check asks there.
    expect(gateway.healthcheck?.test.join(' ')).toContain(`127.0.0.1:${gateway.environment?.ADMIN_PORT}/readyz`);
    expect(gateway.ports?.some((mapping) => mapping.includes(String(gateway.environment?.ADMIN_PORT)))).toBe(false);
  });
});

describe('.env.example', () => {
  it('lists exactly the variables the code reads', () => {
    const listed = [...read('.env.example').matchAll(/^([A-Z][A-Z0-9_]+)=/gm)].map((match) => match[1]);
    expect(new Set(listed)).toEqual(variablesReadByCode);
  });
});
