import { framedFormat } from './wire-stream.js';

/**
 * IPTC 7901 streams (AAP, AFP, dpa): `SOH AAP0042 3 i 0312` headers with digit priorities, the keyword line before
 * STX, the headline on the STX line. Same framing as ANPA-1312 (wire-frame.ts).
 */
export const iptc7901 = framedFormat('iptc7901');
