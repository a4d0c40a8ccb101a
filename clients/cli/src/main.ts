import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import {
  CameoError,
  CameoOfUserDocument,
  CreateGenerationDocument,
  FeedDocument,
  GenerationProgressDocument,
  MyCameosDocument,
  SetCameoPolicyDocument,
  SignInDocument,
  createCameoClient,
  type CameoKind,
  type ConsentPolicy,
} from '@cameo/sdk';
import { CommandError, startCameo, verifyCameo } from './cameo-verify';
import { createProgressDisplay } from './progress';
import { clearSession, readSession, saveSession } from './session';

/**
 * `cameo` — the Cameo platform from a terminal, built on the SDK.
 *
 * Exit codes: 0 done; 1 bad usage; 2 not signed in or the session expired; 3 refused by the
 * platform (consent, quota, bad input — the message says which); 4 the generation ended without
 * a video (failed, blocked, cancelled); 5 the platform could not be reached.
 */
const USAGE = `usage: cameo <command>

  login <handle> [--password <password>]     sign in (or set CAMEO_PASSWORD)
  logout
  feed [--following] [--first <n>]           your For You (or Following) feed
  generate "<prompt>" [--cameo @handle]... [--seconds <n>] [--watch]
                                             make a video; --watch shows its progress live
  cameo start [--kind PERSON|PET|OBJECT] [--name <name>]
                                             a new cameo: prints the phrase to record
  cameo verify <file> [--id <cameo id>]      uploads the recording (MP4 or WebM, progress
                                             bar) and waits until it is verified or rejected
  cameo set-policy <ONLY_ME|APPROVED|MUTUALS|EVERYONE>
                                             who may use your cameo

  --url <gateway>   the gateway (or CAMEO_URL; default http://localhost:4000/graphql)`;

export const EXIT = { OK: 0, USAGE: 1, AUTH: 2, REFUSED: 3, NO_VIDEO: 4, UNREACHABLE: 5 } as const;

class Exit extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

const POLICIES = ['ONLY_ME', 'APPROVED', 'MUTUALS', 'EVERYONE'] as const;

function fromError(error: unknown): Exit {
  if (error instanceof Exit) return error;
  if (error instanceof CameoError) {
    if (error.code === 'NETWORK_ERROR' || error.code === 'CONNECTION_CLOSED') return new Exit(EXIT.UNREACHABLE, error.message);
    if (error.code === 'UNAUTHENTICATED' || error.code === 'INVALID_CREDENTIALS')
      return new Exit(EXIT.AUTH, `${error.message} (run: cameo login <handle>)`);
    return new Exit(EXIT.REFUSED, `refused (${error.code}): ${error.message}`);
  }
  return new Exit(EXIT.UNREACHABLE, error instanceof Error ? error.message : String(error));
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      password: { type: 'string' },
      following: { type: 'boolean', default: false },
      first: { type: 'string' },
      cameo: { type: 'string', multiple: true, default: [] },
      seconds: { type: 'string' },
      watch: { type: 'boolean', default: false },
      kind: { type: 'string' },
      name: { type: 'string' },
      id: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(`${USAGE}\n`);
    return values.help ? EXIT.OK : EXIT.USAGE;
  }
  const session = readSession();
  const url = values.url ?? process.env.CAMEO_URL ?? session?.url ?? 'http://localhost:4000/graphql';
  const client = createCameoClient({ url, token: session?.url === url ? session.token : undefined, webSocketImpl: WebSocket });
  const needSession = () => {
    if (!session || session.url !== url) throw new Exit(EXIT.AUTH, `not signed in to ${url} (run: cameo login <handle>)`);
  };
  try {
    switch (command) {
      case 'login': {
        const handle = rest[0]?.replace(/^@/, '');
        const password = values.password ?? process.env.CAMEO_PASSWORD;
        if (!handle || !password) throw new Exit(EXIT.USAGE, 'usage: cameo login <handle> --password <password> (or CAMEO_PASSWORD)');
        const { signIn } = await client.request(SignInDocument, { handle, password });
        saveSession({ url, token: signIn.token, handle: signIn.user.handle });
        process.stdout.write(`signed in as @${signIn.user.handle}\n`);
        return EXIT.OK;
      }
      case 'logout':
        clearSession();
        process.stdout.write('signed out\n');
        return EXIT.OK;
      case 'feed': {
        needSession();
        const first = values.first ? Number(values.first) : 10;
        const { feed } = await client.request(FeedDocument, { kind: values.following ? 'FOLLOWING' : 'FOR_YOU', first });
        if (feed.edges.length === 0) process.stdout.write('nothing to show yet\n');
        for (const { node } of feed.edges) {
          const cast = node.cameos.map((cameo) => `@${cameo.owner.handle}`).join(' ');
          process.stdout.write(
            `@${node.creator.handle}  ${node.caption}${cast ? `  with ${cast}` : ''}  ♥ ${node.video.likeCount}  ${node.video.videoUrl ?? ''}\n`,
          );
        }
        return EXIT.OK;
      }
      case 'generate':
        needSession();
        return await generate(client, url, rest[0], values.cameo, values.seconds, values.watch);
      case 'cameo': {
        needSession();
        if (rest[0] === 'start') {
          const kind = (values.kind ?? 'PERSON').toUpperCase();
          if (!['PERSON', 'PET', 'OBJECT'].includes(kind))
            throw new Exit(EXIT.USAGE, 'usage: cameo cameo start [--kind PERSON|PET|OBJECT] [--name <name>]');
          await startCameo(client, kind as CameoKind, values.name, process.stdout);
          return EXIT.OK;
        }
        if (rest[0] === 'verify') {
          try {
            await verifyCameo(client, url, rest[1], values.id, process.stdout);
          } catch (error) {
            if (error instanceof CommandError) throw new Exit(error.kind === 'usage' ? EXIT.USAGE : EXIT.REFUSED, error.message);
            throw error;
          }
          return EXIT.OK;
        }
        const policy = rest[1] as ConsentPolicy | undefined;
        if (rest[0] !== 'set-policy' || !policy || !POLICIES.includes(policy as (typeof POLICIES)[number])) {
          throw new Exit(EXIT.USAGE, `usage: cameo cameo set-policy <${POLICIES.join('|')}>`);
        }
        const { myCameos } = await client.request(MyCameosDocument);
        const own = myCameos.find((cameo) => cameo.kind === 'PERSON' && cameo.status === 'VERIFIED');
        if (!own) throw new Exit(EXIT.REFUSED, 'you have no verified cameo yet: record one in the app first');
        const { setCameoPolicy } = await client.request(SetCameoPolicyDocument, { cameoId: own.id, input: { policy } });
        process.stdout.write(`your cameo is now ${setCameoPolicy.policy} (version ${setCameoPolicy.policyVersion})\n`);
        return EXIT.OK;
      }
      default:
        throw new Exit(EXIT.USAGE, `unknown command "${command}"\n${USAGE}`);
    }
  } finally {
    await client.close();
  }
}

async function generate(
  client: ReturnType<typeof createCameoClient>,
  url: string,
  prompt: string | undefined,
  cameos: string[],
  seconds: string | undefined,
  watch: boolean,
) {
  if (!prompt) throw new Exit(EXIT.USAGE, 'usage: cameo generate "<prompt>" [--cameo @handle]... [--seconds <n>] [--watch]');
  const cameoIds: string[] = [];
  for (const handle of cameos.map((value) => value.replace(/^@/, ''))) {
    const { userByHandle } = await client.request(CameoOfUserDocument, { handle });
    if (!userByHandle) throw new Exit(EXIT.REFUSED, `refused: there is no @${handle}`);
    if (!userByHandle.cameo) throw new Exit(EXIT.REFUSED, `refused: @${handle} has no cameo you may use`);
    cameoIds.push(userByHandle.cameo.id);
  }
  const { createGeneration } = await client.request(CreateGenerationDocument, {
    input: { prompt, cameoIds, ...(seconds ? { seconds: Number(seconds) } : {}) },
  });
  process.stdout.write(`generation ${createGeneration.id} queued\n`);
  if (!watch) return EXIT.OK;
  const display = createProgressDisplay(process.stdout);
  const final = await new Promise<{ status: string; errorReason: string | null; videoUrl: string | null }>((resolve, reject) => {
    let last: { status: string; errorReason: string | null; videoUrl: string | null } | undefined;
    client.subscribe(
      GenerationProgressDocument,
      { id: createGeneration.id },
      {
        next: ({ generationProgress: step }) => {
          display.update(step.progress, step.stage);
          last = { status: step.status, errorReason: step.errorReason, videoUrl: step.generation?.videoUrl ?? null };
        },
        error: reject,
        complete: () => (last ? resolve(last) : reject(new Exit(EXIT.UNREACHABLE, 'the progress stream ended without a status'))),
      },
    );
  });
  display.done();
  if (final.status !== 'COMPLETED')
    throw new Exit(EXIT.NO_VIDEO, `generation ${final.status.toLowerCase()}${final.errorReason ? `: ${final.errorReason}` : ''}`);
  process.stdout.write(`done: ${new URL(final.videoUrl ?? '', url).toString()}\n`);
  return EXIT.OK;
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const exit = fromError(error);
    process.stderr.write(`cameo: ${exit.message}\n`);
    process.exit(exit.code);
  },
);
