/**
 * What commands may ask of the running bot for team challenges. Core declares
 * `BotServices` (src/core/commands/context.ts) without knowing challenges; this file adds
 * these members to it by declaration merging, so core never imports src/challenges/ and
 * commands (which may) see them on `ctx.services`. src/app.ts fills them.
 */
import type { Challenge } from "../core/storage-ports/challenge-store.js";
import type { EndOutcome } from "./challenge-posts.js";
import type { DrawChart } from "./charts.js";
import type { ChallengeService } from "./service.js";

export interface ChallengeServices {
  /** Team challenges: start, join, check in, standings (src/challenges/service.ts). */
  challenges: ChallengeService;
  /** Ends a challenge now and posts its summary once (shared with the scheduler's ledger). */
  endChallenge(challenge: Challenge, by: string): Promise<EndOutcome>;
  /** Draws a chart's picture off the thread that answers requests (src/challenges/chart-pool.ts). */
  drawChart: DrawChart;
}

declare module "../core/commands/context.js" {
  interface BotServices extends ChallengeServices {}
}
