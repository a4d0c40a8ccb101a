import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Where a process's CPU time goes, from the V8 CPU profile `node --cpu-prof` writes: each sample
 * is charged to one category, by the innermost frame of its stack that matches a rule (so time
 * in pg-protocol called from a Pothos resolver is SQL, and JSON.stringify called from Apollo
 * Server is serialization; a frame no rule knows, like a builtin or our own code, passes the
 * sample on to its callers). A stack no frame of which matches is "other". Idle samples count
 * nowhere.
 */
export const CATEGORIES = [
  'parse/validate',
  'execute/resolve',
  'Prisma/SQL',
  'serialization',
  'network/http',
  'query planning',
  'gateway execute/merge',
  'logging',
  'GC',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface CallFrame {
  functionName: string;
  url: string;
}

/** The .cpuprofile format: a call tree, and the node each sample was taken in with the µs since the previous. */
export interface CpuProfile {
  nodes: { id: number; callFrame: CallFrame; children?: number[] }[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Matched against a frame's url (as written in the profile: file:///…/node_modules/…, node:…). */
const URL_RULES: [Category, RegExp][] = [
  ['parse/validate', /\/node_modules\/graphql\/(language|validation)\//],
  ['execute/resolve', /\/node_modules\/graphql\/execution\/|\/node_modules\/@pothos\//],
  ['Prisma/SQL', /\/node_modules\/(@prisma\/|pg\/|pg-protocol\/|pg-pool\/|postgres-array\/|pg-types\/)|\/src\/generated\//],
  ['query planning', /\/node_modules\/(@apollo\/query-planner|@apollo\/federation-internals|@graphql-hive\/router-query-planner)\//],
  [
    'gateway execute/merge',
    /\/node_modules\/(@apollo\/gateway|@graphql-mesh\/fusion-runtime|@graphql-hive\/router-runtime|@graphql-tools\/federation)\//,
  ],
  ['logging', /\/node_modules\/(pino|pino-http|sonic-boom|thread-stream)\//],
  [
    'network/http',
    /^node:(http|https|net|_http_\w+|stream|internal\/(http|net|streams\/|stream_base_commons|deps\/undici|dns))|\/node_modules\/(undici|make-fetch-happen|minipass-fetch|node-fetch)\//,
  ],
];

/** The category of one frame, or undefined when no rule knows it. */
export function frameCategory(frame: CallFrame): Category | undefined {
  if (frame.functionName === '(garbage collector)') return 'GC';
  // JSON.stringify and JSON.parse are builtins: no url.
  if (frame.url === '' && (frame.functionName === 'stringify' || frame.functionName === 'parse')) return 'serialization';
  return URL_RULES.find(([, pattern]) => pattern.test(frame.url))?.[0];
}

export type Budget = Record<Category, number>;

/**
 * The CPU time (ms) per category of the samples taken between `from` and `to` (µs, on the
 * clock of the profile's startTime: the monotonic clock process.hrtime reads too).
 */
export function budgetOf(profile: CpuProfile, window?: { from: number; to: number }): Budget {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const categoryOf = new Map<number, Category | null>();
  const categorise = (id: number): Category | null => {
    if (!categoryOf.has(id)) {
      const node = byId.get(id)!;
      const up = parent.get(id);
      categoryOf.set(
        id,
        node.callFrame.functionName === '(idle)' ? null : (frameCategory(node.callFrame) ?? (up === undefined ? 'other' : categorise(up))),
      );
    }
    return categoryOf.get(id)!;
  };
  const budget = Object.fromEntries(CATEGORIES.map((category) => [category, 0])) as Budget;
  let time = profile.startTime;
  for (const [i, id] of profile.samples.entries()) {
    const delta = profile.timeDeltas[i] ?? 0;
    time += delta;
    if (window && (time < window.from || time > window.to)) continue;
    const category = categorise(id);
    // A sample's delta is the time since the previous one: the time spent in this state.
    if (category) budget[category] += delta / 1000;
  }
  return budget;
}

/** A process's profile in `dir` (written by cpuProfileArgs): the largest file, its main thread's. */
export function readProcessProfile(dir: string): CpuProfile {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.cpuprofile'))
    .map((name) => path.join(dir, name));
  if (files.length === 0) throw new Error(`no CPU profile in ${dir}`);
  const largest = files.reduce((a, b) => (statSync(a).size >= statSync(b).size ? a : b));
  return JSON.parse(readFileSync(largest, 'utf8')) as CpuProfile;
}

/**
 * The budget table: one line per category and the total, one column per process and one for all
 * of them; CPU ms per page. V8 samples on a wall clock, so a thread waiting for a core (a busy
 * machine) is still sampled in its current frame: `measuredMs`, the process's CPU time over the
 * same window from the OS (all threads), is printed under the sampled total to read it against.
 */
export function formatBudget(columns: { process: string; budget: Budget; measuredMs?: number }[], pages: number): string[] {
  const all = { process: 'all', budget: Object.fromEntries(CATEGORIES.map((category) => [category, 0])) as Budget };
  for (const { budget } of columns) for (const category of CATEGORIES) all.budget[category] += budget[category];
  const shown = [...columns, all];
  const width = Math.max(8, ...shown.map(({ process }) => process.length)) + 2;
  const line = (name: string, cells: string[]) => `${name.padEnd(22)}${cells.map((cell) => cell.padStart(width)).join('')}`;
  const total = (budget: Budget) => CATEGORIES.reduce((sum, category) => sum + budget[category], 0);
  const measured = columns.map(({ measuredMs }) => measuredMs);
  const perPage = (ms: number | undefined) => (ms === undefined ? '-' : (ms / pages).toFixed(2));
  return [
    line(
      'CPU ms per page',
      shown.map(({ process }) => process),
    ),
    ...CATEGORIES.map((category) =>
      line(
        category,
        shown.map(({ budget }) => perPage(budget[category])),
      ),
    ),
    line(
      'total',
      shown.map(({ budget }) => perPage(total(budget))),
    ),
    line('measured CPU', [
      ...measured.map(perPage),
      perPage(measured.every((ms) => ms !== undefined) ? measured.reduce((sum, ms) => sum! + ms!, 0) : undefined),
    ]),
  ];
}
