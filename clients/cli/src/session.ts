import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Where the CLI keeps its session: CAMEO_CONFIG_DIR, or ~/.config/cameo. */
const configDir = () => process.env.CAMEO_CONFIG_DIR || path.join(os.homedir(), '.config', 'cameo');
const sessionFile = () => path.join(configDir(), 'session.json');

export interface Session {
  url: string;
  token: string;
  handle: string;
}

export function readSession(): Session | null {
  try {
    return JSON.parse(readFileSync(sessionFile(), 'utf8')) as Session;
  } catch {
    return null;
  }
}

export function saveSession(session: Session): void {
  mkdirSync(configDir(), { recursive: true, mode: 0o700 });
  // Only the user may read it: it holds a session token.
  writeFileSync(sessionFile(), JSON.stringify(session), { mode: 0o600 });
}

export function clearSession(): void {
  rmSync(sessionFile(), { force: true });
}
