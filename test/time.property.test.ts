import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inZone } from '../src/normalize/time.js';

// Zones with daylight saving time, half-hour and quarter-hour offsets, a half-hour DST shift (Lord Howe), and zones
// whose offsets changed in history.
const ZONES = [
  'Europe/Helsinki',
  'America/New_York',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'America/St_Johns',
  'Europe/Moscow',
  'Pacific/Auckland',
  'UTC',
];
// The agency each zone is found through (inZone reads the zone from the agency table), or the run's zone.
const AGENCY_ZONES: Readonly<Record<string, string>> = { STT: 'Europe/Helsinki', AP: 'America/New_York' };

/** The offset at an instant as the runtime's zone data gives it, asked every time (what inZone caches). */
function referenceOffset(zone: string, instant: number): number {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(instant)) parts[part.type] = Number(part.value);
  const local = Date.UTC(
    parts['year']!,
    parts['month']! - 1,
    parts['day'],
    parts['hour'],
    parts['minute'],
    parts['second'],
  );
  return Math.round((local - Math.floor(instant / 1000) * 1000) / 60000);
}

function referenceStamp(stamp: string, zone: string): string {
  const [date, time] = stamp.split('T') as [string, string];
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi, s] = time.split(':').map(Number) as [number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const offset = referenceOffset(zone, wall);
  const exact = referenceOffset(zone, wall - offset * 60000);
  if (exact === 0) return `${stamp}Z`;
  const abs = Math.abs(exact);
  const sign = exact < 0 ? '-' : '+';
  return `${stamp}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

const two = (n: number): string => String(n).padStart(2, '0');
const stampOf = (instant: number): string => new Date(instant).toISOString().slice(0, 19);

describe('times without an offset read in a zone', () => {
  it('give the offset the zone data gives for that wall time, asked again or not', () => {
    // Wall times from 1900 to 2040, and many within minutes of a change of offset (the hours around DST changes).
    const anyTime = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2040, 0, 1) });
    const nearChange = fc
      .record({
        year: fc.integer({ min: 1970, max: 2035 }),
        month: fc.constantFrom(2, 3, 4, 9, 10, 11),
        day: fc.integer({ min: 1, max: 28 }),
        hour: fc.integer({ min: 0, max: 4 }),
        minute: fc.integer({ min: 0, max: 59 }),
      })
      .map(({ year, month, day, hour, minute }) => Date.UTC(year, month - 1, day, hour, minute, 7));
    fc.assert(
      fc.property(fc.oneof(anyTime, nearChange), fc.constantFrom(...ZONES), (instant, zone) => {
        const stamp = stampOf(instant);
        const expected = referenceStamp(stamp, zone);
        expect(inZone(stamp, null, zone)).toBe(expected);
        expect(inZone(stamp, null, zone)).toBe(expected);
      }),
      { numRuns: 4000 },
    );
  });

  it('are right minute by minute across changes of offset that fall inside an hour', () => {
    // Lord Howe moves by half an hour at 02:00 local (15:30 UTC); Kathmandu went from +05:30 to +05:45 at midnight
    // (18:30 UTC); St John's changes at 02:00 local (04:30 or 05:30 UTC).
    const walks: Array<[string, number]> = [
      ['Australia/Lord_Howe', Date.UTC(2026, 9, 4, 0, 0)],
      ['Australia/Lord_Howe', Date.UTC(2026, 3, 5, 0, 0)],
      ['Asia/Kathmandu', Date.UTC(1985, 11, 31, 22, 0)],
      ['America/St_Johns', Date.UTC(2026, 2, 8, 0, 0)],
      ['America/St_Johns', Date.UTC(2026, 10, 1, 0, 0)],
    ];
    for (const [zone, start] of walks) {
      for (let minute = 0; minute < 5 * 60; minute += 1) {
        const stamp = stampOf(start + minute * 60000);
        expect(inZone(stamp, null, zone)).toBe(referenceStamp(stamp, zone));
      }
    }
  });

  it('read the agency table zone, and leave stamps with an offset or no time alone', () => {
    for (const [agency, zone] of Object.entries(AGENCY_ZONES)) {
      for (const month of [1, 3, 7, 10, 12]) {
        const stamp = `2026-${two(month)}-27T08:30:00`;
        expect(inZone(stamp, agency, 'UTC')).toBe(referenceStamp(stamp, zone));
      }
    }
    expect(inZone('2026-11-27T08:30:00+09:00', 'STT', 'UTC')).toBe('2026-11-27T08:30:00+09:00');
    expect(inZone('2026-11-27', 'STT', 'UTC')).toBe('2026-11-27');
    expect(inZone('1987-02-26T15:01:01.79', null, 'UTC')).toBe('1987-02-26T15:01:01.79Z');
  });
});
