/**
 * Sign-in's password check at the old (N=2^15) and the current (N=2^17) scrypt cost: p50 of
 * verifyPassword, which is what one sign-in spends. `npm run bench:signin`.
 */
import { hashPassword, scryptCost, verifyPassword } from '@cameo/users/passwords';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);

async function p50(log2N: number): Promise<number> {
  const stored = await hashPassword('correct horse battery staple', scryptCost(log2N));
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint();
    await verifyPassword('correct horse battery staple', stored);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

async function main() {
  for (const [label, log2N] of [
    ['old N=2^15', 15],
    ['new N=2^17', 17],
  ] as const) {
    console.log(`sign-in password check ${label} (r=8, p=1): p50 ${(await p50(log2N)).toFixed(0)} ms over ${RUNS} runs`);
  }
}

void main();
