/**
 * Verification phrases: four common English words, chosen so that an offline recogniser
 * (pocketsphinx's US English model) tells them apart reliably — short, distinct sounds, every
 * one in its dictionary. Rare words (fjord, zephyr) and some common ones (violin, monday, mountain,
 * blanket) were missed on synthetic speech, and left out. About 175,000 phrases.
 */
export const PHRASE_WORDS = [
  'apple',
  'bottle',
  'butter',
  'forest',
  'garden',
  'happy',
  'kitchen',
  'market',
  'ocean',
  'orange',
  'pencil',
  'rabbit',
  'river',
  'rocket',
  'seven',
  'silver',
  'summer',
  'thunder',
  'tiger',
  'tomato',
  'window',
  'yellow',
] as const;

const PHRASE_LENGTH = 4;

/** A phrase of four distinct random words, e.g. "purple river seven garden". */
export function newVerificationPhrase(random: (n: number) => number): string {
  const words: string[] = [];
  while (words.length < PHRASE_LENGTH) {
    const word = PHRASE_WORDS[random(PHRASE_WORDS.length)]!;
    if (!words.includes(word)) words.push(word);
  }
  return words.join(' ');
}

/** Lower-case words of a text, punctuation dropped. */
export const words = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9\s]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);

/** Whether `transcript` contains the phrase's words in order, side by side. */
export function transcriptContains(transcript: string, phrase: string): boolean {
  return ` ${words(transcript).join(' ')} `.includes(` ${words(phrase).join(' ')} `);
}
