# The server image: the task pane and the server compiled in a build stage, then only production
# dependencies, the compiled JavaScript and the built pane, run as the unprivileged `node` user with
# plain node (no TypeScript loader). The same image runs the Graph worker and the import CLI:
#   docker run … IMAGE                              the server (dist/server/main.js)
#   docker run … IMAGE node dist/server/worker.js   the Graph outbox worker and delta poll
#   docker run … IMAGE node dist/server/import.js /data/customers.csv …
# Not built on the development machines of this repository (they cannot build images); every step
# it runs (`npm ci`, `npm run build`, `npm ci --omit=dev`, `node dist/server/main.js`) is.

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# The manifest in dist/addin points at the origin users reach (the reverse proxy's).
ARG ADDIN_ORIGIN=https://localhost:3000
RUN ADDIN_ORIGIN="$ADDIN_ORIGIN" npm run build

FROM ${NODE_IMAGE} AS production-dependencies
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

FROM ${NODE_IMAGE}
# Letter PDFs embed DejaVu Sans for names outside Latin-1 (server/letters/pdf.ts reads it from here).
RUN apt-get update && apt-get install -y --no-install-recommends fonts-dejavu-core \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
WORKDIR /app
COPY --from=production-dependencies /app/node_modules ./node_modules
COPY --from=build /app/package.json ./
COPY --from=build /app/dist ./dist
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "--enable-source-maps", "dist/server/main.js"]
