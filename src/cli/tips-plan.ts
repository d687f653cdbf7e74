/**
 * `vitabot tips plan --time HH:MM --zone ZONE [--days …] [--from YYYY-MM-DD] [--count N] [--json]`:
 * the next post times of a schedule, computed by the same code as the scheduler.
 * With --json, one object a line: {"date","local","utc","offset"}.
 */
import type { Writable } from "node:stream";
import { parseArgs } from "node:util";
import { planSchedule } from "../../commands/tips/schedule.js";
import { parseDays, parseTime, parseZone } from "../core/time/schedule.js";
import { UserFacingError } from "../errors.js";

const USAGE =
  "Usage: vitabot tips plan --time HH:MM --zone ZONE [--days every-day|weekdays|mon,wed,fri] [--from YYYY-MM-DD] [--count N] [--json]";

/** Returns the exit code: 0, or 1 with a helpful message on bad input. */
export function runTipsPlan(
  args: string[],
  io: { stdout: Writable; stderr: Writable },
  now = new Date(),
): number {
  try {
    const { values } = parseArgs({
      args,
      options: {
        time: { type: "string" },
        zone: { type: "string" },
        days: { type: "string" },
        from: { type: "string" },
        count: { type: "string" },
        json: { type: "boolean", default: false },
      },
      strict: true,
    });
    if (!values.time || !values.zone) throw new UserFacingError(`--time and --zone are required.\n${USAGE}`);
    const schedule = {
      time: parseTime(values.time),
      zone: parseZone(values.zone),
      days: parseDays(values.days),
    };
    const runs = planSchedule(schedule, values.from, values.count, now);
    for (const run of runs) {
      io.stdout.write(
        values.json
          ? `${JSON.stringify(run)}\n`
          : `${run.date}  ${run.local.slice(11)} ${schedule.zone} (${run.offset})  =  ${run.utc}\n`,
      );
    }
    return 0;
  } catch (error) {
    const message =
      error instanceof UserFacingError
        ? error.message
        : error instanceof TypeError
          ? `${error.message}\n${USAGE}`
          : undefined;
    if (message === undefined) throw error;
    io.stderr.write(`${message}\n`);
    return 1;
  }
}
