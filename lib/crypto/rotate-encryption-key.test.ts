import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-prisma-client";
import { reencryptTokens, rotateEncryptionKey } from "./rotate-encryption-key";
import { encryptSecret } from "./secret-box";
import { credentialsTokenHashWithKey, isBoundToRow, linkCodeHashWithKey, openTokenWithKey, sealTokenWithKey, type TSealedPurpose } from "./token-sealing";

/* Against a real SQLite database built by `prisma migrate deploy`, as the command runs in production. */

const newKey = () => randomBytes(32).toString("base64");
let dir: string;
let db: PrismaClient;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "patrimonio-keys-"));
  const url = `file:${join(dir, "app.db")}`;
  execFileSync("node_modules/.bin/prisma", ["migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url }, stdio: "ignore" });
  db = createPrismaClient(url);
}, 60_000);

afterAll(async () => {
  await db?.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

type TSeeded = {
  connections: { id: string; token: string; sca: string | null; reset: string | null }[];
  pendingCode: { id: string; code: string };
  doneCodeHash: string;
};

/** As values were sealed before they named their row (format v1: the kind of token only as additional data). */
function sealLegacy(value: string, purpose: TSealedPurpose, key: string): string {
  return encryptSecret(value, key, `patrimonio.${purpose}`, "v1");
}

/** Three connections (one with SCA and reset tokens, one verifying without a token) and two link-code exchanges; `legacy`: sealed as v1. */
async function seed(key: string, { legacy = false } = {}): Promise<TSeeded> {
  const seal = (value: string, purpose: TSealedPurpose, rowId: string) =>
    legacy ? sealLegacy(value, purpose, key) : sealTokenWithKey(value, purpose, key, { rowId });
  await db.linkCodeExchange.deleteMany();
  await db.connection.deleteMany();
  await db.client.deleteMany();
  await db.user.deleteMany();
  const user = await db.user.create({ data: { email: "a@example.com", name: "A", passwordHash: "x" } });
  const client = await db.client.create({ data: { displayName: "C", contactEmail: "c@example.com", advisorId: user.id } });
  const connections: TSeeded["connections"] = [];
  for (const [i, extra] of [
    [0, { sca: "sca_one", reset: "rst_one" }],
    [1, { sca: null, reset: null }],
  ] as const) {
    const token = `tok-${i}-${randomBytes(8).toString("hex")}`;
    const { id } = await db.connection.create({ data: { clientId: client.id, bank: "testbank", linkToken: "link", state: "READY" } });
    const row = await db.connection.update({
      where: { id },
      data: {
        credentialsTokenEnc: seal(token, "credentials_token", id),
        credentialsTokenHash: credentialsTokenHashWithKey(token, key),
        scaTokenEnc: extra.sca && seal(extra.sca, "sca_token", id),
        resetTokenEnc: extra.reset && seal(extra.reset, "reset_token", id),
      },
    });
    connections.push({ id: row.id, token, sca: extra.sca, reset: extra.reset });
  }
  await db.connection.create({ data: { clientId: client.id, bank: "testbank", linkToken: "link", state: "VERIFYING" } });
  const code = `code-${randomBytes(6).toString("hex")}`;
  const claimed = await db.linkCodeExchange.create({ data: { codeHash: linkCodeHashWithKey(code, key), status: "DELAYED", source: "callback" } });
  const pending = await db.linkCodeExchange.update({ where: { id: claimed.id }, data: { codeEnc: seal(code, "link_code", claimed.id) } });
  const doneCodeHash = linkCodeHashWithKey("an-exchanged-code", key);
  await db.linkCodeExchange.create({ data: { codeHash: doneCodeHash, status: "EXCHANGED", source: "callback" } });
  return { connections, pendingCode: { id: pending.id, code }, doneCodeHash };
}

/** Every sealed value opens with `key`, bound to its row, and every recomputable hash is `key`'s. */
async function expectAllUnder(key: string, seeded: TSeeded): Promise<void> {
  for (const expected of seeded.connections) {
    const row = await db.connection.findUniqueOrThrow({ where: { id: expected.id } });
    const rowId = { rowId: row.id };
    expect(openTokenWithKey(row.credentialsTokenEnc!, "credentials_token", key, rowId)).toBe(expected.token);
    expect(row.credentialsTokenHash).toBe(credentialsTokenHashWithKey(expected.token, key));
    expect(row.scaTokenEnc && openTokenWithKey(row.scaTokenEnc, "sca_token", key, rowId)).toBe(expected.sca);
    expect(row.resetTokenEnc && openTokenWithKey(row.resetTokenEnc, "reset_token", key, rowId)).toBe(expected.reset);
    for (const sealed of [row.credentialsTokenEnc, row.scaTokenEnc, row.resetTokenEnc]) if (sealed) expect(isBoundToRow(sealed)).toBe(true);
  }
  const pending = await db.linkCodeExchange.findUniqueOrThrow({ where: { id: seeded.pendingCode.id } });
  expect(openTokenWithKey(pending.codeEnc!, "link_code", key, { rowId: pending.id })).toBe(seeded.pendingCode.code);
  expect(isBoundToRow(pending.codeEnc!)).toBe(true);
  expect(pending.codeHash).toBe(linkCodeHashWithKey(seeded.pendingCode.code, key));
}

describe("reencryptTokens", () => {
  let oldKey: string;
  beforeEach(() => {
    oldKey = newKey();
  });

  it("re-seals every token and recomputes the lookup hashes under the new key; a second run changes nothing", async () => {
    const seeded = await seed(oldKey);
    const key = newKey();
    const first = await reencryptTokens(db, { oldKey, newKey: key });
    expect(first.connections).toEqual({ total: 3, resealed: 2, alreadyNew: 1 });
    expect(first.linkCodes).toEqual({ total: 2, resealed: 1, alreadyNew: 0, hashNotRecomputable: 1 });
    expect(first.unreadable).toEqual([]);
    await expectAllUnder(key, seeded);
    const firstRow = await db.connection.findUniqueOrThrow({ where: { id: seeded.connections[0]!.id } });
    expect(() => openTokenWithKey(firstRow.credentialsTokenEnc!, "credentials_token", oldKey, { rowId: firstRow.id })).toThrow();
    // The code of a finished exchange is not kept: its hash cannot be recomputed and stays as it was.
    expect(await db.linkCodeExchange.count({ where: { codeHash: seeded.doneCodeHash } })).toBe(1);

    const before = await db.connection.findMany({ orderBy: { id: "asc" } });
    const second = await reencryptTokens(db, { oldKey, newKey: key });
    expect(second.connections).toEqual({ total: 3, resealed: 0, alreadyNew: 3 });
    expect(second.linkCodes.resealed).toBe(0);
    expect(await db.connection.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });

  it("moves values sealed before the row binding (v1) to the current format, bound to their rows", async () => {
    const seeded = await seed(oldKey, { legacy: true });
    const [first, second] = seeded.connections;
    // Before: a v1 value opens in any row.
    const legacyRow = await db.connection.findUniqueOrThrow({ where: { id: first!.id } });
    expect(openTokenWithKey(legacyRow.credentialsTokenEnc!, "credentials_token", oldKey, { rowId: second!.id })).toBe(first!.token);
    const key = newKey();
    const report = await reencryptTokens(db, { oldKey, newKey: key });
    expect(report.connections).toEqual({ total: 3, resealed: 2, alreadyNew: 1 });
    expect(report.linkCodes.resealed).toBe(1);
    await expectAllUnder(key, seeded);
    // After: the first connection's token, copied into the second connection's row, does not open there.
    const moved = (await db.connection.findUniqueOrThrow({ where: { id: first!.id } })).credentialsTokenEnc!;
    await db.connection.update({ where: { id: second!.id }, data: { credentialsTokenEnc: moved } });
    expect(() => openTokenWithKey(moved, "credentials_token", key, { rowId: second!.id })).toThrow();
    expect((await reencryptTokens(db, { oldKey, newKey: key })).unreadable).toEqual([`Connection ${second!.id}`]);
  });

  it("a crash halfway leaves every row readable with the old or the new key, and a rerun finishes", async () => {
    const seeded = await seed(oldKey);
    const key = newKey();
    let written = 0;
    await expect(
      reencryptTokens(db, { oldKey, newKey: key }, () => {
        if (++written === 1) throw new Error("simulated crash");
      }),
    ).rejects.toThrow("simulated crash");
    let underNew = 0;
    for (const expected of seeded.connections) {
      const row = await db.connection.findUniqueOrThrow({ where: { id: expected.id } });
      const readable = [key, oldKey].find((k) => {
        try {
          return openTokenWithKey(row.credentialsTokenEnc!, "credentials_token", k, { rowId: row.id }) === expected.token;
        } catch {
          return false;
        }
      });
      expect(readable).toBeDefined();
      // The row and its hash moved together.
      expect(row.credentialsTokenHash).toBe(credentialsTokenHashWithKey(expected.token, readable!));
      if (readable === key) underNew += 1;
    }
    expect(underNew).toBe(1);
    const resumed = await reencryptTokens(db, { oldKey, newKey: key });
    expect(resumed.connections.resealed).toBe(1);
    await expectAllUnder(key, seeded);
  });

  it("reports values neither key opens and leaves them alone", async () => {
    const seeded = await seed(oldKey);
    const foreign = sealTokenWithKey("lost", "credentials_token", newKey(), { rowId: seeded.connections[1]!.id });
    await db.connection.update({ where: { id: seeded.connections[1]!.id }, data: { credentialsTokenEnc: foreign } });
    const report = await reencryptTokens(db, { oldKey, newKey: newKey() });
    expect(report.unreadable).toEqual([`Connection ${seeded.connections[1]!.id}`]);
    expect((await db.connection.findUniqueOrThrow({ where: { id: seeded.connections[1]!.id } })).credentialsTokenEnc).toBe(foreign);
  });
});

describe("rotateEncryptionKey (the command)", () => {
  const secretsFile = () => join(dir, "secrets.json");
  const readSecrets = () => JSON.parse(readFileSync(secretsFile(), "utf8")) as Record<string, string>;

  it("with a generated key: re-encrypts, then replaces ENCRYPTION_KEY in secrets.json (mode 600), keeping the other secrets", async () => {
    const oldKey = newKey();
    writeFileSync(secretsFile(), JSON.stringify({ NEXTAUTH_SECRET: "n".repeat(43), ENCRYPTION_KEY: oldKey, SANDBOX_CLIENT_SECRET: "s" }), { mode: 0o600 });
    const seeded = await seed(oldKey);
    const lines: string[] = [];
    const outcome = await rotateEncryptionKey({ db, dataDir: dir, configuredKey: undefined, newKey: undefined, log: (line) => lines.push(line) });
    expect(outcome.keySource).toBe("generated");
    const secrets = readSecrets();
    expect(secrets.ENCRYPTION_KEY).not.toBe(oldKey);
    expect(secrets.ENCRYPTION_KEY_NEXT).toBeUndefined();
    expect(secrets).toMatchObject({ NEXTAUTH_SECRET: "n".repeat(43), SANDBOX_CLIENT_SECRET: "s" });
    expect(JSON.stringify(secrets)).not.toContain(oldKey);
    expect(statSync(secretsFile()).mode & 0o777).toBe(0o600);
    await expectAllUnder(secrets.ENCRYPTION_KEY!, seeded);
    expect(lines.join("\n")).toMatch(/ENCRYPTION_KEY replaced/);

    // Twice is harmless: another fresh key, everything still readable.
    await rotateEncryptionKey({ db, dataDir: dir, configuredKey: undefined, newKey: undefined, log: () => {} });
    await expectAllUnder(readSecrets().ENCRYPTION_KEY!, seeded);
  });

  it("resumes a rotation that stopped before secrets.json was switched, with the same new key", async () => {
    const oldKey = newKey();
    const pendingKey = newKey();
    const seeded = await seed(oldKey);
    // As a run that crashed after re-encrypting one row leaves it.
    await reencryptTokens(db, { oldKey, newKey: pendingKey }, () => {
      throw new Error("crash");
    }).catch(() => {});
    writeFileSync(
      secretsFile(),
      JSON.stringify({ NEXTAUTH_SECRET: "n".repeat(43), ENCRYPTION_KEY: oldKey, ENCRYPTION_KEY_NEXT: pendingKey, SANDBOX_CLIENT_SECRET: "s" }),
      { mode: 0o600 },
    );
    const lines: string[] = [];
    await rotateEncryptionKey({ db, dataDir: dir, configuredKey: undefined, newKey: undefined, log: (line) => lines.push(line) });
    expect(lines[0]).toMatch(/Resuming/);
    expect(readSecrets().ENCRYPTION_KEY).toBe(pendingKey);
    await expectAllUnder(pendingKey, seeded);
  });

  it("with ENCRYPTION_KEY configured: requires NEW_ENCRYPTION_KEY and tells the operator to set it", async () => {
    const oldKey = newKey();
    const seeded = await seed(oldKey);
    await expect(rotateEncryptionKey({ db, dataDir: dir, configuredKey: oldKey, newKey: undefined, log: () => {} })).rejects.toThrow(/NEW_ENCRYPTION_KEY/);
    await expect(rotateEncryptionKey({ db, dataDir: dir, configuredKey: oldKey, newKey: "short", log: () => {} })).rejects.toThrow(/32 bytes/);
    const key = newKey();
    const lines: string[] = [];
    const outcome = await rotateEncryptionKey({ db, dataDir: dir, configuredKey: oldKey, newKey: key, log: (line) => lines.push(line) });
    expect(outcome.keySource).toBe("configured");
    expect(lines.join("\n")).toMatch(/Set ENCRYPTION_KEY/);
    await expectAllUnder(key, seeded);
  });
});
