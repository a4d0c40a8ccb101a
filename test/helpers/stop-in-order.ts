/** A part of a test platform and how to stop it. */
export type Stoppable = readonly [name: string, stop: () => Promise<unknown>];

/**
 * Stops every part, in order, each given at most `perPartMs`. A part that throws or hangs does not
 * keep the parts after it running: one left running (an outbox relay polls every 250 ms) keeps
 * jest from ever exiting, and CI would wait its whole limit for it. Fails afterwards, naming each
 * part that did not stop, so the test file still goes red.
 */
export async function stopInOrder(parts: readonly Stoppable[], perPartMs = 10_000): Promise<void> {
  const failures: string[] = [];
  for (const [name, stop] of parts) {
    let timer: NodeJS.Timeout | undefined;
    const hung = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`did not stop within ${perPartMs} ms`)), perPartMs);
    });
    try {
      await Promise.race([stop(), hung]);
    } catch (error) {
      failures.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      clearTimeout(timer);
    }
  }
  if (failures.length > 0) throw new Error(`the test platform did not stop cleanly: ${failures.join('; ')}`);
}
