# syntax=docker/dockerfile:1
#
# Sparrow application image: one image, two roles, chosen by the command.
#   server (default):  npx tsx server/main.ts   (express API + built designer on $PORT)
#   worker:            npx tsx worker/main.ts   (Temporal worker on $TEMPORAL_TASK_QUEUE)
# See docker-compose.yml for the production-like stack that runs it. Not built on the development
# machine (no Docker engine there); the compose file is checked by tests/deploy/docker-compose.test.ts.

ARG NODE_IMAGE=node:20-bookworm-slim

# --- 1. dependencies: exactly the lockfile, dev dependencies included (vite builds the designer) ---
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
# No phoning home: package.json "allowScripts" blocks the install scripts of @carbon/* (IBM telemetry) and
# @scarf/scarf (Scarf analytics); these switches turn the reporters off should one run anyway.
ENV NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false \
    IBM_TELEMETRY_DISABLED=true SCARF_ANALYTICS=false
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci

# --- 2. build: the designer bundle, then drop dev dependencies ---
FROM deps AS build
COPY . .
RUN npx vite build --config designer/vite.config.mts \
 && npm prune --omit=dev \
 && npm cache clean --force

# --- 3. runtime: slim, non-root, TypeScript run by tsx (a production dependency) ---
FROM ${NODE_IMAGE} AS runtime
# HOST=0.0.0.0 so the server is reachable from outside the container. TEMPORAL_ADDRESS,
# MONGODB_URI etc. come from the deployment (docker-compose.yml sets them).
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    LOG_LEVEL=info \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false
WORKDIR /app
# Application files stay owned by root and read-only to the process; the `node` user (uid 1000,
# shipped by the base image) only writes to its home and /tmp (tsx's transform cache).
COPY --from=build /app /app
USER node
EXPOSE 3000
CMD ["npx", "tsx", "server/main.ts"]
