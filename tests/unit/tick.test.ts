import pino from "pino";
import { afterEach, describe, expect, it, vi } from "vitest";
import { textReply } from "../../src/core/reply/reply.js";
import type { ChannelRef } from "../../src/core/storage-ports/storage.js";
import { createPostQueues, createTick, type PostQueues } from "../../src/scheduler/tick.js";

const logger = pino({ level: "silent" });

/** Queues that post at once and note when they are drained. */
function recordingQueues(events: string[]): PostQueues {
  return {
    post: async (channel) => void events.push(`post ${channel.channelId}`),
    depth: () => 0,
    drain: async () => void events.push("queues drained"),
  };
}

/** A promise and the function that resolves it. */
function gate(): { open: () => void; opened: Promise<void> } {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("the tick's home", () => {
  it("runs its jobs one after another in the order they registered, merging their reports", async () => {
    const events: string[] = [];
    const first = gate();
    const tick = createTick({ queues: recordingQueues(events), logger })
      .register({
        run: async () => {
          events.push("tips start");
          await first.opened;
          events.push("tips end");
          return { due: 2, posted: 2 };
        },
      })
      .register({
        run: async () => {
          events.push("challenges");
          return { challenges: { due: 1 } };
        },
      })
      .register({
        run: async () => {
          events.push("purges");
          return { purgedWorkspaces: 0 };
        },
      });
    const report = tick.tick();
    await Promise.resolve();
    expect(events).toEqual(["tips start"]);
    first.open();
    expect(await report).toEqual({ due: 2, posted: 2, challenges: { due: 1 }, purgedWorkspaces: 0 });
    expect(events).toEqual(["tips start", "tips end", "challenges", "purges"]);
  });

  it("drains in order: every job stops claiming, the tick under way finishes, then the queues", async () => {
    const events: string[] = [];
    const running = gate();
    const started = gate();
    const tick = createTick({ queues: recordingQueues(events), logger })
      .register({
        run: async () => {
          started.open();
          await running.opened;
          events.push("tick finished");
          return {};
        },
        stop: () => void events.push("tips stop"),
      })
      .register({ run: async () => ({}), stop: () => void events.push("challenges stop") });
    const ticking = tick.tick();
    await started.opened;
    const drained = tick.drain().then(() => events.push("drained"));
    await Promise.resolve();
    expect(events).toEqual(["tips stop", "challenges stop"]);
    running.open();
    await Promise.all([ticking, drained]);
    expect(events).toEqual(["tips stop", "challenges stop", "tick finished", "queues drained", "drained"]);
  });

  it("sends every scheduled post through the shared per-platform queues", async () => {
    const sent: string[] = [];
    const queues = createPostQueues(
      async (channel, reply) => void sent.push(`${channel.channelId}: ${reply.title}`),
    );
    const tick = createTick({ queues, logger });
    const channel: ChannelRef = { platform: "console", workspaceId: "local", channelId: "C1" };
    const reply = textReply("drink water", "A glass with each meal.");
    await Promise.all([tick.postQueued(channel, reply), queues.post({ ...channel, channelId: "C2" }, reply)]);
    await tick.drain();
    expect(sent.sort()).toEqual(["C1: drink water", "C2: drink water"]);
    expect(tick.queueDepth()).toBe(0);
  });

  it("ticks on its timer only while mayTick allows, reports each tick, and drains when stopped", async () => {
    vi.useFakeTimers();
    const events: string[] = [];
    let allowed = false;
    const reports: unknown[] = [];
    const tick = createTick({ queues: recordingQueues(events), logger }).register({
      run: async () => {
        events.push("run");
        return { posted: 1 };
      },
    });
    // 45 s cannot be spaced evenly by cron, so a plain interval runs it.
    const timer = tick.start(45, { mayTick: () => allowed, onTick: (report) => reports.push(report) });
    await vi.advanceTimersByTimeAsync(45_000);
    expect(events).toEqual([]);
    allowed = true;
    await vi.advanceTimersByTimeAsync(45_000);
    expect(events).toEqual(["run"]);
    expect(reports).toEqual([{ posted: 1 }]);
    await timer.stop();
    expect(events).toEqual(["run", "queues drained"]);
    await vi.advanceTimersByTimeAsync(90_000);
    expect(events).toEqual(["run", "queues drained"]);
  });
});
