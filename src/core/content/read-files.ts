/**
 * Reading content files: YAML parsed with js-yaml and validated with zod at the edge, every
 * problem collected (with its file and path) rather than thrown one at a time.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { load, YAMLException } from "js-yaml";
import type { z } from "zod";
import type { ContentIssue } from "../../errors.js";
import type { Source } from "./schema.js";

/** Formats a zod issue path as `foods[2].amount`. */
function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === "number" ? `[${key}]` : `${i === 0 ? "" : "."}${String(key)}`))
    .join("");
}

export class IssueCollector {
  readonly issues: ContentIssue[] = [];
  add(file: string, path: string, message: string): void {
    this.issues.push({ file, path, message });
  }
}

export function yamlFiles(dir: string, sub: string, issues: IssueCollector): string[] {
  try {
    return readdirSync(join(dir, sub))
      .filter((name) => name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"))
      .sort()
      .map((name) => `${sub}/${name}`);
  } catch {
    issues.add(sub, "", "directory is missing");
    return [];
  }
}

/** Parses one file and validates it; returns undefined (with issues noted) when invalid. */
export function readFile<T>(
  dir: string,
  file: string,
  schema: z.ZodType<T>,
  issues: IssueCollector,
): T | undefined {
  let raw: string;
  try {
    raw = readFileSync(join(dir, file), "utf8");
  } catch {
    issues.add(file, "", "file is missing or unreadable");
    return undefined;
  }
  let data: unknown;
  try {
    data = load(raw, { filename: file });
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    const line = error.mark ? `line ${error.mark.line + 1}` : "";
    issues.add(file, line, `YAML syntax error: ${error.reason}`);
    return undefined;
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) issues.add(file, formatPath(issue.path), issue.message);
    return undefined;
  }
  return result.data;
}

export function readList<T extends { id: string }>(
  dir: string,
  sub: string,
  schema: z.ZodType<T[]>,
  issues: IssueCollector,
): { items: T[]; files: Map<string, { item: T; location: string }> } {
  const items: T[] = [];
  const files = new Map<string, { item: T; location: string }>();
  const seen = new Map<string, string>();
  for (const file of yamlFiles(dir, sub, issues)) {
    const list = readFile(dir, file, schema, issues) ?? [];
    list.forEach((item, index) => {
      const earlier = seen.get(item.id);
      if (earlier) issues.add(file, `[${index}].id`, `duplicate id "${item.id}" (also in ${earlier})`);
      seen.set(item.id, file);
      items.push(item);
      files.set(`${file}#${index}`, { item, location: `${file}#${index}` });
    });
  }
  return { items, files };
}

/** Walks a value and reports every `source`/`sources` id that is not in the registry. */
export function checkSourceRefs(
  file: string,
  value: unknown,
  sources: ReadonlyMap<string, Source>,
  issues: IssueCollector,
  path: PropertyKey[] = [],
): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      checkSourceRefs(file, item, sources, issues, [...path, i]);
    });
    return;
  }
  if (value === null || typeof value !== "object") return;
  for (const [key, child] of Object.entries(value)) {
    const refs = key === "source" ? [child] : key === "sources" ? (child as unknown[]) : [];
    refs.forEach((ref, i) => {
      if (typeof ref === "string" && !sources.has(ref)) {
        const at = key === "sources" ? [...path, key, i] : [...path, key];
        issues.add(file, formatPath(at), `unknown source "${ref}" (add it to content/sources/)`);
      }
    });
    checkSourceRefs(file, child, sources, issues, [...path, key]);
  }
}
