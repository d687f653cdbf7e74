/**
 * Where an interaction's time goes, across the Discord bench's processes: the load
 * generator and the bots stamp the same machine-wide clock, so one sample splits into
 * delivery (dispatch to parsed at the bot), handling (to the answer's request leaving)
 * and the reply's trip to the stand-in.
 */

/** CLOCK_MONOTONIC in ms: one clock for every process on the machine. */
export const monotonicMs = () => Number(process.hrtime.bigint()) / 1e6;

/** A bot's stamps for one interaction token. */
interface LegStamps {
  received: number;
  answered?: number;
}

export type Legs = Record<string, LegStamps>;

/** The load generator's stamps for one interaction token. */
export interface Trip {
  sent: number;
  arrived: number;
}

export interface Split {
  delivery: number[];
  handling: number[];
  reply: number[];
}

/** Joins the load generator's trips with a bot's stamps; tokens without both are left out. */
export function splitLegs(trips: ReadonlyMap<string, Trip>, legs: Legs): Split {
  const split: Split = { delivery: [], handling: [], reply: [] };
  for (const [token, trip] of trips) {
    const leg = legs[token];
    if (leg?.answered === undefined) continue;
    split.delivery.push(leg.received - trip.sent);
    split.handling.push(leg.answered - leg.received);
    split.reply.push(trip.arrived - leg.answered);
  }
  return split;
}
