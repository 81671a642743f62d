import { resolveDbmate } from "./dbmate-path";
import { run } from "./run";

export const POSTGRES_MIGRATIONS_DIR = "prisma/migrations-postgres";

/**
 * Applies the committed PostgreSQL migrations with dbmate (docs/decisions/047): `prisma migrate
 * deploy` fails on PostgreSQL with Prisma's JavaScript schema engine. dbmate records what it
 * applied in `schema_migrations`, runs each file in a transaction, and waits (--wait) for a
 * database that is still starting. The URL goes by the environment, never on a command line.
 */
export async function applyPostgresMigrations(databaseUrl: string, options: { quiet?: boolean } = {}): Promise<void> {
  await run(resolveDbmate(), ["--migrations-dir", POSTGRES_MIGRATIONS_DIR, "--no-dump-schema", "--wait", "up"], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", options.quiet ? "ignore" : "inherit", "inherit"],
  });
}
