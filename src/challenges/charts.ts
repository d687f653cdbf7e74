/**
 * PNG pictures rendered on the server: Vega-Lite → Vega → SVG → PNG with @resvg/resvg-js,
 * drawing text with the bundled DejaVu Sans only (slim images have no system fonts, so none
 * are loaded). Every picture comes with alt text and a text version of the same data.
 * The chart libraries are imported on first use, so nothing else pays for them.
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

/** The bundled font files (regular and bold), shipped in assets/fonts/ with their licence. */
export const CHART_FONT_FILES = [
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

/** Rendering overrides, for tests and benchmarks. */
export interface RenderOptions {
  /** Font files to use instead of the bundled ones (tests). */
  fontFiles?: readonly string[];
  scale?: number;
}

/** The SVG Vega draws for a Vega-Lite spec (no canvas, no network: data is inline). */
export async function specToSvg(spec: TopLevelSpec): Promise<string> {
  const [vega, vegaLite] = await Promise.all([import("vega"), import("vega-lite")]);
  const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: "none" });
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
export async function svgToPng(
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
 * A bar chart of standings (leaderboard, end summary).
 * @example const image = await renderStandingsChart(individualBars("Daylight walks", individuals))
 */
export async function renderStandingsChart(
  input: StandingsChartInput,
  options?: RenderOptions,
): Promise<ChartImage> {
  const picture = await svgToPng(await specToSvg(standingsSpec(input)), options);
  return { ...picture, alt: standingsAlt(input), text: standingsText(input) };
}

/**
 * A heatmap of one member's check-ins per challenge day (status).
 * @example const image = await renderHeatmapChart({ title, timing: challenge, member, tasksPerDay: 2, now })
 */
export async function renderHeatmapChart(input: HeatmapInput, options?: RenderOptions): Promise<ChartImage> {
  const cells = heatmapCells(input);
  const picture = await svgToPng(
    await specToSvg(heatmapSpec(input.title, cells, input.tasksPerDay)),
    options,
  );
  return {
    ...picture,
    alt: heatmapAlt(input.title, cells),
    text: heatmapText(input.title, cells, input.tasksPerDay),
  };
}
