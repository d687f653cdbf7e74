/**
 * A real app (content, dispatcher, scheduler) over an in-memory SQLite store, with a
 * fake clock, a logger whose lines tests can read, and recording adapters for posts.
 */
import { Writable } from "node:stream";
import { pino } from "pino";
import type { AdapterHealth, ChatAdapter } from "../../src/adapters/chat-adapter.js";
import { createApp } from "../../src/app.js";
import { parseConfig } from "../../src/config.js";
import type { CommandDefinition } from "../../src/core/commands/define-command.js";
import type { Invocation } from "../../src/core/commands/dispatch.js";
import type { Knowledge } from "../../src/core/knowledge/knowledge.js";
import type { Reply } from "../../src/core/reply/reply.js";
import type { ChannelRef, Platform, Storage } from "../../src/core/storage-ports/storage.js";
import { knowledgeFor } from "../../src/knowledge-for.js";
import type { SchedulerDeps } from "../../src/scheduler/tips-job.js";
import { createSqliteStorage } from "../../src/storage/kysely/sqlite-storage.js";
import { FakeClock } from "./fake-clock.js";

/** A pino logger that keeps its JSON lines in memory. */
export function createMemoryLogger() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n")) if (line.trim()) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: pino({ level: "debug" }, stream), lines };
}

/** An adapter that records what it was asked to post, or fails as told. */
export function createRecordingAdapter(platform: Platform) {
  const posts: { channel: ChannelRef; reply: Reply; at: number }[] = [];
  let failWith: ((channel: ChannelRef) => Error | undefined) | undefined;
  const adapter = {
    platform,
    start: async () => {},
    stop: async () => {},
    health: (): AdapterHealth => ({ ok: true }),
    async post(channel: ChannelRef, reply: Reply) {
      const error = failWith?.(channel);
      if (error) throw error;
      posts.push({ channel, reply, at: Date.now() });
    },
  } satisfies ChatAdapter;
  return { adapter, posts, failWhen: (fn: typeof failWith) => (failWith = fn) };
}

export interface TestAppOptions {
  cooldownMs?: number;
  commands?: readonly CommandDefinition[];
  storage?: Storage;
  now?: string;
  scheduler?: Partial<Omit<SchedulerDeps, "storage" | "knowledge" | "post" | "clock" | "logger">>;
}

/** Everything freezable reachable from `value`, frozen: a test that writes to shared content throws. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}

let knowledge: Knowledge | undefined;

/**
 * The knowledge base of the bundled content with emergency number 911, built once per worker
 * and shared by every test app: loading and indexing the content is most of an app's set-up.
 * The content is frozen, so no test can change what the next one sees.
 */
function sharedKnowledge(config: Parameters<typeof knowledgeFor>[0]): Knowledge {
  if (!knowledge) {
    knowledge = knowledgeFor(config);
    deepFreeze(knowledge.content);
  }
  return knowledge;
}

export async function createTestApp(options: TestAppOptions = {}) {
  const clock = new FakeClock(options.now ?? "2026-11-25T09:00:00Z");
  const { logger, lines } = createMemoryLogger();
  const config = { ...parseConfig({ EMERGENCY_NUMBER: "911" }), cooldownMs: options.cooldownMs ?? 0 };
  const storage = options.storage ?? createSqliteStorage({ path: ":memory:" });
  const app = await createApp(config, logger, {
    clock,
    storage,
    knowledge: sharedKnowledge(config),
    ...(options.commands ? { commands: options.commands } : {}),
    scheduler: {
      queues: { slack: { perChannelIntervalMs: 0, concurrency: 50, maxAttempts: 3, backoffMs: 1 } },
      ...options.scheduler,
    },
  });
  const slack = createRecordingAdapter("slack");
  app.registerAdapter(slack.adapter);
  return { ...app, app, clock, logLines: lines, slack };
}

/** A Slack-like invocation in channel C1 by user U1. */
export function slackInvocation(overrides: Partial<Invocation> = {}): Invocation {
  return {
    platform: "slack",
    user: { id: "U1" },
    channel: { platform: "slack", workspaceId: "T1", channelId: "C1" },
    isAdmin: false,
    ...overrides,
  };
}
