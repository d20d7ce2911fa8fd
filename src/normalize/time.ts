import { agencyOf } from './agencies.js';

/**
 * Times without an offset (`2013-02-16T17:36:20` in an STT NewsML-G2 file, a Reuters-21578 `<DATE>`), read in a
 * zone that is stated, never guessed: the agency table's home zone when the story's agency has one (STT →
 * Europe/Helsinki), else the run's `--timezone` (UTC unless told). Offsets come from the runtime's own zone data
 * (`Intl`), so daylight saving time is right for the date.
 */

// A date-time without an offset: `2013-02-16T17:36:20`, `1987-02-26T15:01:01.79`, `2026-11-27T08:30`.
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?$/;

/** A stamp with its offset resolved (`2013-02-16T17:36:20+02:00`), or as it was when it has one or no time. */
export function inZone(stamp: string | null, agency: string | null, timezone = 'UTC'): string | null {
  if (stamp === null) return null;
  const match = LOCAL.exec(stamp);
  if (!match) return stamp;
  const zone = (agency === null ? undefined : agencyOf(agency)?.zone) ?? timezone;
  const [, y, mo, d, h, mi, s = '00', fraction = ''] = match;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const offset = offsetAt(zone, wall);
  if (offset === null) return stamp;
  // The offset at the instant this wall time names (it may differ from the offset at `wall` read as UTC near a DST
  // change).
  const exact = offsetAt(zone, wall - offset * 60000) ?? offset;
  return `${y}-${mo}-${d}T${h}:${mi}:${s}${fraction}${formatOffset(exact)}`;
}

/** True for a zone name the runtime knows (`Europe/Helsinki`, `UTC`). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();
// Offsets already asked for, by zone and hour: `formatToParts` costs microseconds, and a feed's stories fall in few
// hours. An hour is cached only when the offset is the same at both its ends (no change of offset inside it).
const HOUR = 3_600_000;
const hourOffsets = new Map<string, Map<number, number>>();
const CACHED_HOURS = 50_000;

/** The zone's offset from UTC in minutes at an instant, or null for a zone the runtime does not know. */
function offsetAt(zone: string, instant: number): number | null {
  if (zone === 'UTC') return 0;
  let hours = hourOffsets.get(zone);
  const hour = Math.floor(instant / HOUR);
  const known = hours?.get(hour);
  if (known !== undefined) return known;
  const start = measuredOffset(zone, hour * HOUR);
  if (start === null) return null;
  // The same offset at both ends: no change inside the hour (changes are hours or more apart).
  if (measuredOffset(zone, (hour + 1) * HOUR - 1000) !== start) return measuredOffset(zone, instant);
  if (hours === undefined || hours.size >= CACHED_HOURS) hourOffsets.set(zone, (hours = new Map<number, number>()));
  hours.set(hour, start);
  return start;
}

/** {@link offsetAt} as the runtime's zone data tells it (`Intl.DateTimeFormat#formatToParts`). */
function measuredOffset(zone: string, instant: number): number | null {
  let format = formatters.get(zone);
  if (format === undefined) {
    format = isTimeZone(zone)
      ? new Intl.DateTimeFormat('en-US', {
          timeZone: zone,
          hourCycle: 'h23',
          year: 'numeric',
          month: 'numeric',
          day: 'numeric',
          hour: 'numeric',
          minute: 'numeric',
          second: 'numeric',
        })
      : null;
    formatters.set(zone, format);
  }
  if (format === null) return null;
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(instant)) parts[part.type] = Number(part.value);
  const local = Date.UTC(
    parts['year'] ?? 1970,
    (parts['month'] ?? 1) - 1,
    parts['day'] ?? 1,
    parts['hour'] ?? 0,
    parts['minute'] ?? 0,
    parts['second'] ?? 0,
  );
  return Math.round((local - Math.floor(instant / 1000) * 1000) / 60000);
}

function formatOffset(minutes: number): string {
  if (minutes === 0) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
