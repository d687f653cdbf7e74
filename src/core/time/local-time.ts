/**
 * Turning a local wall-clock time in an IANA zone into an instant, with the DST rules
 * vitabot promises: a time that does not exist that day (spring forward) maps to the
 * first valid minute after it; a time that happens twice (fall back) maps to the
 * earlier instant. Offsets come from Luxon's IANA zone data, never from a hand table.
 */
import { IANAZone } from "luxon";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Longest DST gap searched for a first valid minute (real gaps are 30 or 60 minutes). */
const MAX_GAP_MINUTES = 180;

export interface LocalDateTime {
  /** `YYYY-MM-DD` */
  date: string;
  /** `HH:MM` */
  time: string;
}

/** True for an IANA zone name Luxon (and so Intl) knows. */
export function isValidZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/** The zone names Intl lists (CLDR's canonical ones), by their lower-case form. */
let zoneNames: Map<string, string> | undefined;

/** True when every part of a zone name starts with a capital, as the database spells them. */
const CASED_LIKE_TZDB = /^[A-Z][^/]*(\/[A-Z][^/]*)*$/;

/**
 * A valid zone (Luxon accepts it in any case) as the time-zone database spells it, so one
 * zone is stored and shown one way: a listed name by its spelling (`europe/berlin` →
 * `Europe/Berlin`), else Intl's resolution when it only changes case (`utc` → `UTC`). An
 * alias (link) that Intl would resolve to another name is kept as typed when typed in the
 * database's casing (`Asia/Kolkata`, `US/Eastern`, `Etc/UTC`: Intl, on every Node, would
 * make them `Asia/Calcutta`, `America/New_York`, `UTC`), and resolved otherwise
 * (`asia/kolkata` → `Asia/Calcutta`, the same zone).
 * @example canonicalZone("europe/berlin") // "Europe/Berlin"
 */
export function canonicalZone(zone: string): string {
  zoneNames ??= new Map(Intl.supportedValuesOf("timeZone").map((name) => [name.toLowerCase(), name]));
  const listed = zoneNames.get(zone.toLowerCase());
  if (listed) return listed;
  const resolved = new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
  if (resolved.toLowerCase() === zone.toLowerCase() || !CASED_LIKE_TZDB.test(zone)) return resolved;
  return zone;
}

function wallClockMs(date: string, time: string): number {
  return Date.parse(`${date}T${time}:00Z`);
}

/** The instants at which the zone's clock shows this wall time (0, 1 or 2 of them). */
function instantsFor(zone: IANAZone, wallMs: number): number[] {
  const offsets = new Set([zone.offset(wallMs - DAY_MS), zone.offset(wallMs), zone.offset(wallMs + DAY_MS)]);
  const instants: number[] = [];
  for (const offset of offsets) {
    const instant = wallMs - offset * MINUTE_MS;
    if (zone.offset(instant) === offset) instants.push(instant);
  }
  return instants.sort((a, b) => a - b);
}

/**
 * The instant for a local date and time in a zone.
 * @example toInstant({ date: "2026-03-08", time: "02:30" }, "America/New_York") // 07:00Z, i.e. 03:00 EDT
 */
export function toInstant(local: LocalDateTime, zoneName: string): Date {
  const key = `${zoneName}|${local.date}|${local.time}`;
  const cached = instantCache.get(key);
  if (cached !== undefined) return new Date(cached);
  const instant = computeInstant(local, zoneName);
  if (instantCache.size >= INSTANT_CACHE_MAX) instantCache.clear();
  instantCache.set(key, instant.getTime());
  return instant;
}

/**
 * Memo of toInstant. It is a pure function of (zone, date, time), and every channel due in
 * the same minute in the same zone asks the same question, so a tick computes each once.
 */
const instantCache = new Map<string, number>();
const INSTANT_CACHE_MAX = 50_000;

function computeInstant(local: LocalDateTime, zoneName: string): Date {
  const zone = IANAZone.create(zoneName);
  const wall = wallClockMs(local.date, local.time);
  for (let minutes = 0; minutes <= MAX_GAP_MINUTES; minutes++) {
    const [earliest] = instantsFor(zone, wall + minutes * MINUTE_MS);
    if (earliest !== undefined) return new Date(earliest);
  }
  throw new Error(`no valid local time near ${local.date} ${local.time} in ${zoneName}`);
}

/** The zone's wall clock at an instant, as an ISO-like string `YYYY-MM-DDTHH:MM`, and its offset in minutes. */
function wallClock(instant: Date, zoneName: string): { wall: string; offsetMinutes: number } {
  const offsetMinutes = IANAZone.create(zoneName).offset(instant.getTime());
  const wall = new Date(instant.getTime() + offsetMinutes * MINUTE_MS).toISOString().slice(0, 16);
  return { wall, offsetMinutes };
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/** The local date (`YYYY-MM-DD`), wall time (`YYYY-MM-DDTHH:MM`) and offset (`+01:00`) of an instant. */
export function describeInstant(
  instant: Date,
  zoneName: string,
): { date: string; local: string; offset: string } {
  const { wall, offsetMinutes } = wallClock(instant, zoneName);
  return { date: wall.slice(0, 10), local: wall, offset: formatOffset(offsetMinutes) };
}

/** The local calendar date of an instant in a zone. */
export function localDate(instant: Date, zoneName: string): string {
  return wallClock(instant, zoneName).wall.slice(0, 10);
}

/** The date `days` after a `YYYY-MM-DD` date (calendar arithmetic, no zone involved). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (`YYYY-MM-DD`, calendar arithmetic; negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
}

/** Epoch ms of a `YYYY-MM-DD` date at 00:00 UTC, without building a string (hot in leaderboards). */
function utcMidnight(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

/** ISO weekday of a `YYYY-MM-DD` date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}
