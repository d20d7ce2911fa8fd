const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ren',
  'tas',
  'vu',
  'der',
  'os',
  'pel',
  'qui',
  'san',
  'tor',
  'ul',
  'ber',
  'ni',
  'go',
];
const PLACES = ['OSLO', 'LIMA', 'ACCRA', 'HANOI', 'QUITO', 'DAKAR', 'RIGA', 'MALE', 'BERN', 'SUVA'];

/**
 * Wire stories of made-up words for the scale benchmark: varied like real copy (no two share a lead), so the
 * store's keys spread as real ones do. `from` numbers them, so each batch is new.
 */
export function variedDump(count: number, from = 0): string {
  const stories: string[] = [];
  let state = (from * 2654435761 + 1) >>> 0;
  const next = (n: number): number => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return state % n;
  };
  const word = (): string => Array.from({ length: 1 + next(3) }, () => SYLLABLES[next(SYLLABLES.length)]).join('');
  const sentence = (words: number): string => {
    const text = Array.from({ length: words }, () => (next(9) === 0 ? String(next(5000)) : word())).join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  for (let i = from; i < from + count; i++) {
    const place = PLACES[next(PLACES.length)] ?? 'OSLO';
    stories.push(
      `${sentence(7).slice(0, -1)}\n\n${place}, May ${1 + next(28)} - ${sentence(28)} ${sentence(14)}\n\n` +
        `${sentence(22)} ${sentence(18)}\n\n${sentence(25)}\n\n${sentence(20)}\n`,
    );
  }
  return stories.join('\n\f\n');
}
