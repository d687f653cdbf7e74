/**
 * franc (trigram language identification), loaded on first use: it and its trigram tables
 * take about 12 MB of memory, and most messages are read without it. Shared by the answer
 * engine and triage.
 * @see https://github.com/wooorm/franc
 */
import { createRequire } from "node:module";

type Franc = typeof import("franc");
let loaded: Franc | undefined;

/** franc, loaded on first use (synchronously: require() of an ES module, Node.js 20.19+). */
export function loadFranc(): Franc {
  loaded ??= createRequire(import.meta.url)("franc") as Franc;
  return loaded;
}
