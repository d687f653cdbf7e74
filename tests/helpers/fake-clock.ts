/** The one fake clock for tests: it stands still until the test sets or advances it. */
import type { Clock } from "../../src/core/clock.js";

/**
 * A clock tests move by hand; `now()` returns a fresh `Date` each call.
 * @example const clock = new FakeClock("2026-03-02T09:00:00Z"); clock.advance(60_000);
 */
export class FakeClock implements Clock {
  private current: number;

  constructor(start: Date | string) {
    this.current = typeof start === "string" ? Date.parse(start) : start.getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(iso: string): void {
    this.current = Date.parse(iso);
  }

  advance(ms: number): void {
    this.current += ms;
  }
}
