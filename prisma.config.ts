import { existsSync } from "node:fs";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

// Having this file turns off Prisma's own .env loading.
if (existsSync(".env")) process.loadEnvFile(".env");
process.env.DATABASE_URL ??= `file:./${process.env.DATA_DIR ?? "data"}/app.db`;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  async adapter() {
    return new PrismaBetterSQLite3({ url: process.env.DATABASE_URL! });
  },
});
