import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/create-prisma-client";
import { DEMO_ACCOUNTS } from "@/lib/demo/demo-accounts";
import { BIN } from "./lib/run";

/**
 * `npm start` against a real Flanks with the demo users of an earlier sandbox start still in the
 * database: it stops before building or serving anything, and `npm run demo:remove` clears the way.
 */
let dataDir = "";
const production = () => ({
  ...process.env,
  DATA_DIR: dataDir,
  DATABASE_URL: "",
  FLANKS_CLIENT_ID: "real-client",
  FLANKS_CLIENT_SECRET: "real-secret",
  FLANKS_LINK_TOKEN: "real-link",
  NEXTAUTH_URL: "https://wealth.example.com",
  PORT: "3014",
});
const runScript = (script: string) => spawnSync("node", ["--import", "tsx", script], { env: production(), encoding: "utf8", timeout: 60_000 });

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "patrimonio-start-"));
  const url = `file:${join(dataDir, "app.db")}`;
  const migrated = spawnSync(BIN.prisma, ["migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" });
  expect(migrated.status, migrated.stderr).toBe(0);
  // What a first `npm start` in sandbox mode left behind.
  const db = createPrismaClient(url);
  for (const account of DEMO_ACCOUNTS) await db.user.create({ data: { email: account.email, name: account.name, role: account.role, passwordHash: "x" } });
  await db.$disconnect();
}, 60_000);

afterAll(() => {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe("npm start in production mode", () => {
  it("refuses to run while demo users exist, and says how to remove them", { timeout: 60_000 }, () => {
    const start = runScript("scripts/start.ts");
    expect(start.status).toBe(1);
    expect(start.stderr).toContain("Refusing to start");
    expect(start.stderr).toContain("admin@patrimonio.demo");
    expect(start.stderr).toContain("npm run demo:remove");
  });

  it("npm run demo:remove removes them", { timeout: 60_000 }, () => {
    const removed = runScript("scripts/remove-demo-users.ts");
    expect(removed.status, removed.stderr).toBe(0);
    expect(removed.stdout).toContain("Removed 3 demo users");
  });
});
