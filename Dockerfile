# One image for both processes of a deployment: `npm run api` (default) and `npm run worker`.
# tsx is a runtime dependency, so the TypeScript sources run as they are; no build step.
FROM node:20-bookworm-slim

ENV NODE_ENV=production
WORKDIR /app

COPY package*.json ./
RUN npm ci --omit=dev && npm cache clean --force

COPY . .
# DATA_DIR (./data) is only written when DATABASE_URL is unset (embedded SQLite).
RUN mkdir -p /app/data && chown node:node /app/data
USER node

EXPOSE 3000
CMD ["npm", "run", "api"]
