import { EventEmitter } from "node:events";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../../src/logger.js";
import { watchFaults } from "../../../src/ops/faults.js";
import { createRequestContext } from "../../../src/ops/request-context.js";

function memoryLogger() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n")) if (line.trim()) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: createLogger({ level: "info", destination }) };
}

describe("process faults", () => {
  it("settles on the first fault with its request id, logs every fault, and stops listening when disposed", async () => {
    const source = new EventEmitter();
    const requests = createRequestContext();
    const { lines, logger } = memoryLogger();
    const faults = watchFaults({ logger, requests, source });
    requests.run("req-00000001", () => source.emit("unhandledRejection", new Error("first")));
    source.emit("uncaughtException", new Error("second"));
    await expect(faults.fault).resolves.toMatchObject({
      kind: "unhandledRejection",
      requestId: "req-00000001",
      error: expect.objectContaining({ message: "first" }),
    });
    expect(lines.map((l) => [l.level, l.fault, l.requestId])).toEqual([
      [60, "unhandledRejection", "req-00000001"],
      [60, "uncaughtException", undefined],
    ]);
    expect(lines[1]?.msg).toContain("already stopping");
    faults.dispose();
    expect(source.listenerCount("unhandledRejection") + source.listenerCount("uncaughtException")).toBe(0);
  });
});
