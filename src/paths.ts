/**
 * Where the package lives on disk, found by walking up to its package.json, so the
 * same code works from `src/` under tsx and from the compiled `dist/src/`.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findPackageRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`package.json not found above ${start}`);
    dir = parent;
  }
  return dir;
}

/** The directory holding package.json, content/ and bin/. */
export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));
/** The bundled content directory. */
export const DEFAULT_CONTENT_DIR = join(PACKAGE_ROOT, "content");
