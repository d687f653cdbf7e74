/**
 * The naive design the scheduler is compared with: one node-cron task per channel.
 * Creates N daily tasks (distinct times, Europe/Berlin), then measures creation time,
 * RSS growth and the CPU the process uses while idle for a sample window.
 * Usage: probe-naive-cron.ts <count> <idle-sample-ms>
 */
import cron from "node-cron";

const count = Number(process.argv[2] ?? 10_000);
const idleMs = Number(process.argv[3] ?? 10_000);
global.gc?.();
const rssBefore = process.memoryUsage().rss;
const start = performance.now();
for (let i = 0; i < count; i++) {
  const minute = i % 60;
  const hour = Math.floor(i / 60) % 24;
  cron.schedule(`${minute} ${hour} * * *`, () => {}, { timezone: "Europe/Berlin", name: `channel-${i}` });
}
const createMs = performance.now() - start;
global.gc?.();
const rssAfter = process.memoryUsage().rss;
const cpuStart = process.cpuUsage();
await new Promise((resolve) => setTimeout(resolve, idleMs));
const cpu = process.cpuUsage(cpuStart);
const cpuMsPerMinute = ((cpu.user + cpu.system) / 1000) * (60_000 / idleMs);
for (const task of cron.getTasks().values()) await task.destroy();
console.log(JSON.stringify({ count, createMs, rssBefore, rssAfter, cpuMsPerMinute }));
