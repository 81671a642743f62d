import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import type { PrismaClient } from "@/lib/db/create-prisma-client";
import { DEMO_ACCOUNTS } from "@/lib/demo/demo-accounts";
import { createTestDatabase, type TTestDatabase } from "@/lib/sync/test/test-database";

/* Sign-in against a real database: demo accounts outside sandbox mode, and limits reserved before the hash. */
const AUDIT_KEY = "test-audit-key-test-audit-key-000";
const current: { db?: PrismaClient; env: { isSandboxMode: boolean; RATE_LIMIT_SIGN_IN_PER_ADDRESS: number; TRUSTED_PROXY_HOPS: number; auditKey: string } } = {
  env: { isSandboxMode: true, RATE_LIMIT_SIGN_IN_PER_ADDRESS: 30, TRUSTED_PROXY_HOPS: 0, auditKey: AUDIT_KEY },
};
vi.mock("@/lib/db", () => ({ getDb: () => current.db }));
vi.mock("@/lib/env", () => ({ getEnv: () => current.env }));
const { signInWithPassword } = await import("./sign-in-with-password");

let database: TTestDatabase;
const DEMO_ADMIN = DEMO_ACCOUNTS[0];
const REAL = { email: "real.advisor@firm.example", password: "a-real-password-2026" };

const failuresAudited = async () => database.db.auditEvent.count({ where: { action: "auth.sign_in_failed" } });

beforeAll(async () => {
  database = await createTestDatabase();
  current.db = database.db;
  await database.db.user.create({
    data: { email: DEMO_ADMIN.email, name: DEMO_ADMIN.name, role: "ADMIN", passwordHash: await hashPassword(DEMO_ADMIN.password) },
  });
  await database.db.user.create({ data: { email: REAL.email, name: "Real", passwordHash: await hashPassword(REAL.password) } });
}, 60_000);

afterAll(async () => {
  await database?.close();
});

beforeEach(async () => {
  current.env = { isSandboxMode: true, RATE_LIMIT_SIGN_IN_PER_ADDRESS: 30, TRUSTED_PROXY_HOPS: 0, auditKey: AUDIT_KEY };
  await database.db.rateLimitBucket.deleteMany();
});

describe("signInWithPassword: demo accounts", () => {
  it("refuses the demo admin's published password outside sandbox mode (a real Flanks)", async () => {
    current.env.isSandboxMode = false;
    expect(await signInWithPassword({ email: DEMO_ADMIN.email, password: DEMO_ADMIN.password }, "10.0.0.1")).toEqual({ ok: false, reason: "invalid" });
    expect(await signInWithPassword({ email: REAL.email, password: REAL.password }, "10.0.0.1")).toMatchObject({ ok: true });
  });

  it("lets the demo admin in in sandbox mode", async () => {
    expect(await signInWithPassword({ email: DEMO_ADMIN.email, password: DEMO_ADMIN.password }, "10.0.0.1")).toMatchObject({ ok: true });
  });
});

describe("signInWithPassword: limits reserved before the hash", () => {
  it("20 wrong passwords at once for one account, each from another address: 5 are checked, 15 throttled", { timeout: 60_000 }, async () => {
    const before = await failuresAudited();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) => signInWithPassword({ email: REAL.email, password: `wrong-password-${index}` }, `203.0.113.${index}`)),
    );
    expect(results.filter((result) => !result.ok && result.reason === "throttled")).toHaveLength(15);
    expect((await failuresAudited()) - before).toBe(5);
    // The right password waits out the backoff too: a guesser cannot tell it was right.
    expect(await signInWithPassword({ email: REAL.email, password: REAL.password }, "198.51.100.7")).toEqual({ ok: false, reason: "throttled" });
    // One audit event for the spell of refusals, not one per refused request.
    expect(await database.db.auditEvent.count({ where: { action: "auth.sign_in_throttled", details: { contains: '"limit":"account"' } } })).toBe(1);
  });

  it("40 wrong passwords at once from one address, each for another account: the address's limit holds", { timeout: 60_000 }, async () => {
    current.env.RATE_LIMIT_SIGN_IN_PER_ADDRESS = 10;
    const before = await failuresAudited();
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, index) => signInWithPassword({ email: `nobody-${index}@example.com`, password: "wrong-password" }, "192.0.2.9")),
    );
    expect(results.filter((result) => !result.ok && result.reason === "throttled")).toHaveLength(30);
    expect((await failuresAudited()) - before).toBe(10);
    // Another address is not affected.
    expect(await signInWithPassword({ email: REAL.email, password: REAL.password }, "192.0.2.10")).toMatchObject({ ok: true });
  });

  it("a successful sign-in gives the address its attempt back and ends the account's count", async () => {
    current.env.RATE_LIMIT_SIGN_IN_PER_ADDRESS = 2;
    for (let round = 0; round < 4; round++)
      expect(await signInWithPassword({ email: REAL.email, password: REAL.password }, "192.0.2.20")).toMatchObject({ ok: true });
    expect(await database.db.rateLimitBucket.findUnique({ where: { key: `sign-in:account:${REAL.email}` } })).toBeNull();
  });
});
