/**
 * Test commands that answer with a picture or files, the way the challenge commands do:
 * `chart-test` (a real standings chart from renderStandingsChart) and `export-test` (a CSV
 * export), next to the real commands. The chart is rendered once per test file.
 */
import { commands } from "../../commands/index.js";
import { type ChartImage, renderStandingsChart } from "../../src/challenges/charts.js";
import { type CommandDefinition, defineCommand } from "../../src/core/commands/define-command.js";
import { type Reply, type ReplyFile, textReply } from "../../src/core/reply/reply.js";

/** The first eight bytes of every PNG file. */
export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk (bytes 16–23). */
export const pngSize = (png: Uint8Array) => {
  const bytes = Buffer.from(png);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
};

let rendering: Promise<ChartImage> | undefined;

/** A real standings chart (about 2 s the first time: the chart libraries load on first use). */
export function testChart(): Promise<ChartImage> {
  rendering ??= renderStandingsChart({
    title: "Daylight walks: standings",
    unit: "pts",
    rows: [
      { label: "1. Ana", value: 30, detail: "streak 10 days" },
      { label: "2. Bo", value: 15, detail: "streak 2 days" },
    ],
    total: 2,
  });
  return rendering;
}

/** A reply carrying the test chart as `chart.png`. */
export async function chartReply(visibility: Reply["visibility"] = "ephemeral"): Promise<Reply> {
  const { png, width, height, alt, text } = await testChart();
  return {
    ...textReply("Standings", "Day 10 of 21."),
    visibility,
    image: { filename: "chart.png", png, width, height, alt, text },
  };
}

/** The CSV `export-test` sends. */
export const TEST_CSV: ReplyFile = {
  filename: "checkins.csv",
  content: 'date,task,points\n2026-03-01,walk,10\n2026-03-02,"walk, long",15\n',
  mimeType: "text/csv",
  title: "Your check-ins",
};

const chart = defineCommand({
  name: "chart-test",
  description: "Answers with a standings chart",
  options: {},
  run: () => chartReply(),
});

const exportCsv = defineCommand({
  name: "export-test",
  description: "Answers with a CSV export",
  options: {},
  run: () => ({ ...textReply("Your export", "Your check-ins so far."), files: [TEST_CSV] }),
});

/** The real commands plus the picture and file ones. */
export const chartTestCommands: readonly CommandDefinition[] = [...commands, chart, exportCsv];
