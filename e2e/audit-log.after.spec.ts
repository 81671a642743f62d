import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { queryE2eDb } from "./db";

/*
 * Runs after the main project (the "after" project depends on it): the main specs' server then holds
 * each kind of event the issues ask for in its audit log, and its hash chain verifies with the
 * command an operator would run.
 */
const REQUIRED_EVENTS = {
  "sign-in success": "auth.sign_in",
  "sign-in failure": "auth.sign_in_failed",
  "sign-in throttled": "auth.sign_in_throttled",
  "sign-out": "auth.sign_out",
  "user create": "user.create",
  "user disable": "user.disable",
  "user password reset": "user.password_reset",
  "client create": "client.create",
  "client update": "client.update",
  "client archive": "client.archive",
  "client reassign": "client.reassign",
  "client delete (erasure)": "client.delete",
  "invitation create": "invitation.create",
  "invitation revoke": "invitation.revoke",
  "invitation consent": "invitation.consent",
  "link code exchange": "connection.exchange",
  "re-authentication": "connection.reauthenticated",
  "status change": "connection.status_change",
  "force SCA": "connection.force_sca",
  "connection delete (admin)": "connection.delete",
  "connection disconnect (advisor)": "connection.disconnect",
  reconcile: "connection.reconcile",
  "household create": "household.create",
  "household update": "household.update",
  "household delete": "household.delete",
  "investment profile saved": "client.profile_update",
  "SCA forced at the end user's consent (re-authentication ahead)": "connection.force_sca_ahead",
  "client report made": "report.generate",
} as const;

test("every event named in the issues is in the audit log after the end-to-end run", () => {
  const present = new Set(queryE2eDb<{ action: string }>("select distinct action from AuditEvent").map((row) => row.action));
  const missing = Object.entries(REQUIRED_EVENTS)
    .filter(([, action]) => !present.has(action))
    .map(([what, action]) => `${what} (${action})`);
  expect(missing).toEqual([]);
  // Who did it is recorded for the events people cause.
  const anonymous = queryE2eDb<{ action: string }>(
    "select distinct action from AuditEvent where actorId is null and action in ('user.create', 'user.disable', 'client.create', 'client.delete', 'connection.delete', 'connection.force_sca', 'client.profile_update', 'report.generate')",
  );
  expect(anonymous).toEqual([]);
});

test("the audit chain of the end-to-end database verifies (npm run audit:verify)", async () => {
  const [count] = queryE2eDb<{ n: number }>("select count(*) as n from AuditEvent");
  const dataDir = process.env.E2E_DATA_DIR ?? "data/e2e";
  // DATA_DIR: the key (the test server's generated AUDIT_KEY in its secrets.json) and the anchor its scheduler wrote.
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ["--import", "tsx", "scripts/verify-audit-chain.ts", "--database-url", `file:${path.resolve(dataDir, "app.db")}`],
    { env: { ...process.env, DATA_DIR: dataDir } },
  );
  expect(stdout).toMatch(/^Audit chain OK: \d+ events, last hash [0-9a-f]{64}\. The anchor written at \S+ \(event #\d+\) matches\.$/m);
  expect(Number(stdout.match(/OK: (\d+) events/)![1])).toBeGreaterThanOrEqual(count!.n);
});
