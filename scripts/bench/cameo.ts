import { execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { uploadRecording } from '@cameo/sdk/upload';
import { createTestDatabase } from '@cameo/test-helpers/database';
import { graphql, ok } from '@cameo/test-helpers/graphql';
import { makeRecording } from '@cameo/test-helpers/recordings';
import { startStack } from '@cameo/test-helpers/stack';
import { signUp } from '@cameo/test-helpers/users';

/**
 * `npm run bench:cameo`: cameo recordings, on this machine, everything in one process on
 * loopback (gateway, users with the filesystem object storage, the load).
 *   1. Upload throughput of a 30 s 720p recording (~19 MB) through the signed upload URL (tus
 *      through the gateway to users, 5 MiB chunks), against a plain copy of the same file: a
 *      bare HTTP PUT streamed to a file, and fs.copyFile. Median of --runs.
 *   2. Time from upload complete (the last PATCH answered) to VERIFIED with the offline
 *      recogniser (media check, ffmpeg, pocketsphinx): p50 and max of --verifications.
 * Needs PostgreSQL (DATABASE_URL, default the local server), ffmpeg, espeak-ng and pocketsphinx.
 */
const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    verifications: { type: 'string', default: '10' },
    'chunk-mib': { type: 'string', default: '5' },
  },
});
const runs = Number(args.runs);
const verifications = Number(args.verifications);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const mbps = (bytes: number, ms: number) => bytes / 1024 / 1024 / (ms / 1000);

async function main() {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'cameo-bench-'));
  const big = path.join(scratch, 'recording-30s-720p.mp4');
  process.stdout.write('making a 30 s 720p recording with ffmpeg…\n');
  execFileSync('ffmpeg', [
    ...['-nostdin', '-loglevel', 'error', '-y'],
    ...['-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=30:duration=30', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=30'],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-b:v', '5M', '-pix_fmt', 'yuv420p', '-c:a', 'aac', big],
  ]);
  const size = statSync(big).size;
  const bytes = readFileSync(big);
  const database = await createTestDatabase('bench_cameo');
  const stack = await startStack(database.url, { verifier: 'offline' });
  // The plain copy over HTTP: a bare server streaming the request body to a file.
  const bare = http.createServer((req, res) => {
    void pipeline(req, createWriteStream(path.join(scratch, `bare-${Date.now()}`))).then(() => res.writeHead(204).end());
  });
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/`;
  try {
    const owner = await signUp(stack.gatewayUrl, `bench${Date.now() % 100000}`);
    const start = async (kind = 'OBJECT') =>
      (
        await ok(
          graphql(
            stack.gatewayUrl,
            `
              mutation ($input: StartCameoVerificationInput!) {
                startCameoVerification(input: $input) {
                  id
                  uploadUrl
                  verificationPhrase
                }
              }
            `,
            {
              token: owner.token,
              variables: { input: { kind, name: 'bench' } },
            },
          ),
        )
      ).startCameoVerification as { id: string; uploadUrl: string; verificationPhrase: string };

    const signed: number[] = [];
    const overHttp: number[] = [];
    const copied: number[] = [];
    for (let run = 0; run < runs; run++) {
      const cameo = await start();
      let began = performance.now();
      await uploadRecording({
        url: new URL(cameo.uploadUrl, stack.gatewayUrl).href,
        file: bytes,
        contentType: 'video/mp4',
        chunkBytes: Number(args['chunk-mib']) * 1024 * 1024,
      });
      signed.push(performance.now() - began);
      began = performance.now();
      const response = await fetch(bareUrl, { method: 'PUT', body: createReadStream(big) as never, duplex: 'half' } as RequestInit);
      if (response.status !== 204) throw new Error(`bare PUT ${response.status}`);
      overHttp.push(performance.now() - began);
      began = performance.now();
      await copyFile(big, path.join(scratch, `copy-${run}.mp4`));
      copied.push(performance.now() - began);
    }

    // Upload complete -> VERIFIED, offline recogniser, on short recordings of the phrase.
    const latencies: number[] = [];
    for (let index = 0; index < verifications; index++) {
      const cameo = await start();
      const file = readFileSync(makeRecording({ phrase: cameo.verificationPhrase, seconds: 6 }));
      await uploadRecording({ url: new URL(cameo.uploadUrl, stack.gatewayUrl).href, file, contentType: 'video/mp4' });
      const uploaded = performance.now();
      for (;;) {
        const { cameo: now } = await ok(
          graphql(
            stack.gatewayUrl,
            `
              query ($id: ID!) {
                cameo(id: $id) {
                  status
                  rejectionCode
                }
              }
            `,
            { token: owner.token, variables: { id: cameo.id } },
          ),
        );
        if (now.status === 'VERIFIED') break;
        if (now.status === 'REJECTED') throw new Error(`rejected: ${now.rejectionCode}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      latencies.push(performance.now() - uploaded);
    }

    const rows = [
      ['upload, signed URL (tus via gateway)', `${mbps(size, median(signed)).toFixed(0)} MB/s`, `${median(signed).toFixed(0)} ms`],
      ['plain copy, bare HTTP PUT to a file', `${mbps(size, median(overHttp)).toFixed(0)} MB/s`, `${median(overHttp).toFixed(0)} ms`],
      ['plain copy, fs.copyFile', `${mbps(size, median(copied)).toFixed(0)} MB/s`, `${median(copied).toFixed(0)} ms`],
    ];
    process.stdout.write(`\nrecording: ${(size / 1024 / 1024).toFixed(1)} MB, 30 s, 1280x720 H.264 5 Mb/s + AAC; median of ${runs}\n`);
    for (const [what, rate, time] of rows) process.stdout.write(`  ${what!.padEnd(40)} ${rate!.padStart(10)} ${time!.padStart(9)}\n`);
    const vsHttp = median(overHttp) / median(signed);
    const vsCopy = median(copied) / median(signed);
    process.stdout.write(`  ratio signed / bare HTTP PUT: ${vsHttp.toFixed(2)} (target >= 0.8: ${vsHttp >= 0.8 ? 'met' : 'NOT met'})\n`);
    process.stdout.write(`  ratio signed / fs.copyFile:   ${vsCopy.toFixed(2)}\n`);
    const sorted = [...latencies].sort((a, b) => a - b);
    process.stdout.write(
      `\nupload complete -> VERIFIED (offline: media check + ffmpeg + pocketsphinx), ${verifications} recordings of 6 s: p50 ${median(latencies).toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms\n`,
    );
  } finally {
    bare.close();
    await stack.stop();
    await database.drop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
