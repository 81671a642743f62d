import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/lib/db/create-prisma-client";
import { createTestDatabase, type TTestDatabase } from "@/lib/sync/test/test-database";

/*
 * The exchange and the reconciliation against a real database, with Flanks replaced by a small
 * in-memory stand-in (codes, statuses) and the sync by a spy: what is under test is which codes may
 * bind credentials to which client (issue 16.4), what a refusal leaves behind (16.5), and that the
 * first load starts as soon as Flanks says the data is ready (15.2).
 */
const mocks = vi.hoisted(() => ({
  db: undefined as unknown as PrismaClient,
  flanks: undefined as unknown as ReturnType<typeof fakeFlanks>,
  sync: vi.fn(async (_connectionId: string, _options: { reason: string }) => ({ status: "SUCCEEDED" })),
  key: "",
}));
vi.mock("@/lib/db", () => ({ getDb: () => mocks.db }));
vi.mock("@/lib/env", () => ({
  getEnv: () => ({
    encryptionKey: mocks.key,
    flanksLinkToken: "link-token",
    flanksLinkUrl: "/sandbox/link",
    FIRM_NAME: "Firm",
    auditKey: "test-audit-key-test-audit-key-000",
  }),
}));
vi.mock("@/lib/flanks/get-flanks-client", () => ({ getFlanksClient: () => mocks.flanks }));
vi.mock("@/lib/sync/sync-connection", () => ({ syncConnection: mocks.sync }));

const { exchangeLinkCode, retryPendingExchanges, syncAfterExchange } = await import("./exchange-link-code");
const { reconcileLinkCodes } = await import("@/lib/services/connections/reconcile-link-codes");
const { refreshConnectionStatus } = await import("./refresh-connection-status");
const { linkCodeHash, sealToken } = await import("@/lib/crypto/credentials-token-vault");
const { openInvitation } = await import("@/lib/services/invitations/open-invitation");
const { newInvitationToken } = await import("@/lib/invitations/invitation-rules");
const { systemActor } = await import("@/lib/auth/authorization");
const { listPendingLinkCodes } = await import("@/lib/services/connections/reconcile-link-codes");

type TFakeCode = { credentials_token: string; extra: Record<string, string> | null };

function status(overrides: Record<string, unknown> = {}) {
  const flags = { auth: true, account: true, card: true, portfolio: true, investment: true, liability: true, holders: true, mifid: true };
  const transactions = { account: true, card: true, investment: true, investmentincome: true, liability: true };
  const none = { auth: false, account: false, card: false, portfolio: false, investment: false, liability: false, holders: false, mifid: false };
  const noTransactions = { account: false, card: false, investment: false, investmentincome: false, liability: false };
  return {
    pending: false,
    blocked: false,
    sca_token: null,
    reset_token: null,
    name: "testbank",
    last_update: "2026-12-05",
    time: "08:00",
    created: { product: flags, transaction: transactions },
    errored: { product: none, transaction: noTransactions },
    ...overrides,
  };
}

/** The part of the Flanks client the exchange and reconciliation use. */
function fakeFlanks() {
  const codes = new Map<string, TFakeCode>();
  const statuses = new Map<string, ReturnType<typeof status>>();
  return {
    codes,
    statuses,
    exchanged: [] as string[],
    async exchangeLinkCode(code: string) {
      const found = codes.get(code);
      if (!found) throw Object.assign(new Error("unknown code"), { name: "FlanksError", kind: "not_found" });
      codes.delete(code);
      this.exchanged.push(code);
      return {
        kind: "exchanged" as const,
        message: "Successfully retrieved",
        credentials_token: found.credentials_token,
        extra: found.extra,
        link_token: "link-token",
      };
    },
    async getStatus(token: string) {
      return statuses.get(token) ?? status({ pending: true, last_update: null, time: null });
    },
    async listLinkCodes() {
      return [...codes.entries()].map(([code, value]) => ({ code, extra: value.extra ?? {}, link_token: "link-token" }));
    },
    async getAvailableBanks() {
      return [{ id: "testbank", name: "Test Bank" }];
    },
  };
}

let database: TTestDatabase;
let seq = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  mocks.db = database.db;
  mocks.key = randomBytes(32).toString("base64");
}, 60_000);

afterAll(async () => {
  await database?.close();
});

beforeEach(() => {
  mocks.flanks = fakeFlanks();
  mocks.sync.mockClear();
});

type TSetup = {
  purpose?: string;
  expiresInMs?: number;
  consentAgoMs?: number | null;
  usedAt?: Date | null;
  revoked?: boolean;
  archived?: boolean;
  advisorDisabled?: boolean;
  connectionId?: string;
};

async function invitationFor(setup: TSetup = {}, clientId?: string) {
  seq += 1;
  const db = mocks.db;
  const owner = clientId
    ? await db.client.findUniqueOrThrow({ where: { id: clientId } })
    : await db.client.create({
        data: {
          displayName: `Client ${seq}`,
          contactEmail: `c${seq}@test`,
          archived: setup.archived ?? false,
          advisor: { create: { email: `a${seq}@test`, name: `Advisor ${seq}`, passwordHash: "x", disabled: setup.advisorDisabled ?? false } },
        },
      });
  const { token, tokenHash } = newInvitationToken();
  const now = Date.now();
  const invitation = await db.invitation.create({
    data: {
      clientId: owner.id,
      connectionId: setup.connectionId ?? null,
      purpose: setup.purpose ?? "CONNECT",
      tokenHash,
      reference: `ref-${seq}-${randomBytes(4).toString("hex")}`,
      expiresAt: new Date(now + (setup.expiresInMs ?? 60 * 60_000)),
      consentAt: setup.consentAgoMs === undefined || setup.consentAgoMs === null ? null : new Date(now - setup.consentAgoMs),
      usedAt: setup.usedAt ?? null,
      revokedAt: setup.revoked ? new Date() : null,
      createdById: owner.advisorId,
    },
  });
  return { invitation, clientId: owner.id, token };
}

/** A code waiting at Flanks, whose Link carried `extra` (by default the invitation's ref). */
function codeAtFlanks(extra: Record<string, string> | null, credentialsToken = `cred-${++seq}`, finished = true): string {
  const code = `code-${++seq}`;
  mocks.flanks.codes.set(code, { credentials_token: credentialsToken, extra });
  if (finished) mocks.flanks.statuses.set(credentialsToken, status());
  return code;
}

const auditCount = () => mocks.db.auditEvent.count();
const refusedCount = async () => (await mocks.db.refusedLinkAttempt.aggregate({ _sum: { count: true } }))._sum.count ?? 0;

describe("sync as soon as data is ready (issue 15.2)", () => {
  it("an exchange whose status is already finished starts the first load", async () => {
    const { invitation } = await invitationFor();
    const outcome = await exchangeLinkCode({ code: codeAtFlanks({ ref: invitation.reference }), reference: invitation.reference, source: "callback" });
    expect(outcome).toMatchObject({ kind: "connected", hasNewData: true, isReauthentication: false });
    await syncAfterExchange(outcome);
    expect(mocks.sync).toHaveBeenCalledTimes(1);
    expect(mocks.sync.mock.calls[0]?.[1]).toEqual({ reason: "first-extraction" });
  });

  it("an exchange while the extraction still runs leaves the load to the polling", async () => {
    const { invitation } = await invitationFor();
    const outcome = await exchangeLinkCode({
      code: codeAtFlanks({ ref: invitation.reference }, undefined, false),
      reference: invitation.reference,
      source: "callback",
    });
    expect(outcome).toMatchObject({ kind: "connected", hasNewData: false });
    await syncAfterExchange(outcome);
    expect(mocks.sync).not.toHaveBeenCalled();
  });

  it("a re-authentication that brings new data syncs it", async () => {
    const { invitation: connect, clientId } = await invitationFor();
    const token = `cred-reauth-${++seq}`;
    const first = await exchangeLinkCode({ code: codeAtFlanks({ ref: connect.reference }, token), reference: connect.reference, source: "callback" });
    if (first.kind !== "connected") throw new Error(first.kind);
    await mocks.db.wealthSyncState.create({ data: { connectionId: first.connectionId, clientId, lastSyncedAt: new Date(), lastSyncRunId: "run-1" } });
    mocks.sync.mockClear();
    const { invitation: sca } = await invitationFor({ purpose: "SCA", connectionId: first.connectionId }, clientId);
    mocks.flanks.statuses.set(token, status({ last_update: "2026-12-06" }));
    const code = `code-${++seq}`;
    mocks.flanks.codes.set(code, { credentials_token: token, extra: { ref: sca.reference } });
    const outcome = await exchangeLinkCode({ code, reference: sca.reference, source: "callback" });
    expect(outcome).toMatchObject({ kind: "connected", isReauthentication: true, hasNewData: true, connectionId: first.connectionId });
    await syncAfterExchange(outcome);
    expect(mocks.sync).toHaveBeenCalledWith(first.connectionId, { reason: "new-data" });
  });

  it("a re-authentication within the minute of the last extraction is new data too (last_update_timestamp)", async () => {
    const { invitation: connect, clientId } = await invitationFor();
    const token = `cred-minute-${++seq}`;
    mocks.flanks.statuses.set(token, status({ last_update_timestamp: 1_796_000_000 }));
    const first = await exchangeLinkCode({ code: codeAtFlanks({ ref: connect.reference }, token, false), reference: connect.reference, source: "callback" });
    if (first.kind !== "connected") throw new Error(first.kind);
    await mocks.db.wealthSyncState.create({ data: { connectionId: first.connectionId, clientId, lastSyncedAt: new Date(), lastSyncRunId: "run-1" } });
    const { invitation: reset } = await invitationFor({ purpose: "RESET", connectionId: first.connectionId }, clientId);
    mocks.flanks.statuses.set(token, status({ last_update_timestamp: 1_796_000_030 }));
    const code = `code-${++seq}`;
    mocks.flanks.codes.set(code, { credentials_token: token, extra: { ref: reset.reference } });
    expect(await exchangeLinkCode({ code, reference: reset.reference, source: "callback" })).toMatchObject({
      kind: "connected",
      isReauthentication: true,
      hasNewData: true,
    });
  });

  it("a finished connection whose data was never stored still has new data at the next status read", async () => {
    const { invitation } = await invitationFor();
    const outcome = await exchangeLinkCode({ code: codeAtFlanks({ ref: invitation.reference }), reference: invitation.reference, source: "callback" });
    if (outcome.kind !== "connected") throw new Error(outcome.kind);
    // The load at the exchange failed or never ran: the sweep's next read must not forget it.
    expect(await refreshConnectionStatus(outcome.connectionId)).toMatchObject({ state: "READY", hasNewData: true });
  });
});

describe("a link code binds only where the invitation still allows it (issue 16.4)", () => {
  const refusedCases: [string, TSetup][] = [
    ["an expired invitation", { expiresInMs: -60_000 }],
    ["a revoked invitation", { revoked: true }],
    ["a used re-authentication invitation", { purpose: "SCA", usedAt: new Date() }],
    ["an archived client", { archived: true }],
    ["a disabled advisor", { advisorDisabled: true }],
  ];
  for (const [name, setup] of refusedCases) {
    it(`refuses ${name} at the callback, without sending the code to Flanks`, async () => {
      const { invitation, clientId } = await invitationFor(setup);
      const code = codeAtFlanks({ ref: invitation.reference });
      const outcome = await exchangeLinkCode({ code, reference: invitation.reference, source: "callback" });
      expect(outcome).toEqual({ kind: "failed", reason: "refused" });
      expect(mocks.flanks.exchanged).toEqual([]);
      expect(await mocks.db.connection.count({ where: { clientId } })).toBe(0);
    });

    it(`leaves the code of ${name} at Flanks at reconciliation`, async () => {
      const { invitation, clientId } = await invitationFor(setup);
      codeAtFlanks({ ref: invitation.reference });
      const result = await reconcileLinkCodes(systemActor("test"));
      expect(result).toMatchObject({ exchanged: 0, refused: 1 });
      expect(mocks.flanks.exchanged).toEqual([]);
      expect(await mocks.db.connection.count({ where: { clientId } })).toBe(0);
    });
  }

  it("reconciles and lists pending codes for an admin or a job only, never for an advisor", async () => {
    const { invitation } = await invitationFor();
    codeAtFlanks({ ref: invitation.reference });
    const advisor = { id: "advisor-1", email: "advisor@firm.test", name: "Advisor", role: "ADVISOR" as const, locale: "es" as const, sessionId: "session-1" };
    await expect(reconcileLinkCodes(advisor)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listPendingLinkCodes(advisor)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(mocks.flanks.exchanged).toEqual([]);
    const admin = { ...advisor, role: "ADMIN" as const };
    expect(await listPendingLinkCodes(admin)).toHaveLength(1);
  });

  it("binds a Link consented before expiry that comes back within the grace period", async () => {
    const { invitation, clientId } = await invitationFor({ expiresInMs: -10 * 60_000, consentAgoMs: 30 * 60_000 });
    const outcome = await exchangeLinkCode({ code: codeAtFlanks({ ref: invitation.reference }), reference: invitation.reference, source: "callback" });
    expect(outcome).toMatchObject({ kind: "connected" });
    expect(await mocks.db.connection.count({ where: { clientId } })).toBe(1);
  });

  it("refuses when Flanks' extra has no ref: the callback's ref does not decide", async () => {
    const { invitation, clientId } = await invitationFor();
    const outcome = await exchangeLinkCode({ code: codeAtFlanks(null), reference: invitation.reference, source: "callback" });
    expect(outcome).toEqual({ kind: "failed", reason: "refused" });
    expect(await mocks.db.connection.count({ where: { clientId } })).toBe(0);
  });

  it("refuses when Flanks' extra names another invitation than the callback", async () => {
    const { invitation } = await invitationFor();
    const { invitation: other, clientId: otherClientId } = await invitationFor();
    const outcome = await exchangeLinkCode({ code: codeAtFlanks({ ref: other.reference }), reference: invitation.reference, source: "callback" });
    expect(outcome).toEqual({ kind: "failed", reason: "refused" });
    expect(await mocks.db.connection.count({ where: { clientId: { in: [invitation.clientId, otherClientId] } } })).toBe(0);
  });

  it("refuses credentials Patrimonio already holds for another client", async () => {
    const { invitation: first } = await invitationFor();
    const token = `cred-shared-${++seq}`;
    const connected = await exchangeLinkCode({ code: codeAtFlanks({ ref: first.reference }, token), reference: first.reference, source: "callback" });
    if (connected.kind !== "connected") throw new Error(connected.kind);
    const { invitation: second, clientId: secondClientId } = await invitationFor();
    const outcome = await exchangeLinkCode({ code: codeAtFlanks({ ref: second.reference }, token), reference: second.reference, source: "reconcile" });
    expect(outcome).toEqual({ kind: "failed", reason: "refused" });
    expect(await mocks.db.connection.count({ where: { clientId: secondClientId } })).toBe(0);
    expect((await mocks.db.connection.findUniqueOrThrow({ where: { id: connected.connectionId } })).clientId).toBe(first.clientId);
  });

  it("a re-authentication invitation binds once: a second code is refused", async () => {
    const { invitation: connect, clientId } = await invitationFor();
    const token = `cred-once-${++seq}`;
    const first = await exchangeLinkCode({ code: codeAtFlanks({ ref: connect.reference }, token), reference: connect.reference, source: "callback" });
    if (first.kind !== "connected") throw new Error(first.kind);
    const { invitation: sca } = await invitationFor({ purpose: "SCA", connectionId: first.connectionId }, clientId);
    expect(await exchangeLinkCode({ code: codeAtFlanks({ ref: sca.reference }, token), reference: sca.reference, source: "callback" })).toMatchObject({
      kind: "connected",
    });
    expect(await exchangeLinkCode({ code: codeAtFlanks({ ref: sca.reference }, token), reference: sca.reference, source: "callback" })).toEqual({
      kind: "failed",
      reason: "refused",
    });
  });

  it("an invitation of a disabled advisor no longer opens", async () => {
    const { token } = await invitationFor({ advisorDisabled: true });
    expect(await openInvitation(token)).toBeNull();
    const { token: open } = await invitationFor();
    expect(await openInvitation(open)).not.toBeNull();
  });
});

describe("refused attempts cost a counter, not the audit log (issue 16.5)", () => {
  it("anonymous callbacks with unknown references add no audit row, only to the day's count", async () => {
    const audits = await auditCount();
    const refused = await refusedCount();
    for (let i = 0; i < 3; i++) {
      expect(await exchangeLinkCode({ code: `made-up-${i}`, reference: `nobody-${i}`, source: "callback" })).toEqual({
        kind: "failed",
        reason: "unknown_reference",
      });
    }
    const { invitation } = await invitationFor({ revoked: true });
    await exchangeLinkCode({ code: "made-up-revoked", reference: invitation.reference, source: "callback" });
    expect(await auditCount()).toBe(audits);
    expect(await refusedCount()).toBe(refused + 4);
  });

  it("a retried exchange whose invitation was revoked is settled for good and its sealed code erased", async () => {
    const { invitation } = await invitationFor();
    const code = `retry-code-${++seq}`;
    const row = await mocks.db.linkCodeExchange.create({
      data: { codeHash: linkCodeHash(code), status: "RETRY", source: "callback", invitationId: invitation.id },
    });
    await mocks.db.linkCodeExchange.update({ where: { id: row.id }, data: { codeEnc: sealToken(code, "link_code", { rowId: row.id }) } });
    await mocks.db.invitation.update({ where: { id: invitation.id }, data: { revokedAt: new Date() } });
    await retryPendingExchanges();
    const settled = await mocks.db.linkCodeExchange.findUniqueOrThrow({ where: { id: row.id } });
    expect(settled).toMatchObject({ status: "REFUSED", codeEnc: null });
    expect(
      await mocks.db.linkCodeExchange.count({ where: { status: { in: ["RETRY", "DELAYED"] }, codeEnc: { not: null }, invitationId: invitation.id } }),
    ).toBe(0);
    expect(mocks.flanks.exchanged).toEqual([]);
  });

  it("a delayed exchange whose invitation is revoked before the retry leaves no placeholder connection behind", async () => {
    const { invitation, clientId } = await invitationFor();
    const code = `delayed-code-${++seq}`;
    const placeholder = await mocks.db.connection.create({
      data: { clientId, invitationId: invitation.id, bank: "", linkToken: "link-token", state: "VERIFYING" },
    });
    const row = await mocks.db.linkCodeExchange.create({
      data: { codeHash: linkCodeHash(code), status: "DELAYED", source: "callback", invitationId: invitation.id, connectionId: placeholder.id },
    });
    await mocks.db.linkCodeExchange.update({ where: { id: row.id }, data: { codeEnc: sealToken(code, "link_code", { rowId: row.id }) } });
    await mocks.db.invitation.update({ where: { id: invitation.id }, data: { revokedAt: new Date() } });
    await retryPendingExchanges();
    expect(await mocks.db.connection.count({ where: { clientId } })).toBe(0);
    expect(await mocks.db.linkCodeExchange.findUniqueOrThrow({ where: { codeHash: linkCodeHash(code) } })).toMatchObject({ status: "REFUSED", codeEnc: null });
  });
});
