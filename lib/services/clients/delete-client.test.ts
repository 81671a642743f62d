import { existsSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import type { TSessionUser } from "@/lib/auth/current-user";
import type { PrismaClient } from "@/lib/db/create-prisma-client";
import { createTestDatabase, type TTestDatabase } from "@/lib/sync/test/test-database";

/*
 * Erasure down to the bytes: after deleteClient, nothing of the client's identity, IBANs or
 * transactions is left in the database file, its WAL or its shared-memory index — not in free
 * pages, not in old WAL frames. The database runs as the app runs it (WAL, the app's connections).
 */
const current: { db?: PrismaClient; url?: string } = {};
vi.mock("@/lib/db", () => ({ getDb: () => current.db }));
vi.mock("@/lib/env", () => ({ getEnv: () => ({ databaseUrl: current.url, encryptionKey: "unused", auditKey: "test-audit-key-test-audit-key-000" }) }));
vi.mock("@/lib/request/request-id", () => ({ getRequestId: async () => null }));
vi.mock("@/lib/flanks/get-flanks-client", () => ({ getFlanksClient: () => ({ deleteCredentials: async () => ({}) }) }));
const { deleteClient } = await import("./delete-client");

let database: TTestDatabase;
const admin: TSessionUser = { id: "admin", email: "admin@example.com", name: "Admin", role: "ADMIN", locale: null, sessionId: "s" };

// What must disappear: the client's identity strings, IBANs and a word of every transaction.
const ERASED = {
  displayName: "Quintanilla Ybarrondo",
  contactEmail: "quintanilla.ybarrondo@example.com",
  identityName: "Wenceslao",
  surname: "Zubizarreta",
  document: "48291736Q",
  iban: "ES7921000813610123456789",
  secondIban: "ES1800491500051234567892",
  payee: "zyxquixotepayee",
};
// Another client's rows stay: the erasure is not a wipe of the file.
const KEPT_IBAN = "ES6600190020961234567890";
let clientId = "";
const exchangeIds: string[] = [];

function fileBytes(url: string): Buffer {
  const file = url.replace(/^file:/, "");
  return Buffer.concat([file, `${file}-wal`, `${file}-shm`].filter((path) => existsSync(path)).map((path) => readFileSync(path)));
}

async function addClientWithData(
  displayName: string,
  contactEmail: string,
  ibans: string[],
  payee: string,
): Promise<{ clientId: string; connectionId: string }> {
  const db = database.db;
  const client = await db.client.create({ data: { displayName, contactEmail, advisorId: "advisor" } });
  const connection = await db.connection.create({ data: { clientId: client.id, bank: "testbank", linkToken: "t", state: "READY" } });
  const connectionId = connection.id;
  const isErased = displayName === ERASED.displayName;
  await db.wealthIdentity.create({
    data: isErased
      ? {
          connectionId,
          clientId: client.id,
          name: ERASED.identityName,
          surname1: ERASED.surname,
          identityDocument: ERASED.document,
          fullName: `${ERASED.identityName} ${ERASED.surname}`,
        }
      : { connectionId, clientId: client.id, name: "Kept", surname1: "Other", identityDocument: "00000000T", fullName: "Kept Other" },
  });
  for (const iban of ibans) {
    const account = await db.wealthAccount.create({
      data: {
        connectionId,
        clientId: client.id,
        flanksId: iban,
        iban,
        alias: `Cuenta ${iban}`,
        entity: "testbank",
        balanceMinor: 100n,
        currency: "EUR",
        numOwners: 1,
      },
    });
    // Enough rows to fill whole pages, so the erasure frees pages and not only cells.
    await db.wealthAccountTransaction.createMany({
      data: Array.from({ length: 1_500 }, (_, n) => ({
        connectionId,
        clientId: client.id,
        flanksId: `${iban}-${n}`,
        accountId: account.id,
        entity: "testbank",
        amountMinor: BigInt(n),
        currency: "EUR",
        operationDate: "2026-01-01",
        valueDate: "2026-01-01",
        description: `PAGO ${payee} ${iban} ${n}`,
      })),
    });
  }
  return { clientId: client.id, connectionId };
}

beforeAll(async () => {
  database = await createTestDatabase({ wal: true });
  current.db = database.db;
  current.url = database.url;
  const db = database.db;
  await db.user.create({ data: { id: "advisor", email: "advisor@example.com", name: "Ana", passwordHash: "x" } });
  await db.user.create({ data: { id: "admin", email: "admin@example.com", name: "Admin", passwordHash: "x", role: "ADMIN" } });
  await addClientWithData("Kept Client", "kept@example.com", [KEPT_IBAN], "keptpayee");
  const erased = await addClientWithData(ERASED.displayName, ERASED.contactEmail, [ERASED.iban, ERASED.secondIban], ERASED.payee);
  clientId = erased.clientId;
  // A connect invitation, and a re-authentication (SCA) invitation of the connection, each with an exchanged link code.
  const expiresAt = new Date(Date.now() + 86_400_000);
  const connect = await db.invitation.create({
    data: { clientId, purpose: "CONNECT", tokenHash: "h-connect", reference: "ref-connect", expiresAt, createdById: "advisor" },
  });
  const sca = await db.invitation.create({
    data: { clientId, connectionId: erased.connectionId, purpose: "SCA", tokenHash: "h-sca", reference: "ref-sca", expiresAt, createdById: "advisor" },
  });
  for (const invitation of [connect, sca]) {
    const exchange = await db.linkCodeExchange.create({
      data: {
        codeHash: `code-${invitation.id}`,
        status: "EXCHANGED",
        source: "callback",
        invitationId: invitation.id,
        connectionId: erased.connectionId,
        extraJson: JSON.stringify({ r: invitation.reference }),
      },
    });
    exchangeIds.push(exchange.id);
  }
}, 120_000);

afterAll(async () => {
  await database?.close();
});

it("leaves none of an erased client's identity strings, IBANs or transactions in the file, its WAL or its index", { timeout: 60_000 }, async () => {
  const before = fileBytes(database.url);
  for (const needle of Object.values(ERASED)) expect(before.includes(Buffer.from(needle)), `${needle} is stored before the erasure`).toBe(true);

  await deleteClient(admin, clientId);

  const after = fileBytes(database.url);
  const found = Object.values(ERASED).filter((needle) => after.includes(Buffer.from(needle)));
  expect(found).toEqual([]);
  // The other client's data is still there (and readable).
  expect(after.includes(Buffer.from(KEPT_IBAN))).toBe(true);
  expect(await database.db.wealthAccount.count({ where: { iban: KEPT_IBAN } })).toBe(1);
});

it("erases the link codes exchanged for every invitation, re-authentication ones included", async () => {
  expect(await database.db.linkCodeExchange.count({ where: { id: { in: exchangeIds } } })).toBe(0);
  expect(await database.db.invitation.count({ where: { clientId } })).toBe(0);
});
