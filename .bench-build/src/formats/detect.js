// File signatures of things people drop into wire folders by mistake.
const SIGNATURES = [
    [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
    [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
    [[0xff, 0xd8, 0xff], 'a JPEG image'],
    [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
    [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive'],
    [[0x1f, 0x8b], 'gzip-compressed data (decompress it first)'],
    [[0x42, 0x5a, 0x68], 'bzip2-compressed data (decompress it first)'],
    [[0xfd, 0x37, 0x7a, 0x58, 0x5a], 'xz-compressed data (decompress it first)'],
    [[0x7f, 0x45, 0x4c, 0x46], 'an executable'],
];
/**
 * Sniffs the first bytes of an input (after any BOM) for its format. Content decides, not the file name.
 * Bytes with a known binary signature, NUL bytes or mostly control characters are reported as binary.
 */
export function sniff(head) {
    for (const [signature, what] of SIGNATURES) {
        if (signature.every((byte, i) => head[i] === byte))
            return { binary: what };
    }
    const sample = head.subarray(0, 8192);
    let controls = 0;
    for (const byte of sample) {
        if (byte === 0)
            return { binary: 'binary data (it contains NUL bytes)' };
        // Tab, LF, VT, FF, CR and the wire framing characters (SOH, STX, ETX, EOT, ENQ, SYN, US, RS) are text here.
        if (byte < 0x20 && !WIRE_CONTROLS.has(byte))
            controls++;
    }
    if (sample.length > 0 && controls / sample.length > 0.1)
        return { binary: 'binary data (mostly control characters)' };
    return { format: 'plain' };
}
const WIRE_CONTROLS = new Set([0x01, 0x02, 0x03, 0x04, 0x05, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x16, 0x1b, 0x1e, 0x1f]);
