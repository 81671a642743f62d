import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, expect, it } from "vitest";

const dir = mkdtempSync(path.join(tmpdir(), "create-admin-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("creates the admin and nothing else, even run without the server's FLANKS_CLIENT_ID (no demo users seeded)", () => {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dir, ADMIN_PASSWORD: "a-long-admin-password" };
  for (const name of ["DATABASE_URL", "FLANKS_CLIENT_ID", "FLANKS_CLIENT_SECRET", "FLANKS_LINK_TOKEN", "FLANKS_API_URL", "FLANKS_LINK_URL", "NEXTAUTH_URL"])
    delete env[name];
  execFileSync("node_modules/.bin/tsx", ["scripts/create-admin.ts", "--email", "Ops@Firm.test", "--name", "Ops"], { env, stdio: "pipe" });
  const db = new Database(path.join(dir, "app.db"), { readonly: true });
  try {
    expect(db.prepare("SELECT email, role FROM User").all()).toEqual([{ email: "ops@firm.test", role: "ADMIN" }]);
  } finally {
    db.close();
  }
}, 60_000);
