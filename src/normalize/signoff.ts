/**
 * Sign-offs and desk initials (FORMATS.md, "Sign-offs, source lines and trailers"), read generically: a line is an
 * agency token from the table in any of the wrappers agencies print (`(ANSA).`, `.(ANSA).`, `-- BERNAMA`, `— Bernama`,
 * `==Kyodo`, `/ritzau/`, `(BusinessDesk)`, `EFE`), optionally followed by desk initials in a shape the agency's row
 * allows (`dpa ab cd ef`, `PTI AB CD`, `(SDA/xy)`); or one of the closers every wire uses (`(END)`, `ends`, `Fin`,
 * `-30-`, `###`); or a line of desk initials alone (AFP `ab/cd/ef`, `abc-def/gh`).
 */
import { signoffAgency, type Agency, type InitialsShape } from './agencies.js';

/** A sign-off line, read. */
export interface Signoff {
  /** The agency it names, canonical; null for closers and initials. */
  readonly name: string | null;
  /** The agency it implies without printing its name (`Enditem` → Xinhua), or null. */
  readonly implies: string | null;
  /** True for a line of desk initials alone (`ab/cd/ef`). */
  readonly initialsOnly: boolean;
}

// `Reuter`, `REUTER`, `Reuters.`, and 1987 dumps' `REUTER...^M` (a carriage return printed as caret-M).
const REUTER = /^reuters?(?:\.{1,3}|…)?(?:\^M)?$/i;
// Closers that end a story whoever sent it: `(END)` (Yonhap), `ends` (PA), `Fin`/`Fim` (Spanish, French,
// Portuguese), `-30-`, `###`, `NNNN` (ZCZC framing).
const CLOSER = /^(?:\(END\)|\(ENDS?\)|END|ENDS|[Ee]nds|Fin|FIN|Fim|FIM|-30-|-0-|#{3}|# # #|NNNN)\.?$/;
// AFP desk initials on a line of their own: `hh/ph/ts/hd`, `abc-def/gh/ij`: groups of two or three letters, three
// or more of them or a hyphenated one, so that a unit on a line of its own (`dlrs/bbl`, `cts/shr`) is not taken.
const INITIALS_LINE =
  /^(?:[a-z]{2,3}(?:\/[a-z]{2,3}){2,6}|[a-z]{2,3}-[a-z]{2,3}(?:\/[a-z]{2,3}(?:-[a-z]{2,3})?){1,5}|[a-z]{2,3}(?:\/[a-z]{2,3}(?:-[a-z]{2,3})?)*\/[a-z]{2,3}-[a-z]{2,3})$/;
/** A pair of desk initials (`ab/cd`): initials only under a sign-off (EFE `EFE` / `ab/cd`, IANS `--IANS` / `ab/cd`). */
export const INITIALS_PAIR = /^[a-z]{2,3}\/[a-z]{2,3}$/;
// What may wrap the agency's token: `(`, `.(`, `/`, `--`, `—`, `==`, and their closing halves.
const OPEN = /^(?:\.?\(|\/|[-—–=]{1,3})?\s*/;
const CLOSE = /\s*(?:\)|\/)?\s*[.:]?$/;
const INITIALS: Readonly<Record<InitialsShape, RegExp>> = {
  lower: /^ [a-z]{2,4}(?: [a-z]{2,4}){0,5}$/,
  upper: /^ [A-Z]{2,4}(?: [A-Z]{2,4}){0,5}$/,
  slash: /^\/[a-z]{2,4}(?:\/[a-z]{2,4}){0,3}$/,
  line: /^$/,
};

const MAX = 48;

/** Reads one line as a sign-off, or returns null. */
export function parseSignoff(text: string): Signoff | null {
  const line = text.trim();
  if (line.length === 0 || line.length > MAX) return null;
  if (REUTER.test(line)) return { name: 'Reuters', implies: null, initialsOnly: false };
  if (CLOSER.test(line)) return { name: null, implies: null, initialsOnly: false };
  if (INITIALS_LINE.test(line)) return { name: null, implies: null, initialsOnly: true };
  // NTB signs off `(©NTB)`: the sign inside the bracket is not part of the name.
  const core = line.replace(OPEN, '').replace(CLOSE, '').replace(/^©\s*/, '');
  if (core.length < 2) return null;
  const whole = signoffAgency(core);
  if (whole) return named(whole, core);
  // A token and desk initials after it: `dpa ab cd`, `PTI AB CD`, `SDA/xy`.
  const split = /^([^\s/]+)([\s/].*)$/.exec(core);
  const agency = split?.[1] ? signoffAgency(split[1]) : undefined;
  if (!split || !agency) return null;
  const initials = split[2] ?? '';
  return (agency.initials ?? []).some((shape) => INITIALS[shape].test(initials)) ? named(agency, split[1] ?? '') : null;
}

function named(agency: Agency, token: string): Signoff {
  // A token that is one of the agency's names names it; one of its other sign-offs (`Enditem`) only implies it.
  const printsName = agency.aliases.includes(token.toLowerCase());
  return { name: printsName ? agency.name : null, implies: printsName ? null : agency.name, initialsOnly: false };
}

// A sign-off run into the last paragraph after its final sentence: wrapped (`... the ministry said. (END)`,
// `... in the capital.(ANSA).`, `... said. -- BERNAMA`, `... he said.==Kyodo`, `... on Monday. Enditem`) or a bare
// word of the table or desk initials after a space (`... said. EFE`, `... electric cars. hh/ph/ts/hd`).
const GLUED =
  /[.!?"”’)](?:[ \t]*((?:[-—–=(/#][^.!?\n]{0,46}|End ?item=?\/?)\.?)|[ \t]+([a-z]{2,4}(?:[-/][a-z]{2,4})+|[A-Za-z][\w-]{1,14}))$/;

/** Splits a sign-off printed at the end of the last paragraph from the text before it. */
export function splitGluedSignoff(paragraph: string): { readonly text: string; readonly signoff: string } | null {
  // Only the paragraph's end can hold one: look there, not along the whole paragraph.
  const offset = Math.max(0, paragraph.length - 56);
  const match = GLUED.exec(paragraph.slice(offset));
  const printed = (match?.[1] ?? match?.[2])?.trim();
  if (!match || !printed) return null;
  const signoff = parseSignoff(printed);
  if (signoff === null) return null;
  // A bare word must be one of the table's (`EFE`) or initials: a closing `ends` or `Fin` is a word of the sentence.
  if (match[2] !== undefined && signoff.name === null && signoff.implies === null && !signoff.initialsOnly) return null;
  const text = paragraph.slice(0, offset + match.index + 1).trimEnd();
  return { text, signoff: printed };
}
