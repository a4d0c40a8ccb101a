import { SUBGRAPH_NAMES, readCommonEnv, requireDatabaseUrl } from '@cameo/kernel/env';
import { listDeadLetters, requestReplay } from '@cameo/kernel/event-delivery';
import { rawDb } from '@cameo/kernel/raw-db';

const USAGE = `usage: npm run events -- list [subgraph]
       npm run events -- replay <subgraph> [eventId ...]

Dead letters are domain events a subgraph's consumer gave up on after its retries. "replay"
marks them (all of the subgraph's, or the ids given) for the running consumer, which applies
each once more within seconds; one that fails again stays listed with its new error.`;

/** `npm run events`: lists and replays dead-lettered domain events (DATABASE_URL). */
async function main(argv: string[]) {
  const [command, subgraph, ...ids] = argv;
  const known = (name: string | undefined): name is string => SUBGRAPH_NAMES.includes(name as never);
  if (command !== 'list' && command !== 'replay') return fail(USAGE);
  if (subgraph !== undefined && !known(subgraph)) return fail(`unknown subgraph "${subgraph}"; one of ${SUBGRAPH_NAMES.join(', ')}`);
  if (command === 'replay' && !subgraph) return fail(USAGE);
  const db = rawDb(requireDatabaseUrl(readCommonEnv()));
  try {
    if (command === 'list') {
      for (const name of subgraph ? [subgraph] : SUBGRAPH_NAMES) {
        const letters = await listDeadLetters(db, name);
        console.log(`${name}: ${letters.length} dead letter${letters.length === 1 ? '' : 's'}`);
        for (const letter of letters) {
          console.log(
            `  ${letter.eventId} ${letter.topic} from ${letter.source}, ${letter.attempts} attempts, ${letter.deadAt.toISOString()}${letter.replayRequested ? ' (replay requested)' : ''}: ${letter.error}`,
          );
        }
      }
    } else {
      const marked = await requestReplay(db, subgraph!, ids.length ? ids : undefined);
      console.log(`${marked} dead letter${marked === 1 ? '' : 's'} of ${subgraph} marked for replay`);
    }
  } finally {
    await db.end();
  }
}

function fail(message: string) {
  console.error(message);
  process.exitCode = 1;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`events failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
