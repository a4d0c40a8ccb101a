/**
 * The demo world `npm start` fills a new database with (scripts/demo.ts): who is there, who
 * follows whom, who made which video with whom in it, and who liked and commented on what.
 * Plain data and small deterministic rules, so the README can name what a newcomer finds.
 */

/** Every demo account signs in with this password (README, "A world to explore"). */
export const DEMO_PASSWORD = 'cameo-demo';

export interface DemoPerson {
  handle: string;
  displayName: string;
  /** Who may cast their cameo: most say everyone, a few only mutual follows. */
  policy: 'EVERYONE' | 'MUTUALS';
}

const NAMES: [string, string][] = [
  ['mira', 'Mira Okafor'],
  ['theo', 'Theo Lindqvist'],
  ['juno', 'Juno Park'],
  ['kai', 'Kai Nakamura'],
  ['noor', 'Noor Haddad'],
  ['otto', 'Otto Brandt'],
  ['lena', 'Lena Rossi'],
  ['ravi', 'Ravi Menon'],
  ['suki', 'Suki Tanaka'],
  ['ezra', 'Ezra Cohen'],
  ['ines', 'Inês Duarte'],
  ['milo', 'Milo Fischer'],
  ['zara', 'Zara Ahmed'],
  ['fynn', 'Fynn Weber'],
  ['ayla', 'Ayla Demir'],
  ['bodhi', 'Bodhi Clarke'],
  ['cleo', 'Cleo Martin'],
  ['dario', 'Dario Ruiz'],
  ['elif', 'Elif Kaya'],
  ['gus', 'Gus Olsen'],
  ['hana', 'Hana Novak'],
  ['ivo', 'Ivo Petrov'],
  ['jade', 'Jade Moreau'],
  ['koa', 'Koa Kealoha'],
];

export const DEMO_PEOPLE: DemoPerson[] = NAMES.map(([handle, displayName], index) => ({
  handle,
  displayName,
  policy: index % 5 === 4 ? 'MUTUALS' : 'EVERYONE',
}));

/** Each person follows their two neighbours (so neighbours are mutuals), two more, and mira. */
export function demoFollows(): [follower: number, followed: number][] {
  const n = DEMO_PEOPLE.length;
  const pairs = new Set<string>();
  DEMO_PEOPLE.forEach((_, i) => {
    for (const j of [i - 1, i + 1, i + 3, i + 7, 0]) {
      const followed = (j + n) % n;
      if (followed !== i) pairs.add(`${i}:${followed}`);
    }
  });
  return [...pairs].map((pair) => pair.split(':').map(Number) as [number, number]);
}

export interface DemoVideo {
  creator: number;
  prompt: string;
  caption: string;
  /** People whose cameo is cast (their policy must allow the creator). */
  cast: number[];
}

export const DEMO_VIDEOS: DemoVideo[] = [
  { creator: 0, prompt: 'a corgi surfing a glassy wave at golden hour', caption: 'first try at surf cam', cast: [] },
  { creator: 1, prompt: 'two friends racing shopping carts through an empty mall', caption: 'mall kart', cast: [1, 2] },
  { creator: 2, prompt: 'a paper boat sailing down a rainy city street', caption: 'rainy day regatta', cast: [] },
  { creator: 3, prompt: 'a chef flipping pancakes that turn into birds', caption: 'breakfast took off', cast: [3] },
  { creator: 5, prompt: 'a lighthouse keeper dancing in a storm', caption: 'keeping the light on', cast: [5] },
  { creator: 6, prompt: 'a cat conducting an orchestra of kittens', caption: 'maestro', cast: [] },
  { creator: 7, prompt: 'a street food stall on the moon', caption: 'lunar noodles', cast: [7, 6] },
  { creator: 8, prompt: 'skateboarding down a spiral staircase in slow motion', caption: 'do not try this', cast: [8] },
  { creator: 10, prompt: 'a tiny dragon toasting marshmallows', caption: 'campfire buddy', cast: [] },
  { creator: 11, prompt: 'a jazz trio of robots in a smoky bar', caption: 'bebop.exe', cast: [11, 12] },
  { creator: 12, prompt: 'a hot air balloon race over lavender fields', caption: 'provence from above', cast: [] },
  { creator: 13, prompt: 'two astronauts playing chess on a comet', caption: 'checkmate in zero g', cast: [13, 0] },
  { creator: 15, prompt: 'a library where the books fly back to their shelves', caption: 'returns desk', cast: [] },
  { creator: 16, prompt: 'a marching band of penguins on an ice floe', caption: 'parade season', cast: [16] },
  { creator: 17, prompt: 'a time-lapse of a city built from sugar cubes', caption: 'sweet skyline', cast: [] },
  { creator: 20, prompt: 'a fox and an owl sharing tea in the snow', caption: 'winter tea party', cast: [20, 21] },
];

const COMMENTS = [
  'this is unreal',
  'how did you make this?!',
  'again again again',
  'the ending 😂',
  'saving this one',
  'ok I need a remix',
];

/** Likers of the v-th video: 3 to 8 people, never its creator. */
export function demoLikers(v: number): number[] {
  const { creator } = DEMO_VIDEOS[v]!;
  const n = DEMO_PEOPLE.length;
  const likers = Array.from({ length: 3 + (v % 6) }, (_, k) => (v * 5 + k * 3 + 1) % n);
  return [...new Set(likers)].filter((person) => person !== creator);
}

/** Comments on the v-th video: 1 to 3, by people other than its creator. */
export function demoComments(v: number): { author: number; body: string }[] {
  const { creator } = DEMO_VIDEOS[v]!;
  const n = DEMO_PEOPLE.length;
  return Array.from({ length: 1 + (v % 3) }, (_, k) => ({
    author: (v * 7 + k * 5 + 2) % n,
    body: COMMENTS[(v + k) % COMMENTS.length]!,
  })).filter(({ author }) => author !== creator);
}
