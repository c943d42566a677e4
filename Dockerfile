# One image for both processes of a deployment: the API (default command) and the worker
# (`node dist/workers/main.js`). The build stage compiles the server to dist/, prebundles the
# workflow code (dist/workflow-bundle.js) and builds the console (console/dist); the runtime stage
# has production dependencies only and runs the compiled JavaScript with node.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package*.json ./
RUN npm ci
COPY . .
RUN npm run build

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package*.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY --from=build /app/console/dist ./console/dist
# DATA_DIR (./data) is only written when DATABASE_URL is unset (embedded SQLite).
RUN mkdir -p /app/data && chown node:node /app/data
USER node

EXPOSE 3000
CMD ["node", "dist/api/main.js"]
