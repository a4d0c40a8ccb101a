# One image for every service of the platform; docker-compose.yml picks the command.
FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
# Dependencies first so source edits reuse the layer. postinstall generates the Prisma clients
# from the schemas, so those come along.
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY subgraphs ./subgraphs
RUN npm ci --include=dev && npm cache clean --force
COPY . .
USER node
EXPOSE 4000
CMD ["node_modules/.bin/tsx", "gateway/src/index.ts"]
