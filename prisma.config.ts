import { existsSync } from "node:fs";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";

// Having this file turns off Prisma's own .env loading.
if (existsSync(".env")) process.loadEnvFile(".env");
process.env.DATABASE_URL ??= `file:./${process.env.DATA_DIR ?? "data"}/app.db`;

// PostgreSQL has its own schema copy (prisma/postgres/schema.prisma, generated) and its migrations are
// applied by dbmate, not by `prisma migrate deploy` (docs/decisions/047-postgres-migrations-and-schemas.md).
// Generating the PostgreSQL client needs a postgres DATABASE_URL (any: nothing connects), else the CLI tries
// to download a query engine for the mismatch: see package.json's postinstall.
const POSTGRES_SCHEMA = "prisma/postgres/schema.prisma";
const isPostgres = /^postgres(ql)?:/.test(process.env.DATABASE_URL);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: isPostgres ? POSTGRES_SCHEMA : "prisma/schema.prisma",
  migrations: { path: isPostgres ? "prisma/migrations-postgres" : "prisma/migrations", seed: "tsx prisma/seed.ts" },
  async adapter() {
    const url = process.env.DATABASE_URL!;
    return isPostgres ? new PrismaPg({ connectionString: url }) : new PrismaBetterSQLite3({ url });
  },
});
