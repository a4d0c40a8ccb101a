import { DEFAULT_GATEWAY_PORT } from '@cameo/kernel/env';

/**
 * The image's health probe: `node dist/scripts/healthcheck.js [url]` exits 0 when the URL
 * answers 2xx within 2 s, else 1. Node, not curl: the slim base image has no curl.
 * Default URL: the gateway's /healthz on GATEWAY_PORT (4000), what the image runs by default.
 */
export async function probe(url: string, timeoutMs = 2000): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    return response.ok;
  } catch {
    return false;
  }
}

if (require.main === module) {
  const url = process.argv[2] ?? `http://127.0.0.1:${process.env.GATEWAY_PORT ?? DEFAULT_GATEWAY_PORT}/healthz`;
  void probe(url).then((ok) => process.exit(ok ? 0 : 1));
}
