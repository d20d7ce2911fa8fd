// C0 and C1 controls other than tab, newline and carriage return: SOH/STX/ETX framing residue, escape sequences.
const CONTROLS = /[\u0000-\u0008\u000b-\u000c\u000e-\u001f\u007f-\u009f]/g;
// ANSI/VT escape sequences whole (`ESC [31m`, an OSC title `ESC ] 0;title BEL`), so no fragment of one survives.
const ESCAPES = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-Z\\-_])|\u009b[0-?]*[ -/]*[@-~]/g;
/** Removes control characters (framing residue, terminal escapes) from text, keeping tabs and line ends. */
export function stripControls(text) {
    return text.replace(ESCAPES, '').replace(CONTROLS, '');
}
/** One paragraph's text with its whitespace collapsed to single spaces and its control characters removed. */
export function tidy(text) {
    return stripControls(text).replace(/\s+/g, ' ').trim();
}
/** The number of whitespace-separated words in a text. */
export function countWords(text) {
    let count = 0;
    let inWord = false;
    for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        const space = code === 32 || code === 10 || code === 9 || code === 13;
        if (!space && !inWord)
            count++;
        inWord = !space;
    }
    return count;
}
