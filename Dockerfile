# One image for every service of the platform; docker-compose.yml picks the command.
# Build stage: every dependency, the Prisma clients, `npm run build` -> dist/ (JavaScript, the
# supergraph, the migrations and the prebuilt web app).
FROM node:20-bookworm-slim AS build
WORKDIR /app
# Dependencies first so source edits reuse the layer. --ignore-scripts: postinstall would
# generate the Prisma clients before their schemas are copied; that runs below instead.
# npm ci needs every workspace's package.json (the packages are listed in package.json).
COPY package.json package-lock.json ./
COPY subgraphs/shared/package.json subgraphs/shared/
COPY subgraphs/users/package.json subgraphs/users/
COPY subgraphs/generations/package.json subgraphs/generations/
COPY subgraphs/social/package.json subgraphs/social/
COPY subgraphs/feed/package.json subgraphs/feed/
COPY gateway/package.json gateway/
COPY worker/package.json worker/
COPY clients/sdk/package.json clients/sdk/
COPY clients/cli/package.json clients/cli/
COPY clients/web/package.json clients/web/
COPY test/helpers/package.json test/helpers/
RUN npm ci --ignore-scripts
COPY . .
RUN npm run prisma:generate && npm run build

# Runtime stage: production dependencies and the compiled platform only; no TypeScript, no tsx
# at run time, nothing written under /app.
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
# The workspace manifests only (npm ci resolves the workspaces from them); the compiled packages
# in dist/ carry their own manifests and dist/node_modules/@cameo links to them.
COPY --from=build /app/subgraphs/shared/package.json subgraphs/shared/
COPY --from=build /app/subgraphs/users/package.json subgraphs/users/
COPY --from=build /app/subgraphs/generations/package.json subgraphs/generations/
COPY --from=build /app/subgraphs/social/package.json subgraphs/social/
COPY --from=build /app/subgraphs/feed/package.json subgraphs/feed/
COPY --from=build /app/gateway/package.json gateway/
COPY --from=build /app/worker/package.json worker/
COPY --from=build /app/clients/sdk/package.json clients/sdk/
COPY --from=build /app/clients/cli/package.json clients/cli/
COPY --from=build /app/clients/web/package.json clients/web/
COPY --from=build /app/test/helpers/package.json test/helpers/
# The Prisma clients are compiled into dist/, so the postinstall generator is not needed here.
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY --from=build /app/dist ./dist
# The one writable path: rendered videos. Created here and owned by the runtime user, so a
# fresh named volume mounted on it (compose's `assets`) starts with that owner too.
# Cameo verification's offline speech check (users): ffmpeg extracts the audio, pocketsphinx
# with its US English model listens for the phrase. Production refuses to start without them
# unless CAMEO_VERIFIER=openai.
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ffmpeg pocketsphinx pocketsphinx-en-us \
  && rm -rf /var/lib/apt/lists/*
RUN mkdir -p /data/assets && chown -R node:node /data
USER node
EXPOSE 4000
# The gateway's /healthz by default; compose gives each service its own URL.
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "dist/scripts/healthcheck.js"]
CMD ["node", "dist/gateway/src/index.js"]
