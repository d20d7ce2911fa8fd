import { describe, expect, it } from 'vitest';
import { decodeBytes, decodeWindows1252, decoderFor } from '../src/formats/decode.js';

describe('windows-1252', () => {
  it('maps 0x80–0x9F to the typographic characters browsers show, not to C1 controls', () => {
    const bytes = Buffer.from([0x93, 0x51, 0x92, 0x73, 0x94, 0x20, 0x97, 0x20, 0x80, 0x35, 0x85]);
    expect(decodeWindows1252(bytes)).toBe('“Q’s” — €5…');
  });

  it('is what the plain-text fallback and the iso-8859-1 label use', () => {
    const bytes = Buffer.from([0x49, 0x74, 0x92, 0x73, 0xe9]);
    expect(decodeBytes(bytes)).toMatchObject({ text: 'It’sé', charset: 'windows-1252', fallback: true });
    expect(decoderFor('iso-8859-1')?.decode(bytes)).toBe('It’sé');
  });
});
