# syntax=docker/dockerfile:1
# vitabot image. The builder compiles better-sqlite3 and the TypeScript; the final
# stage has production dependencies, compiled JavaScript and content only.
# Node 20 reached end of life in April 2026, so the image uses Node 22 LTS.

FROM node:22.21.1-bookworm-slim AS builder
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY commands ./commands
RUN npx tsc -p tsconfig.build.json \
 && npm prune --omit=dev

FROM node:22.21.1-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=builder /app/node_modules ./node_modules
COPY --from=builder /app/dist ./dist
COPY package.json ./
COPY bin ./bin
COPY content ./content
COPY assets ./assets
RUN mkdir -p /app/data && chown node:node /app/data
VOLUME ["/app/data"]
USER node
ENTRYPOINT ["node", "bin/vitabot.js"]
CMD ["start"]
