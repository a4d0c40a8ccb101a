# One image for every service of the platform; docker-compose.yml picks the command.
# Build stage: every dependency, the Prisma clients, `npm run build` -> dist/ (JavaScript, the
# supergraph, the migrations and the prebuilt web app).
FROM node:20-bookworm-slim AS build
WORKDIR /app
# Dependencies first so source edits reuse the layer. --ignore-scripts: postinstall would
# generate the Prisma clients before their schemas are copied; that runs below instead.
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY . .
RUN npm run prisma:generate && npm run build

# Runtime stage: production dependencies and the compiled platform only; no TypeScript, no tsx
# at run time, nothing written under /app.
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
# The Prisma clients are compiled into dist/, so the postinstall generator is not needed here.
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY --from=build /app/dist ./dist
# The one writable path: rendered videos. Created here and owned by the runtime user, so a
# fresh named volume mounted on it (compose's `assets`) starts with that owner too.
RUN mkdir -p /data/assets && chown -R node:node /data
USER node
EXPOSE 4000
# The gateway's /healthz by default; compose gives each service its own URL.
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "dist/scripts/healthcheck.js"]
CMD ["node", "dist/gateway/src/index.js"]
