const PLACES = ['OSLO', 'LIMA', 'ACCRA', 'HANOI', 'QUITO', 'DAKAR', 'RIGA', 'MALE'];
const GOODS = ['copper', 'cocoa', 'rice', 'steel', 'timber', 'wool', 'tin', 'sugar', 'coffee', 'zinc'];
const ACTORS = ['the trade ministry', 'a central bank official', 'the port authority', 'an industry group'];

/**
 * A dump of distinct wire stories separated by form feeds, written for the tests: every story has its own figures
 * and wording, so none is a near copy of another. `repeatEvery` re-sends every n-th story verbatim further down.
 */
export function storyDump(count: number, repeatEvery = 0): { text: string; distinct: number } {
  const stories: string[] = [];
  for (let i = 0; i < count; i++) {
    const place = PLACES[i % PLACES.length] ?? 'OSLO';
    const good = GOODS[i % GOODS.length] ?? 'tin';
    const actor = ACTORS[i % ACTORS.length] ?? 'officials';
    const tons = 1000 + i * 37;
    stories.push(
      `${place} ${good} shipments reach ${tons} tonnes in week ${i}\n\n` +
        `${place}, May ${1 + (i % 28)} - Exports of ${good} from ${place} reached ${tons} tonnes in week ${i}, ` +
        `${actor} said on ${i % 2 === 0 ? 'Monday' : 'Friday'}, citing customs figures compiled since ${1990 + (i % 30)}.\n\n` +
        `Buyers in ${PLACES[(i + 3) % PLACES.length] ?? 'LIMA'} took ${(i * 13) % 97} pct of the cargo, ` +
        `while prices held near ${200 + i} dlrs a tonne according to traders surveyed by agency number ${i}.\n\n` +
        `Officials expect volumes of ${good} to ${i % 3 === 0 ? 'rise' : 'ease'} through the season ending in month ${1 + (i % 12)}.\n`,
    );
  }
  const all = [...stories];
  if (repeatEvery > 0) for (let i = 0; i < count; i += repeatEvery) all.push(stories[i] ?? '');
  return { text: all.join('\n\f\n'), distinct: count };
}

/** The text of {@link storyDump}. */
export function generateDump(count: number, repeatEvery: number): string {
  return storyDump(count, repeatEvery).text;
}
