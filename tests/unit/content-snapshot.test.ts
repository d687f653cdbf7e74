/**
 * The content snapshot (src/core/knowledge/content-snapshot.ts) that `npm run build` writes
 * for a fast start: it gives back exactly the content the files give, the engine built on
 * it answers and triages exactly as one built from the files, and it is ignored (the
 * files are read and validated again) once a content file or the code changes.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { createAnswerEngine } from "../../src/core/answers/engine.js";
import { type Content, loadContent } from "../../src/core/content/load-content.js";
import {
  loadContentFast,
  readContentSnapshot,
  snapshotKey,
  writeContentSnapshot,
} from "../../src/core/knowledge/content-snapshot.js";
import { createKnowledge } from "../../src/core/knowledge/knowledge.js";
import { compilePhrases } from "../../src/core/triage/triggers.js";
import { ContentError } from "../../src/errors.js";
import { DEFAULT_CONTENT_DIR, PACKAGE_ROOT } from "../../src/paths.js";
import { copyContent, editFile, realContent } from "../helpers/content.js";
import { loadQuestionSet, QUESTION_SETS } from "../kit/question-set.js";
import { availableTriageSets, loadTriageSet } from "../kit/triage-set.js";

const work = mkdtempSync(join(tmpdir(), "vitabot-snapshot-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Writes the snapshot of `dir` (its content loaded from the files) to a file of `work`. */
function snapshotOf(dir: string, name: string): string {
  const file = join(work, name);
  writeContentSnapshot(dir === DEFAULT_CONTENT_DIR ? realContent() : loadContent(dir), dir, file);
  return file;
}

describe("the content snapshot", () => {
  const real = snapshotOf(DEFAULT_CONTENT_DIR, "real");

  it("gives back exactly the content loaded from the files, with the engine's indexes added", () => {
    const restored = readContentSnapshot(DEFAULT_CONTENT_DIR, real);
    expect(restored).toBeDefined();
    const { prebuilt, triage, ...rest } = restored as Content;
    const { phrases, ...model } = triage;
    expect(prebuilt?.contentWords.length).toBeGreaterThan(1000);
    expect(phrases?.length).toBeGreaterThan(1000);
    // Compiled as triage compiles them, bounds JSON cannot hold (Infinity, NaN) included.
    expect(isDeepStrictEqual(phrases, compilePhrases(realContent().triage))).toBe(true);
    // Strict: no key lost or added (undefined included), maps still maps.
    expect(isDeepStrictEqual({ ...rest, triage: model }, realContent())).toBe(true);
  });

  it("builds an engine that answers and triages exactly as one built from the files", () => {
    const fromFiles = createAnswerEngine(realContent(), { emergencyNumber: "112" });
    const fromSnapshot = createAnswerEngine(readContentSnapshot(DEFAULT_CONTENT_DIR, real) as Content, {
      emergencyNumber: "112",
    });
    const questions = QUESTION_SETS.flatMap((set) => loadQuestionSet(set).map((item) => item.q));
    const messages = availableTriageSets().flatMap((n) => loadTriageSet(n).map((item) => item.text));
    expect(questions.length).toBeGreaterThan(300);
    expect(messages.length).toBeGreaterThan(1000);
    // Every answer and every triage result, field by field (the lists of those that differ).
    expect(questions.filter((q) => !isDeepStrictEqual(fromSnapshot.ask(q), fromFiles.ask(q)))).toEqual([]);
    expect(messages.filter((m) => !isDeepStrictEqual(fromSnapshot.triage(m), fromFiles.triage(m)))).toEqual(
      [],
    );
  }, 120_000);

  it("is used while the content files and the code are the ones it was written from", async () => {
    const loaded = await loadContentFast(DEFAULT_CONTENT_DIR, real);
    expect(loaded.from).toBe("snapshot");
    expect(loaded.content.prebuilt).toBeDefined();
  });

  it("is ignored once a content file changes, is added or is removed: the files are read again", async () => {
    const dir = copyContent();
    try {
      const file = snapshotOf(dir, "copy");
      expect((await loadContentFast(dir, file)).from).toBe("snapshot");

      editFile(dir, "safety.yaml", (text) =>
        text.replace(/disclaimer: .*/, 'disclaimer: "Edited after the build."'),
      );
      const edited = await loadContentFast(dir, file);
      expect(edited.from).toBe("files");
      expect(edited.content.safety.disclaimer).toBe("Edited after the build.");
      expect(edited.content.prebuilt).toBeUndefined();

      writeContentSnapshot(edited.content, dir, file);
      expect((await loadContentFast(dir, file)).from).toBe("snapshot");
      writeFileSync(join(dir, "tips/notes.txt"), "notes\n");
      expect((await loadContentFast(dir, file)).from).toBe("files");
      rmSync(join(dir, "tips/notes.txt"));
      expect((await loadContentFast(dir, file)).from).toBe("snapshot");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("is ignored for content that no longer validates: the problems are reported as without it", async () => {
    const dir = copyContent();
    try {
      const file = snapshotOf(dir, "broken");
      editFile(dir, "safety.yaml", (text) => text.replace(/disclaimer: .*/, "disclaimer: 42"));
      await expect(loadContentFast(dir, file)).rejects.toBeInstanceOf(ContentError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reads its triage model only when first used: looking a nutrient up leaves it unread", () => {
    const content = readContentSnapshot(DEFAULT_CONTENT_DIR, real) as Content;
    const knowledge = createKnowledge(content, { emergencyNumber: "112" });
    expect(knowledge.requireNutrient("d").id).toBe("vitamin-d");
    expect(Object.getOwnPropertyDescriptor(content, "triage")?.get).toBeDefined();
    expect(knowledge.engine.ask("my face is drooping").kind).toBe("urgent");
    expect(Object.getOwnPropertyDescriptor(content, "triage")?.get).toBeUndefined();
    expect(content.triage.phrases?.length).toBeGreaterThan(1000);
  });

  it("is keyed to the code that wrote it: a changed file under src/core/ changes the key", () => {
    const code = join(work, "core");
    cpSync(join(PACKAGE_ROOT, "src/core"), code, { recursive: true });
    const before = snapshotKey(DEFAULT_CONTENT_DIR, code);
    expect(snapshotKey(DEFAULT_CONTENT_DIR, code)).toBe(before);
    editFile(code, "text/phrases.ts", (text) => `${text}\n// changed\n`);
    expect(snapshotKey(DEFAULT_CONTENT_DIR, code)).not.toBe(before);
  });

  it("is ignored when it is not a snapshot at all", async () => {
    const file = join(work, "garbage");
    writeFileSync(file, "not a snapshot\n");
    expect(readContentSnapshot(DEFAULT_CONTENT_DIR, file)).toBeUndefined();
    expect((await loadContentFast(DEFAULT_CONTENT_DIR, file)).from).toBe("files");
  });
});
