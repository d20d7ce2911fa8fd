import { framedFormat } from './wire-stream.js';

/**
 * ANPA-1312 streams (AP, Reuters, UPI): `SYN SYN SOH f0119 US reute` / `u f BC-SLUG  02-26 0097` headers, letter
 * priorities, AP's `^` headline lines, `MM-DD-YY HHMMGMT` trailers. Framing and fields: wire-frame.ts,
 * wire-header.ts, wire-text.ts.
 */
export const anpa = framedFormat('anpa');
