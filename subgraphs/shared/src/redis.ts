import type { Redis } from 'ioredis';

/** How long QUIT may take at shutdown before the connection is simply dropped. */
export const QUIT_GRACE_MS = 1_000;

/**
 * Closes a connection without depending on Redis being there. QUIT is the polite close (replies
 * to commands already sent arrive first), but while the connection is down it waits in ioredis'
 * offline queue for as long as reconnecting takes; a shutdown must not wait on an outage.
 */
export async function closeRedis(redis: Redis, graceMs = QUIT_GRACE_MS): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
  try {
    await Promise.race([
      redis.quit().then(
        () => {},
        () => {},
      ),
      grace,
    ]);
  } finally {
    clearTimeout(timer);
    if (redis.status !== 'end') redis.disconnect();
  }
}
