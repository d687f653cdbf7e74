/**
 * Where the app's charts are drawn: a small piscina worker pool (CHART_THREADS threads,
 * started on first use, a bounded queue), so Vega and resvg never hold the thread that
 * acknowledges requests and answers everything else; or inline when CHART_THREADS is 0.
 * A picture is reused while the data behind it is unchanged: the drawings are kept by a
 * hash of their spec (the data, inline), the last few dozen, and asking again for one
 * still being drawn waits for that drawing rather than starting another.
 * @see https://github.com/piscinajs/piscina
 */
import { createHash } from "node:crypto";
import type { Piscina } from "piscina";
import type { TopLevelSpec } from "vega-lite";
import type { Logger } from "../logger.js";
import type { ChartTask } from "./chart-worker.js";
import type { ChartPicture, DrawChart } from "./charts.js";

/** Pictures kept for reuse (a few per running challenge). */
const CHART_CACHE_SIZE = 48;
/** Drawings that may wait for a thread; beyond that a chart is refused (ChartsBusyError). */
const CHART_QUEUE_LIMIT = 64;

/** Running from TypeScript sources (tests, benchmarks, a source checkout) or from dist/. */
const FROM_SOURCE = import.meta.url.endsWith(".ts");

/** The module whose default export draws a ChartTask: chart-worker.ts, or dist's .js. */
const DEFAULT_CHART_WORKER = new URL(
  FROM_SOURCE ? "./chart-worker.ts" : "./chart-worker.js",
  import.meta.url,
);

/** Too many different charts are waiting to be drawn; the answer goes out with its text version. */
export class ChartsBusyError extends Error {
  constructor() {
    super("too many charts are waiting to be drawn");
    this.name = "ChartsBusyError";
  }
}

export interface ChartPoolOptions {
  /** Worker threads; 0 draws inline, on the caller's thread (CHART_THREADS=0). */
  threads: number;
  logger: Logger;
  queueLimit?: number;
  cacheSize?: number;
  /** A worker module of one's own (tests: one that waits on a gate), and what each task carries to it. */
  worker?: { module: URL; context?: unknown };
}

/** The app's charts: `draw` for replies, `close` at shutdown. */
export interface ChartPool {
  draw: DrawChart;
  /** Lets drawings under way finish, then stops the threads. */
  close(): Promise<void>;
  stats(): { threads: number; drawn: number; reused: number; cached: number };
}

/** A spec's identity: the same data gives the same picture. */
const keyOf = (spec: TopLevelSpec) => createHash("sha256").update(JSON.stringify(spec)).digest("base64url");

/** A picture as it arrives from a worker: structured cloning makes a Buffer a plain Uint8Array. */
function received(picture: ChartPicture): ChartPicture {
  const png = picture.png as Uint8Array;
  return {
    ...picture,
    png: Buffer.isBuffer(png) ? png : Buffer.from(png.buffer, png.byteOffset, png.length),
  };
}

/**
 * @example const charts = createChartPool({ threads: 2, logger }); const image = await renderStandingsChart(input, charts.draw);
 */
export function createChartPool(options: ChartPoolOptions): ChartPool {
  const { threads, logger } = options;
  const workerModule = options.worker?.module ?? DEFAULT_CHART_WORKER;
  const queueLimit = options.queueLimit ?? CHART_QUEUE_LIMIT;
  const cacheSize = options.cacheSize ?? CHART_CACHE_SIZE;
  const pictures = new Map<string, Promise<ChartPicture>>();
  const counts = { drawn: 0, reused: 0 };
  let pool: Promise<Piscina> | undefined;
  let inline: Promise<(task: ChartTask) => Promise<ChartPicture>> | undefined;

  async function startPool(): Promise<Piscina> {
    const { Piscina } = await import("piscina");
    const typescript = workerModule.pathname.endsWith(".ts");
    const started = new Piscina({
      filename: typescript ? new URL("./chart-worker-source.mjs", import.meta.url).href : workerModule.href,
      ...(typescript ? { workerData: { module: workerModule.href } } : {}),
      minThreads: 0,
      maxThreads: threads,
      maxQueue: queueLimit,
      // Vega takes a second to load in a new thread: keep threads for a while between charts.
      idleTimeout: 10 * 60_000,
      // A chart needs a few MB; V8's defaults let a thread's heap grow ~30 MB more before collecting.
      resourceLimits: { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 8 },
    });
    started.on("error", (error: unknown) => logger.error({ err: error }, "a chart worker failed"));
    return started;
  }

  async function drawOnce(spec: TopLevelSpec): Promise<ChartPicture> {
    const task: ChartTask = { spec, ...(options.worker?.context ? { context: options.worker.context } : {}) };
    if (threads === 0) {
      inline ??= import(workerModule.href).then((module) => module.default);
      const drawInline = await inline;
      counts.drawn++;
      return drawInline(task);
    }
    pool ??= startPool();
    const running = await pool;
    if (running.queueSize >= queueLimit) throw new ChartsBusyError();
    counts.drawn++;
    return received(await running.run(task));
  }

  function draw(spec: TopLevelSpec): Promise<ChartPicture> {
    const key = keyOf(spec);
    const kept = pictures.get(key);
    if (kept) {
      counts.reused++;
      pictures.delete(key);
      pictures.set(key, kept);
      return kept;
    }
    const drawing = drawOnce(spec);
    pictures.set(key, drawing);
    drawing.catch((error: unknown) => {
      if (pictures.get(key) === drawing) pictures.delete(key);
      if (error instanceof ChartsBusyError)
        logger.warn({ queueLimit }, "chart queue full; text version sent");
    });
    for (const oldest of pictures.keys()) {
      if (pictures.size <= cacheSize) break;
      pictures.delete(oldest);
    }
    return drawing;
  }

  return {
    draw,
    async close() {
      const running = pool;
      pool = undefined;
      pictures.clear();
      if (running) await (await running).close();
    },
    stats: () => ({ threads, ...counts, cached: pictures.size }),
  };
}
