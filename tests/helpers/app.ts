/**
 * A real dispatcher over the bundled content and an in-memory SQLite store, with a
 * fake clock and a logger whose lines tests can read.
 */
import { Writable } from "node:stream";
import { pino } from "pino";
import { commands as allCommands } from "../../commands/index.js";
import type { Clock } from "../../src/core/commands/context.js";
import type { CommandDefinition } from "../../src/core/commands/define-command.js";
import { createDispatcher, type Invocation } from "../../src/core/commands/dispatch.js";
import { createRegistry } from "../../src/core/commands/registry.js";
import { createKnowledge } from "../../src/core/knowledge/knowledge.js";
import { createSqliteStorage } from "../../src/storage/sqlite-storage.js";
import type { Storage } from "../../src/storage/storage.js";
import { realContent } from "./content.js";

/** A clock tests move by hand. */
export class FakeClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  set(iso: string): void {
    this.current = new Date(iso);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

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

export interface TestAppOptions {
  cooldownMs?: number;
  commands?: readonly CommandDefinition[];
  storage?: Storage;
  now?: string;
}

export async function createTestApp(options: TestAppOptions = {}) {
  const knowledge = createKnowledge(realContent(), { emergencyNumber: "911" });
  const storage = options.storage ?? createSqliteStorage({ path: ":memory:" });
  await storage.migrate();
  const clock = new FakeClock(new Date(options.now ?? "2026-11-25T09:00:00Z"));
  const { logger, lines } = createMemoryLogger();
  const registry = createRegistry(options.commands ?? allCommands);
  const dispatcher = createDispatcher({
    registry,
    knowledge,
    storage,
    clock,
    logger,
    cooldownMs: options.cooldownMs ?? 0,
  });
  return { knowledge, storage, clock, logger, logLines: lines, registry, dispatcher };
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
