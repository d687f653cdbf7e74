/**
 * Benchmark roles in their own processes, so an app under test has a process (and a
 * heap) to itself, as it would in production, and the load generator and the stand-ins
 * do not share its event loop. A child reports `{ type: "ready", … }` over IPC.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export interface Child {
  process: ChildProcess;
  /** The child's `ready` message (ports, URLs). */
  ready: Record<string, unknown>;
}

/**
 * Starts `script` (relative to bench/) with a role and arguments; resolves on its `ready`
 * message. TypeScript is loaded as `npm start` loads it (bin/vitabot.js registers tsx's
 * ESM hooks only): with `--import tsx`, tsx also hooks CommonJS resolution, and a
 * dependency's lazy `require()` (discord.js does one on every reply) would look up
 * package.json files each time, a cost no deployment has.
 */
export function spawnChild(
  script: string,
  role: string,
  args: string[] = [],
  env: Record<string, string> = {},
  nodeFlags: string[] = [],
): Promise<Child> {
  const path = fileURLToPath(new URL(script, import.meta.url));
  // Plain JavaScript (.mjs) runs as it is, without tsx.
  const loader = path.endsWith(".mjs") ? [] : ["--import", "tsx/esm"];
  const child = spawn(process.execPath, [...nodeFlags, ...loader, path, role, ...args], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    env: { ...process.env, ...env },
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${role} did not start within 60 s`)), 60_000);
    child.once("exit", (code) => reject(new Error(`${role} exited with ${code}`)));
    child.on("message", (message: Record<string, unknown>) => {
      if (message.type !== "ready") return;
      clearTimeout(timer);
      resolve({ process: child, ready: message });
    });
  });
}

/** Stops a child with SIGTERM and waits for it to exit. */
export async function stopChild(child: Child | undefined): Promise<void> {
  if (!child || child.process.exitCode !== null) return;
  const exited = new Promise((resolve) => child.process.once("exit", resolve));
  child.process.kill("SIGTERM");
  await exited;
}

/** Asks a child one question over IPC (`{ type }`) and waits for its reply of that type. */
export function askChild<T>(
  child: Child,
  type: string,
  pick: (message: Record<string, unknown>) => T,
): Promise<T> {
  return new Promise((resolve) => {
    const listener = (message: Record<string, unknown>) => {
      if (message.type !== type) return;
      child.process.off("message", listener);
      resolve(pick(message));
    };
    child.process.on("message", listener);
    child.process.send({ type });
  });
}
