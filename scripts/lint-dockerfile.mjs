// Lints Dockerfiles with dockerfile-utils (the validator behind the VS Code Docker
// extension): `node scripts/lint-dockerfile.mjs [file…]`, the repository's Dockerfile by
// default. Prints every problem as `file:line:column: severity: message` and exits 1 on
// any error or warning, so a warning cannot slip through `npm test` either.
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { ValidationCode, validate } from "dockerfile-utils";

/** LSP severities, as dockerfile-utils reports them. */
const SEVERITY = { 1: "error", 2: "warning", 3: "info", 4: "hint" };

const files =
  process.argv.length > 2
    ? process.argv.slice(2)
    : [relative(process.cwd(), fileURLToPath(new URL("../Dockerfile", import.meta.url)))];

let problems = 0;
for (const file of files) {
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    console.error(`${file}: cannot read it (${error instanceof Error ? error.message : error})`);
    problems += 1;
    continue;
  }
  const diagnostics = validate(text);
  for (const d of diagnostics) {
    const { line, character } = d.range.start;
    const severity = SEVERITY[d.severity ?? 1] ?? "error";
    const code = d.code === undefined ? "" : ` [${ValidationCode[d.code] ?? d.code}]`;
    console.error(`${file}:${line + 1}:${character + 1}: ${severity}: ${d.message}${code}`);
  }
  problems += diagnostics.length;
  if (diagnostics.length === 0) console.log(`${file}: no problems`);
}
if (problems > 0) {
  console.error(`${problems} Dockerfile problem(s)`);
  process.exitCode = 1;
}
