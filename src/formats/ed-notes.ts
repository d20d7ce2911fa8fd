/**
 * Editor's notes read by role, as dpa (`dpaednoterole:*`, in NewsML-G2 `edNote`s and in digitalwires' `ednotes`) and
 * STT (`sttnote:*`) send them: the notes for the desk (no role, `editorialnote`, `public`), the update note
 * (`correctionshort`), the desk's closing line of initials (`closingline`: `dpa tt xx n1`, the story's sign-off; APA's
 * end mark `aparole:closing`, `Schluss`), and the notes on the notepad, pictures, genre and places (to `stripped`). A private, internal or hidden note (dpa's
 * contacts, `nonpublic`, `is_publishable: false`) is the sender's own and is left out.
 */
export interface EdNotes {
  readonly ednote: string | null;
  readonly updateNotes: string[];
  readonly stripped: string[];
  readonly closing: string | null;
}

/** One note as the sender gives it: its role (qualified or not), its text, and whether it may be published. */
export interface EdNote {
  readonly role: string;
  readonly text: string | null;
  readonly hidden: boolean;
}

// Notes that describe the item rather than tell the desk anything: the notepad and the pictures, dpa's genre code
// (`genrenote`: `1330`) and the places it names (`localities`: `[Stade de Gerland](Avenue ...)`).
const FOR_THE_RECORD = new Set(['notepad', 'picture', 'genrenote', 'localities']);

export function readEdNotes(notes: readonly EdNote[]): EdNotes {
  const ednotes: string[] = [];
  const updateNotes: string[] = [];
  const stripped: string[] = [];
  let closing: string | null = null;
  for (const { role, text, hidden } of notes) {
    if (text === null || hidden || /private|internal/i.test(role)) continue;
    const kind = role.slice(role.indexOf(':') + 1).toLowerCase();
    if (kind === 'closingline' || kind === 'closing') closing ??= text;
    else if (kind.startsWith('correction')) updateNotes.push(text);
    else if (FOR_THE_RECORD.has(kind)) stripped.push(text);
    else ednotes.push(text);
  }
  return { ednote: ednotes.length > 0 ? ednotes.join('\n\n') : null, updateNotes, stripped, closing };
}
