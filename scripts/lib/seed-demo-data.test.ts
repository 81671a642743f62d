import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DEMO_ACCOUNTS } from "@/lib/demo/demo-accounts";
import { createTestDatabase, type TTestDatabase } from "@/lib/sync/test/test-database";

/** The seed against a fresh database, with the environment a real deployment or the sandbox would have. */
const saved = { ...process.env };
let database: TTestDatabase | undefined;
let dataDir: string | undefined;

async function seedWith(env: Record<string, string | undefined>): Promise<{ result: string; emails: string[] }> {
  database = await createTestDatabase();
  dataDir = mkdtempSync(join(tmpdir(), "patrimonio-seed-"));
  for (const name of ["FLANKS_CLIENT_ID", "FLANKS_CLIENT_SECRET", "FLANKS_LINK_TOKEN", "FLANKS_API_URL", "FLANKS_LINK_URL", "NEXTAUTH_URL"])
    delete process.env[name];
  Object.assign(process.env, { DATABASE_URL: database.url, DATA_DIR: dataDir }, env);
  // loadEnv() caches the environment per module instance: a fresh one per case.
  vi.resetModules();
  const { seedDemoData } = await import("../../prisma/seed");
  const result = await seedDemoData();
  const emails = (await database.db.user.findMany({ select: { email: true }, orderBy: { email: "asc" } })).map((user) => user.email);
  return { result, emails };
}

afterEach(async () => {
  process.env = { ...saved };
  await database?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  database = undefined;
  dataDir = undefined;
});

describe("demo accounts", () => {
  it("are never created when FLANKS_CLIENT_ID is set (a real Flanks contract)", { timeout: 60_000 }, async () => {
    const { result, emails } = await seedWith({
      FLANKS_CLIENT_ID: "real-client",
      FLANKS_CLIENT_SECRET: "real-secret",
      FLANKS_LINK_TOKEN: "real-link",
      NEXTAUTH_URL: "https://wealth.example.com",
    });
    expect(result).toBe("skipped");
    expect(emails).toEqual([]);
  });

  it("exist in sandbox mode (no FLANKS_CLIENT_ID)", { timeout: 60_000 }, async () => {
    const { result, emails } = await seedWith({});
    expect(result).toBe("seeded");
    expect(emails).toEqual(DEMO_ACCOUNTS.map((account) => account.email).sort());
  });
});
