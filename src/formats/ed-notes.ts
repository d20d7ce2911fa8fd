/**
 * Editor's notes read by role, as dpa (`dpaednoterole:*`, in NewsML-G2 `edNote`s and in digitalwires' `ednotes`) and
 * STT (`sttnote:*`) send them: the notes for the desk (no role, `editorialnote`, `public`), the update note
 * (`correctionshort`), the desk's closing line of initials (`closingline`: `dpa tt xx n1`, the story's sign-off), and
 * the notes on the notepad and pictures for editors (to `stripped`). A private, internal or hidden note (dpa's
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

export function readEdNotes(notes: readonly EdNote[]): EdNotes {
  const ednotes: string[] = [];
  const updateNotes: string[] = [];
  const stripped: string[] = [];
  let closing: string | null = null;
  for (const { role, text, hidden } of notes) {
    if (text === null || hidden || /private|internal/i.test(role)) continue;
    const kind = role.slice(role.indexOf(':') + 1).toLowerCase();
    if (kind === 'closingline') closing ??= text;
    else if (kind.startsWith('correction')) updateNotes.push(text);
    else if (kind === 'notepad' || kind === 'picture') stripped.push(text);
    else ednotes.push(text);
  }
  return { ednote: ednotes.length > 0 ? ednotes.join('\n\n') : null, updateNotes, stripped, closing };
}
