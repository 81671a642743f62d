import "server-only";
import path from "node:path";
import { getDb } from "@/lib/db";
import { committedMigrationVersions, pendingMigrations } from "@/lib/db/migration-status";
import { getEnv } from "@/lib/env";
import { logError } from "@/lib/log/log-error";
import { isShuttingDown } from "@/lib/runtime/shutdown-state";

/** What the load balancer reads (GET /api/health): no secret, no count of anything, no version. */
export type THealth = {
  status: "ok" | "unavailable";
  checks: { database: "ok" | "unreachable"; migrations: "ok" | "pending" | "unknown"; process: "serving" | "stopping" };
};

/** Longer than a healthy database ever takes, shorter than a load balancer's usual check timeout (5 s). */
const DATABASE_TIMEOUT_MS = 3_000;

let committed: string[] | null | undefined;

/** Where this build's migrations are: prisma migrate's folders (SQLite), or the SQL files dbmate applies on PostgreSQL (issue 18.2). */
function migrationsDirFor(databaseUrl: string): string {
  return path.join(process.cwd(), "prisma", /^postgres(ql)?:/.test(databaseUrl) ? "migrations-postgres" : "migrations");
}

/**
 * Ready for traffic: the database answers, every migration this build ships is applied, and the
 * process is not shutting down (it answers 503 from the SIGTERM on, so the balancer stops sending
 * work while running requests finish: decision 049).
 */
export async function checkHealth(): Promise<THealth> {
  committed ??= committedMigrationVersions(migrationsDirFor(getEnv().databaseUrl));
  const expected = committed;
  const checks: THealth["checks"] = { database: "ok", migrations: "ok", process: isShuttingDown() ? "stopping" : "serving" };
  try {
    const db = getDb();
    const pending = await withTimeout(
      (async () => {
        await db.$queryRawUnsafe("SELECT 1");
        return expected ? pendingMigrations(db, expected) : null;
      })(),
      DATABASE_TIMEOUT_MS,
    );
    checks.migrations = pending === null ? "unknown" : pending.length ? "pending" : "ok";
  } catch (error) {
    logError("health check: database", error);
    checks.database = "unreachable";
    checks.migrations = "unknown";
  }
  const isHealthy = checks.database === "ok" && checks.migrations !== "pending" && checks.process === "serving";
  return { status: isHealthy ? "ok" : "unavailable", checks };
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
