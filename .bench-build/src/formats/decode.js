const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const cp1252 = new TextDecoder('windows-1252');
const HIGH_BYTE = /[\u0080-\u00ff]/;
/**
 * Decodes a unit that framing carried as a latin1 string (one char per byte): UTF-8 when the bytes are valid UTF-8,
 * windows-1252 otherwise (1987 wire files are latin-1, and windows-1252 is its superset as browsers read it).
 */
export function decodeUnit(bytesAsLatin1) {
    if (!HIGH_BYTE.test(bytesAsLatin1))
        return { text: bytesAsLatin1, charset: 'utf-8', fallback: false };
    return decodeBytes(Buffer.from(bytesAsLatin1, 'latin1'));
}
/** Decodes bytes as UTF-8, falling back to windows-1252 when they are not valid UTF-8. */
export function decodeBytes(bytes) {
    try {
        return { text: utf8.decode(bytes), charset: 'utf-8', fallback: false };
    }
    catch {
        return { text: cp1252.decode(bytes), charset: 'windows-1252', fallback: true };
    }
}
/** Reads a chunk as latin1: one JavaScript char per byte, so string offsets are byte offsets. */
export function latin1(chunk) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    return buffer.toString('latin1');
}
/**
 * Normalizes a byte stream's encoding at its start: drops a UTF-8 byte-order mark, and re-encodes UTF-16 (which
 * announces itself by its BOM) as UTF-8 so that framing can work on bytes.
 */
export async function* withoutBom(chunks) {
    let decoder = null;
    let first = true;
    for await (const chunk of chunks) {
        if (first && chunk.length > 0) {
            first = false;
            if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
                yield chunk.subarray(3);
                continue;
            }
            if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff)) {
                decoder = new TextDecoder(chunk[0] === 0xff ? 'utf-16le' : 'utf-16be');
            }
        }
        yield decoder ? Buffer.from(decoder.decode(chunk, { stream: true }), 'utf8') : chunk;
    }
    if (decoder)
        yield Buffer.from(decoder.decode(), 'utf8');
}
