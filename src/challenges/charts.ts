/**
 * PNG pictures rendered on the server: Vega-Lite → Vega → SVG → PNG with @resvg/resvg-js,
 * drawing text with the bundled DejaVu Sans only (slim images have no system fonts, so none
 * are loaded). Every picture comes with alt text and a text version of the same data.
 * The chart libraries are imported on first use, so nothing else pays for them. In the app
 * the drawing (spec → PNG, the CPU-heavy part) runs in a small worker pool (chart-pool.ts);
 * the words (alt text, text version) are built here, on the caller's thread.
 */
import { join } from "node:path";
import type { TopLevelSpec } from "vega-lite";
import { PACKAGE_ROOT } from "../paths.js";
import {
  CHART_FONT_FAMILY,
  type HeatmapInput,
  heatmapAlt,
  heatmapCells,
  heatmapSpec,
  heatmapText,
  type StandingsChartInput,
  standingsAlt,
  standingsSpec,
  standingsText,
} from "./chart-data.js";
import { loadVegaLite } from "./vega-lite.js";

/** The bundled font files (regular and bold), shipped in assets/fonts/ with their licence. */
const CHART_FONT_FILES = [
  join(PACKAGE_ROOT, "assets", "fonts", "DejaVuSans.ttf"),
  join(PACKAGE_ROOT, "assets", "fonts", "DejaVuSans-Bold.ttf"),
] as const;

/** Pixels per SVG unit: 2 keeps text sharp on high-density screens. */
export const CHART_SCALE = 2;

/** A rendered picture with its alt text and its text version. */
export interface ChartImage {
  png: Buffer;
  /** Pixel size of the PNG. */
  width: number;
  height: number;
  /** One sentence for screen readers (Slack `alt_text`, Discord attachment description). */
  alt: string;
  /** The same data as text: shown beside the picture, in the console, and where no picture can go. */
  text: string;
}

/** A picture without its words: what drawing a spec gives (and the chart worker sends back). */
export type ChartPicture = Pick<ChartImage, "png" | "width" | "height">;

/** Draws a Vega-Lite spec as a PNG: through the app's chart pool, or inline (drawChart). */
export type DrawChart = (spec: TopLevelSpec) => Promise<ChartPicture>;

/** Rendering overrides, for tests and benchmarks. */
export interface RenderOptions {
  /** Font files to use instead of the bundled ones (tests). */
  fontFiles?: readonly string[];
  scale?: number;
}

/** The SVG Vega draws for a Vega-Lite spec (no canvas, no network: data is inline). */
async function specToSvg(spec: TopLevelSpec): Promise<string> {
  const [vega, compile] = await Promise.all([import("vega"), loadVegaLite()]);
  const view = new vega.View(vega.parse(compile(spec)), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * An SVG rasterised to PNG with only the given fonts.
 * @example const { png } = await svgToPng(svg)
 */
async function svgToPng(
  svg: string,
  options: RenderOptions = {},
): Promise<{ png: Buffer; width: number; height: number }> {
  const { Resvg } = await import("@resvg/resvg-js");
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: options.scale ?? CHART_SCALE },
    background: "white",
    font: {
      loadSystemFonts: false,
      fontFiles: [...(options.fontFiles ?? CHART_FONT_FILES)],
      defaultFontFamily: CHART_FONT_FAMILY,
      sansSerifFamily: CHART_FONT_FAMILY,
    },
  });
  const image = resvg.render();
  return { png: image.asPng(), width: image.width, height: image.height };
}

/**
 * A spec drawn on this thread: what the chart worker runs, and charts without a pool (tests, CLI).
 * @example const { png } = await drawChart(standingsSpec(input))
 */
export async function drawChart(spec: TopLevelSpec, options?: RenderOptions): Promise<ChartPicture> {
  return svgToPng(await specToSvg(spec), options);
}

const drawInline: DrawChart = (spec) => drawChart(spec);

/**
 * A bar chart of standings (leaderboard, end summary), drawn by `draw` (the app's chart pool).
 * @example const image = await renderStandingsChart(individualBars("Daylight walks", individuals), charts.draw)
 */
export async function renderStandingsChart(
  input: StandingsChartInput,
  draw: DrawChart = drawInline,
): Promise<ChartImage> {
  const picture = await draw(standingsSpec(input));
  return { ...picture, alt: standingsAlt(input), text: standingsText(input) };
}

/**
 * A heatmap of one member's check-ins per challenge day (status), drawn by `draw`.
 * @example const image = await renderHeatmapChart({ title, timing: challenge, member, tasksPerDay: 2, now }, charts.draw)
 */
export async function renderHeatmapChart(
  input: HeatmapInput,
  draw: DrawChart = drawInline,
): Promise<ChartImage> {
  const cells = heatmapCells(input);
  const picture = await draw(heatmapSpec(input.title, cells, input.tasksPerDay));
  return {
    ...picture,
    alt: heatmapAlt(input.title, cells),
    text: heatmapText(input.title, cells, input.tasksPerDay),
  };
}
