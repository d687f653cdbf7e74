/**
 * The content snapshot: the loaded, validated content, with the red-flag model's terms
 * already compiled and the answer engine's search index and word list built, in one JSON file that `npm run build` writes beside
 * dist/.build-stamp. A start then reads one file instead of parsing the YAML, validating
 * it with zod, compiling every triage term and indexing every answer, and does not even
 * load the schemas.
 *
 * It is used only while it is what loading the files would give: its key is a hash of
 * the content files (their paths and bytes) and of the code under src/core/ that read and
 * compiled them (the running code's own copy: dist/src/core/ for the build). A changed,
 * added or removed content file, or code built since, and the content is loaded and
 * validated from the files as before. `vitabot content check` always reads the files.
 */
import { createHash, type Hash } from "node:crypto";
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { buildDocuments } from "../answers/documents.js";
import { contentWords } from "../answers/known-words.js";
import { createIndex } from "../answers/retrieve.js";
import type { Content } from "../content/load-content.js";
import type { Source } from "../content/schema.js";
import type { Concept, TriageModel } from "../content/triage-schema.js";
import type { Value } from "../content/triage-triggers.js";
import type { Phrase } from "../text/phrases.js";
import { compilePhrases } from "../triage/triggers.js";

/** Where the running code keeps its snapshot: the root of that code (dist/ for the build). */
const SNAPSHOT_FILE = fileURLToPath(new URL("../../../.content-snapshot", import.meta.url));
/** The code that shapes the snapshot: src/core/ of the running code. */
const CODE_DIR = fileURLToPath(new URL("..", import.meta.url));
/**
 * The first line of the file; the key follows it, then the content without its triage
 * model, then the triage model (each one line of JSON, which never holds a raw newline).
 */
const MAGIC = "vitabot content snapshot 2";

/** Adds every file under `dir` (its path from `dir`, then its bytes) to `hash`, in name order. */
function hashTree(hash: Hash, dir: string, keep: (name: string) => boolean = () => true): void {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && keep(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) {
    hash.update(`${relative(dir, file)}\0`);
    hash.update(readFileSync(file));
    hash.update("\0");
  }
}

/**
 * What a snapshot of `contentDir` must carry to be used: a hash of its files and of the
 * code (`.ts` or `.js` files) under `codeDir`.
 */
export function snapshotKey(contentDir: string, codeDir: string = CODE_DIR): string {
  const hash = createHash("sha256");
  hashTree(hash, contentDir);
  hash.update("\0code\0");
  hashTree(hash, codeDir, (name) => /\.[jt]s$/.test(name));
  return hash.digest("hex");
}

type Element = Phrase<Value>["elements"][number];
/**
 * A phrase's element as the JSON keeps it: a number range's bounds that JSON cannot hold
 * (an open end, `#5`, is Infinity; a malformed one NaN) are written as strings.
 */
type StoredElement =
  | Exclude<Element, { k: "num" }>
  | { k: "num"; min: number | string; max: number | string };

const storeBound = (n: number): number | string => (Number.isFinite(n) ? n : String(n));

/** Content as the snapshot's JSON holds it: its maps as entry lists, the triage model apart. */
interface StoredContent extends Omit<Content, "sources" | "triage"> {
  sources: [string, Source][];
}

/** The triage model as the snapshot's JSON holds it, its phrases compiled. */
type StoredTriage = Omit<TriageModel, "concepts" | "phrases"> & {
  concepts: [string, Concept][];
  phrases: (Omit<Phrase<Value>, "elements"> & { elements: StoredElement[] })[];
};

/**
 * JSON with every character outside ASCII escaped (`\u00b5`): the file then reads into a
 * one-byte string, half the memory of the two-byte string one µ or – would make it.
 */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/**
 * Writes the snapshot of content loaded (and validated) from `contentDir`, with its triage
 * terms compiled and its answers indexed. JSON, which V8 parses several times faster than
 * it deserialises the same objects. Written beside and renamed, so no reader sees half a file.
 */
export function writeContentSnapshot(content: Content, contentDir: string, file = SNAPSHOT_FILE): void {
  const docs = buildDocuments(content);
  const { triage, ...rest } = content;
  const stored: StoredContent = {
    ...rest,
    sources: [...content.sources],
    prebuilt: { answerIndex: createIndex(docs).toJSON(), contentWords: [...contentWords(docs)] },
  };
  const storedTriage: StoredTriage = {
    ...triage,
    concepts: [...triage.concepts],
    phrases: compilePhrases(triage).map((phrase) => ({
      ...phrase,
      elements: phrase.elements.map((e) =>
        e.k === "num" ? { k: "num", min: storeBound(e.min), max: storeBound(e.max) } : e,
      ),
    })),
  };
  const next = `${file}.${process.pid}`;
  try {
    const key = snapshotKey(contentDir);
    writeFileSync(next, `${MAGIC}\n${key}\n${asciiJson(stored)}\n${asciiJson(storedTriage)}`);
    renameSync(next, file);
  } finally {
    rmSync(next, { force: true });
  }
}

/** The triage model as loaded, from its JSON: the phrases' bounds are turned back into numbers in place. */
function restoreTriage(json: string): TriageModel {
  const stored = JSON.parse(json) as StoredTriage;
  for (const phrase of stored.phrases) {
    for (const e of phrase.elements) {
      if (e.k === "num") {
        e.min = Number(e.min);
        e.max = Number(e.max);
      }
    }
  }
  return { ...stored, concepts: new Map(stored.concepts), phrases: stored.phrases as Phrase<Value>[] };
}

/**
 * The content as loaded, from what the snapshot holds. The triage model (three quarters of
 * the file) is parsed when something first reads `content.triage`: a command that only
 * looks a nutrient up never does.
 */
function restore(stored: StoredContent, triageJson: string): Content {
  const content = { ...stored, sources: new Map(stored.sources) } as Omit<Content, "triage">;
  return Object.defineProperty(content, "triage", {
    enumerable: true,
    configurable: true,
    get() {
      const triage = restoreTriage(triageJson);
      Object.defineProperty(content, "triage", { value: triage, enumerable: true, writable: true });
      return triage;
    },
  }) as Content;
}

/**
 * The content of `contentDir` from the snapshot, when there is one and it matches the files
 * and the code as they are now; undefined otherwise (then load the files).
 */
export function readContentSnapshot(contentDir: string, file = SNAPSHOT_FILE): Content | undefined {
  let text: string;
  try {
    // ASCII only (asciiJson): latin1 is the cheapest way to read it.
    text = readFileSync(file, "latin1");
  } catch {
    return undefined;
  }
  const magicEnd = text.indexOf("\n");
  const keyEnd = text.indexOf("\n", magicEnd + 1);
  const contentEnd = text.indexOf("\n", keyEnd + 1);
  if (magicEnd < 0 || keyEnd < 0 || contentEnd < 0 || text.slice(0, magicEnd) !== MAGIC) return undefined;
  if (text.slice(magicEnd + 1, keyEnd) !== snapshotKey(contentDir)) return undefined;
  return restore(JSON.parse(text.slice(keyEnd + 1, contentEnd)) as StoredContent, text.slice(contentEnd + 1));
}

/**
 * The content of `contentDir`: from the snapshot while it matches, else read and validated
 * from the files (the schemas and the YAML parser are loaded only then).
 * @throws ContentError listing every problem, when the files are read and are not valid.
 */
export async function loadContentFast(
  contentDir: string,
  file = SNAPSHOT_FILE,
): Promise<{ content: Content; from: "snapshot" | "files" }> {
  const snapshot = readContentSnapshot(contentDir, file);
  if (snapshot) return { content: snapshot, from: "snapshot" };
  const { loadContent } = await import("../content/load-content.js");
  return { content: loadContent(contentDir), from: "files" };
}
