import { spawn } from 'node:child_process';
import path from 'node:path';

const FIXTURE = path.join(__dirname, 'fixtures', 'run-until-signal.ts');

/** Starts the fixture, sends it SIGTERM once it runs, and returns how it ended. */
async function terminate(stop: 'finishes' | 'hangs'): Promise<{ code: number | null; stderr: string; logs: Record<string, unknown>[] }> {
  const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE], {
    env: { ...process.env, CAMEO_TEST_STOP: stop },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (chunk.toString().includes('running')) child.kill('SIGTERM');
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const logs = stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { code, stderr, logs };
}

describe('runUntilSignal', () => {
  it('exits 0 once stop() finishes', async () => {
    expect(await terminate('finishes')).toMatchObject({ code: 0, stderr: '' });
  });

  it('exits 1 with the reason when stop() outlasts the shutdown deadline', async () => {
    const { code, logs } = await terminate('hangs');
    expect(code).toBe(1);
    // A JSON line (pino) naming the process, even in the last moment before process.exit.
    expect(logs).toContainEqual(
      expect.objectContaining({ service: 'fixture', level: 'error', msg: 'shutdown did not finish within 200 ms: exiting' }),
    );
  });
});
