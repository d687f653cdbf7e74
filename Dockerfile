# vitabot's image: the compiled JavaScript on Node.js 24 LTS, run by plain `node` under
# tini as a non-root user, with the SQLite database on a volume.
#
#   docker build -t vitabot .
#   docker run -d --name vitabot -p 3000:3000 -v vitabot-data:/app/data \
#     -e SLACK_BOT_TOKEN -e SLACK_SIGNING_SECRET vitabot
#   docker exec vitabot vitabot ask "why are my legs weak"
#
# No `# syntax=` line: the builder's built-in parser reads this file, so no parser image is
# pulled. podman and buildah keep the HEALTHCHECK only with `--format docker`.
#
# Checked outside Docker on every `npm test`: `npm run lint:docker` lints this file, and
# tests/integration/build.test.ts checks its key properties and runs the same tsc build
# and the same `node bin/vitabot.js` commands on the compiled output.

# ---- base: one pinned Node.js image for every stage ----------------------------------
# Pinned to an exact release (Node.js 24.14.0, Debian 12 "bookworm", glibc; slim has no
# compiler, curl or python). To pin by digest as well, so a re-pushed tag cannot change
# the build, resolve the digest once and append it:
#   docker buildx imagetools inspect node:24.14.0-bookworm-slim   (the "Digest:" line)
#   FROM node:24.14.0-bookworm-slim@sha256:<digest> AS base
# Every stage starts FROM base, so the native module compiled in the builder matches the
# runtime's Node.js ABI and glibc exactly.
FROM node:24.14.0-bookworm-slim AS base
WORKDIR /app

# ---- builder: every dependency, the toolchain better-sqlite3 compiles with, and tsc ----
FROM base AS builder
# better-sqlite3 builds its addon with node-gyp when no prebuilt binary fits: that needs
# python3, make and a C++ compiler, and Node.js's headers, which the base image carries in
# /usr/local/include/node: with nodedir pointing there node-gyp downloads nothing.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
ENV npm_config_nodedir=/usr/local
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY commands ./commands
RUN npx tsc -p tsconfig.build.json

# ---- runtime ---------------------------------------------------------------------------
FROM base AS runtime
# tini runs as PID 1: it passes SIGTERM on to node (which then drains and exits within
# 8 s) and reaps zombies, so no `docker run --init` is needed.
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production
COPY package.json package-lock.json ./
# Production dependencies are installed here, exactly from the lockfile, rather than
# pruned from the builder's tree. `--ignore-scripts` keeps the compiler out of this
# image: the only production package with an install script is better-sqlite3 (the build
# test checks the lockfile for that), and its script only produces the addon, which is
# copied from the builder: same lockfile, same base image, so the same version, Node.js
# ABI and glibc. Loading it once below fails the build if that ever stops holding.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 && npm cache clean --force
COPY --from=builder /app/node_modules/better-sqlite3/build/Release/better_sqlite3.node \
     ./node_modules/better-sqlite3/build/Release/better_sqlite3.node
RUN node -e "new (require('better-sqlite3'))(':memory:').prepare('select 1').get()"
# Code and content stay owned by root, read-only to the bot; only /app/data is writable.
COPY --from=builder /app/dist ./dist
COPY bin ./bin
COPY content ./content
COPY assets ./assets
# `vitabot` on PATH for `docker exec <container> vitabot …` (npx would try to install
# into npm's cache as uid 1000); the launcher is executable and finds /app through the link.
RUN ln -s /app/bin/vitabot.js /usr/local/bin/vitabot
RUN mkdir -p /app/data && chown 1000:1000 /app/data
ENV DATABASE_URL=file:/app/data/vitabot.db \
    PORT=3000
VOLUME ["/app/data"]
EXPOSE 3000
# The base image's `node` user, given by number so Kubernetes' runAsNonRoot can verify it.
USER 1000:1000
# Slim has no curl: node itself asks GET /healthz on PORT.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz',{signal:AbortSignal.timeout(4000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
STOPSIGNAL SIGTERM
# Plain node (not `npm start`, which would not pass SIGTERM on). Any vitabot command
# works as arguments: `docker run --rm vitabot ask "why are my legs weak"`.
# --max-semi-space-size=8 (MB): V8's young generation otherwise grows to 3 x 32 MB under a
# burst of requests; with 8 the peak RSS of 500 requests at once fell from ~445 to ~320-360 MB
# at the same CPU (`npm run bench burst`, BENCH_BURST_DIST=1, Node.js 24).
ENTRYPOINT ["/usr/bin/tini", "--", "node", "--enable-source-maps", "--max-semi-space-size=8", "bin/vitabot.js"]
CMD ["start"]
