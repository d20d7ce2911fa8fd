import { latin1At } from './bytes.js';
import type { Format } from './format.js';
import { framedBoundary } from './wire-frame.js';
import { framedFormat } from './wire-stream.js';
import { isZczc, parseZczc, zczcBoundary } from './zczc.js';

const framed = framedFormat('iptc7901');

/**
 * IPTC 7901 streams (AAP, AFP, dpa): `SOH AAP0042 3 i 0312` headers with digit priorities, the keyword line before
 * STX, the headline on the STX line, as ANPA-1312 frames them (wire-frame.ts); or ZCZC…NNNN messages with
 * one-character header codes (zczc.ts). Each unit is read in the framing it opens with.
 */
export const iptc7901: Format = {
  name: 'iptc7901',
  boundary: (bytes, from, complete) =>
    isZczc(latin1At(bytes, from, from + 64))
      ? zczcBoundary(bytes, from, complete)
      : framedBoundary(bytes, from, complete),
  parse: (text, line, context) => (isZczc(text) ? parseZczc(text, line) : framed.parse(text, line, context)),
};
