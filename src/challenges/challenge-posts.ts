/**
 * A challenge's scheduled posts (ledger kinds `reminder`, `recap`, `summary`), on the same
 * at-most-once ledger as the daily tips: each tick finds the posts due (due.ts),
 * claims each one's ledger key, and only the claimer posts. A summary ends the challenge
 * (compare-and-set), and is claimed under the challenge's last day whoever ends it, so an
 * admin's `challenge end` and the scheduler never both post one, across restarts and replicas.
 */
import type { Logger } from "pino";
import type { Clock } from "../core/clock.js";
import type { Reply } from "../core/reply/reply.js";
import type { Challenge } from "../core/storage-ports/challenge-store.js";
import type { Storage } from "../core/storage-ports/storage.js";
import type { DeliveryKey } from "../core/storage-ports/tips-store.js";
import type { DrawChart } from "./charts.js";
import { type DuePost, duePosts, summaryLedgerDate } from "./due.js";
import { recapReply, reminderReply, summaryReply } from "./replies.js";
import type { ChallengeService } from "./service.js";
import { dayNumber } from "./window.js";

export interface ChallengePostsDeps {
  storage: Storage;
  challenges: ChallengeService;
  /** Posts through the platform's queue (limits, retries). */
  post(challenge: Challenge, reply: Reply): Promise<void>;
  clock: Clock;
  logger: Logger;
  processId: string;
  /** Reminders and recaps later than this are skipped; summaries always go out. */
  graceMs: number;
  /** Draws the summary's chart (the app's chart pool). */
  drawChart: DrawChart;
}

export interface ChallengeTickReport {
  due: number;
  posted: number;
  failed: number;
  skippedLate: number;
  claimedElsewhere: number;
  ended: number;
}

/** What `end` did: whether this call ended the challenge, and what became of its summary. */
export interface EndOutcome {
  ended: boolean;
  summary?: "posted" | "failed" | "claimed_elsewhere";
}

/**
 * The ledger key of a challenge post. The ledger is keyed per channel, kind and local date;
 * a channel may run several challenges, so the challenge id follows the date.
 */
function challengeLedgerKey(challenge: Challenge, kind: DuePost["kind"], localDate: string): DeliveryKey {
  return { channel: challenge.channel, kind, localDate: `${localDate}#${challenge.id}` };
}

/** @example const posts = createChallengePosts(deps); await posts.tick(); await posts.end(challenge, "U1"); */
export function createChallengePosts(deps: ChallengePostsDeps) {
  const { storage, challenges, clock, logger } = deps;

  async function build(challenge: Challenge, kind: DuePost["kind"]): Promise<Reply> {
    if (kind === "reminder") {
      const count = await challenges.todayCount(challenge);
      return reminderReply(
        challenge,
        challenges.templateOf(challenge),
        count,
        dayNumber(challenge, clock.now()),
      );
    }
    if (kind === "recap") return recapReply(challenge, await challenges.recap(challenge));
    return summaryReply(challenge, await challenges.summary(challenge), deps.drawChart);
  }

  /** Claims, builds and posts one post; the ledger row ends `sent` or `failed`. */
  async function claimAndPost(
    challenge: Challenge,
    kind: DuePost["kind"],
    localDate: string,
  ): Promise<"posted" | "failed" | "claimed_elsewhere"> {
    const key = challengeLedgerKey(challenge, kind, localDate);
    const now = clock.now().getTime();
    if (!(await storage.claimDelivery(key, deps.processId, now))) return "claimed_elsewhere";
    const log = logger.child({ challenge: challenge.id, kind, localDate });
    try {
      await deps.post(challenge, await build(challenge, kind));
      await storage.finishDelivery(key, "sent", clock.now().getTime(), { item: challenge.id });
      return "posted";
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await storage.finishDelivery(key, "failed", clock.now().getTime(), { reason });
      log.error({ err: error }, "challenge post failed");
      return "failed";
    }
  }

  /** One scheduler pass over every challenge not yet ended. */
  async function tick(): Promise<ChallengeTickReport> {
    const report: ChallengeTickReport = {
      due: 0,
      posted: 0,
      failed: 0,
      skippedLate: 0,
      claimedElsewhere: 0,
      ended: 0,
    };
    const now = clock.now();
    for (const challenge of await storage.listUnendedChallenges()) {
      for (const due of duePosts(challenge, now)) {
        report.due++;
        if (due.kind !== "summary" && now.getTime() - due.plannedAt.getTime() > deps.graceMs) {
          report.skippedLate++;
          continue;
        }
        const outcome = await claimAndPost(challenge, due.kind, due.localDate);
        if (outcome === "posted") report.posted++;
        else if (outcome === "failed") report.failed++;
        else report.claimedElsewhere++;
        // Whoever posted (or tried), the challenge is over once its summary was claimed.
        if (due.kind === "summary" && (await storage.endChallenge(challenge.id, now.getTime(), "vitabot"))) {
          report.ended++;
        }
      }
    }
    if (report.due > 0) logger.info({ ...report }, "challenge posts");
    return report;
  }

  /**
   * Ends a challenge now (an admin's `challenge end`) and posts its summary unless it was
   * already posted; `ended` is false when it had already ended.
   */
  async function end(challenge: Challenge, by: string): Promise<EndOutcome> {
    const ended = await storage.endChallenge(challenge.id, clock.now().getTime(), by);
    if (!ended) return { ended: false };
    const closed = (await storage.getChallenge(challenge.id)) ?? challenge;
    return { ended: true, summary: await claimAndPost(closed, "summary", summaryLedgerDate(closed)) };
  }

  return { tick, end };
}

export type ChallengePosts = ReturnType<typeof createChallengePosts>;
