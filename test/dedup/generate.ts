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

/** A templated dump: the stories, and which are new variants, copies of one and re-sends of an old one. */
export interface TemplatedDump {
  readonly stories: readonly string[];
  /** For each story, the index of the story it copies, or -1 for a new variant. */
  readonly copyOf: readonly number[];
}

/**
 * Template stories re-sent with one figure changed, as wires send stock reports all day: `variants` of each of
 * `templates`, taken in turn. Even templates carry the figure in their first words (so each variant has a lead key
 * of its own and they share a spread key), odd ones further on (so they share a lead key). After every fifth
 * variant comes a copy of it, trimmed and retitled; at the end the first three variants of each template are sent
 * again unchanged, long after newer variants took their keys.
 */
export function templatedDump(templates: number, variants: number): TemplatedDump {
  const stories: string[] = [];
  const copyOf: number[] = [];
  const first: number[] = [];
  for (let v = 0; v < variants; v++) {
    for (let t = 0; t < templates; t++) {
      const place = PLACES[t % PLACES.length] ?? 'OSLO';
      const good = GOODS[t % GOODS.length] ?? 'tin';
      const figure = 1000 + 17 * v + t;
      const opening =
        t % 2 === 0
          ? `Stocks of ${figure} tonnes of ${good} were held in ${place} warehouses on Monday, the exchange said.`
          : `The ${place} exchange said on Monday that ${good} held in its warehouses under bonded contracts and awaiting inspection by surveyors stood at ${figure} tonnes.`;
      const lead = `${place}, May 4 - ${opening}`;
      const rest = [
        `Traders in ${place} said ${good} buyers were waiting for the shipping schedule before committing to new contracts.`,
        `The exchange publishes the ${good} figure at noon each trading day, and again at the close when deliveries change it.`,
      ];
      if (v < 3) first.push(stories.length);
      copyOf.push(-1);
      stories.push(`${place} ${good} stocks report\n\n${lead}\n\n${rest.join('\n\n')}\n`);
      if (v % 5 === 4) {
        copyOf.push(stories.length - 1);
        stories.push(`${good} stocks in ${place}\n\n${lead}\n\n${rest[0]}\n`);
      }
    }
  }
  for (const at of first) {
    copyOf.push(at);
    stories.push(stories[at] ?? '');
  }
  return { stories, copyOf };
}
