import { spawn } from 'node:child_process';
import path from 'node:path';

const FIXTURE = path.join(__dirname, 'fixtures', 'run-until-signal.ts');

/** Starts the fixture, sends it SIGTERM once it runs, and returns how it ended. */
async function terminate(stop: 'finishes' | 'hangs'): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE], {
    env: { ...process.env, CAMEO_TEST_STOP: stop },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => {
    if (chunk.toString().includes('running')) child.kill('SIGTERM');
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, stderr };
}

describe('runUntilSignal', () => {
  it('exits 0 once stop() finishes', async () => {
    expect(await terminate('finishes')).toEqual({ code: 0, stderr: '' });
  });

  it('exits 1 with the reason when stop() outlasts the shutdown deadline', async () => {
    const { code, stderr } = await terminate('hangs');
    expect(code).toBe(1);
    expect(stderr).toContain('[fixture] shutdown did not finish within 200 ms: exiting');
  });
});
