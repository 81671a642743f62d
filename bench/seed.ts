// Seeds the benchmark's datasets THROUGH the sandbox and the real sync, against a running server
// (whose /sandbox is the Flanks imitation): an invitation per connection, a link code from the
// sandbox's control endpoint (the Link without a browser), the app's exchange, then the status
// refresh and the sync, exactly as the scheduler does after a real first extraction.
//   node --conditions=react-server --import tsx bench/seed.ts   (env: DATA_DIR, PORT; run by bench/run.ts)
import { mkdirSync, writeFileSync } from "node:fs";
import { z } from "zod";

const { getDb } = await import("../lib/db");
const { dialectOfClient } = await import("../lib/db/sql-dialect");
const { getEnv } = await import("../lib/env");
const { hashPassword } = await import("../lib/auth/password");
const { ensureDemoConnections } = await import("../lib/jobs/demo-connections");
const { exchangeLinkCode } = await import("../lib/connections/exchange-link-code");
const { refreshConnectionStatus } = await import("../lib/connections/refresh-connection-status");
const { LINK_EXTRA_REFERENCE } = await import("../lib/invitations/invitation-rules");
const { INVITATION_TTL_MS, newInvitationReference, newInvitationToken } = await import("../lib/invitations/invitation-rules");
const { syncConnection } = await import("../lib/sync/sync-connection");

export const BENCH_PASSWORD = "bench-password-2026";
const BANKS = ["banco-meseta", "caja-rural-tajo", "banca-alhambra", "valores-guadalquivir", "cantabrico-patrimonio", "testbank"] as const;
const BIG_ADVISOR_CLIENTS = 150;
const BIG_CLIENT_CONNECTIONS = 10;

const env = getEnv();
const db = getDb();
const api = env.flanksApiUrl;

async function control(path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${api}/_control/${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`sandbox ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

async function pool<T>(items: readonly T[], size: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index] as T, index);
      }
    }),
  );
}

async function advisor(email: string, name: string): Promise<string> {
  const user = await db.user.upsert({
    where: { email },
    update: {},
    create: { email, name, role: "ADVISOR", passwordHash: await hashPassword(BENCH_PASSWORD) },
  });
  return user.id;
}

/** One bank connection of a client, made the way a real client makes it (invitation → Link → exchange). */
async function connect(clientId: string, advisorId: string, bank: string, username: string): Promise<string> {
  const reference = newInvitationReference();
  await db.invitation.create({
    data: {
      clientId,
      purpose: "CONNECT",
      tokenHash: newInvitationToken().tokenHash,
      reference,
      expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
      createdById: advisorId,
    },
  });
  const password = bank === "testbank" ? "healthy" : "bench-pass";
  const { code } = z
    .object({ code: z.string() })
    .parse(await control("credentials", { bank, username, password, extra: { [LINK_EXTRA_REFERENCE]: reference }, external_id: clientId }));
  const outcome = await exchangeLinkCode({ code, reference, source: "callback" });
  if (outcome.kind !== "connected") throw new Error(`exchange of ${bank}/${username}: ${JSON.stringify(outcome)}`);
  return outcome.connectionId;
}

const started = performance.now();
const timings: Record<string, number> = {};
const lap = (name: string, since: number) => (timings[name] = Math.round(performance.now() - since));

// 1. Default: the demo (the app's own demo connections, through the same path).
let t = performance.now();
await ensureDemoConnections();
lap("demoConnectMs", t);

// 2. Big advisor: 150 clients with 2–4 connections each; client 0 also has the 2 000-transaction bank used for INP.
t = performance.now();
const bigAdvisorId = await advisor("bench.advisor@patrimonio.demo", "Bench Big Advisor");
const plan: { clientId: string; bank: string; username: string }[] = [];
const bigAdvisorClientIds: string[] = [];
for (let i = 0; i < BIG_ADVISOR_CLIENTS; i++) {
  const client = await db.client.create({
    data: {
      displayName: `Cliente ${String(i).padStart(3, "0")} Benchmark`,
      contactEmail: `client${i}@bench.example.com`,
      externalRef: i % 3 === 0 ? `BN-${i}` : null,
      advisorId: bigAdvisorId,
    },
  });
  bigAdvisorClientIds.push(client.id);
  const count = 2 + (i % 3);
  for (let c = 0; c < count; c++) {
    const username = i === 0 && c === 0 ? `inp${i}.tx=2000` : `ba${i}c${c}`;
    plan.push({ clientId: client.id, bank: BANKS[(i + c) % BANKS.length] as string, username });
  }
}
await pool(plan, 4, async (item) => {
  await connect(item.clientId, bigAdvisorId, item.bank, item.username);
});
lap("bigAdvisorConnectMs", t);

// 3. Big client: 10 connections, ~25 accounts, 400 positions, 10 years, ~100 000 transactions
//    (one bank with 100 000 — the connection whose sync is timed — and nine with 500).
t = performance.now();
const bigClientAdvisorId = await advisor("bench.client@patrimonio.demo", "Bench Big Client Advisor");
const bigClient = await db.client.create({
  data: { displayName: "Cliente Grande Benchmark", contactEmail: "big@bench.example.com", advisorId: bigClientAdvisorId },
});
const bigClientConnections: string[] = [];
for (let c = 0; c < BIG_CLIENT_CONNECTIONS; c++) {
  const username = c === 0 ? "bc0.tx=100000.years=10.positions=40" : `bc${c}.tx=500.years=10.positions=40`;
  bigClientConnections.push(await connect(bigClient.id, bigClientAdvisorId, BANKS[c % BANKS.length] as string, username));
}
const bigConnectionId = bigClientConnections[0] as string;
// An open invitation for the connect page's Lighthouse run.
const connectInvitation = newInvitationToken();
await db.invitation.create({
  data: {
    clientId: bigClient.id,
    purpose: "CONNECT",
    tokenHash: connectInvitation.tokenHash,
    reference: newInvitationReference(),
    expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
    createdById: bigClientAdvisorId,
  },
});
lap("bigClientConnectMs", t);

// 4. Let every first extraction finish (the sandbox clock), then refresh + sync like the scheduler.
await control("clock", { advanceSeconds: 120 });
t = performance.now();
const connections = await db.connection.findMany({ where: { credentialsTokenEnc: { not: null }, id: { not: bigConnectionId } }, select: { id: true } });
let failed = 0;
await pool(connections, 2, async ({ id }) => {
  await refreshConnectionStatus(id);
  const result = await syncConnection(id, { reason: "first-extraction" });
  if (result.status === "FAILED") failed += 1;
});
lap("syncOthersMs", t);

// 5. The big connection alone: time and peak memory of this process.
await refreshConnectionStatus(bigConnectionId);
let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 25);
t = performance.now();
const bigSync = await syncConnection(bigConnectionId, { reason: "first-extraction" });
const bigSyncMs = Math.round(performance.now() - t);
clearInterval(sampler);
if (bigSync.status !== "SUCCEEDED") throw new Error(`big sync: ${JSON.stringify(bigSync)}`);

// 6. A household of four of the big advisor's clients (12 connections): the household page's row (issue 19.6).
const HOUSEHOLD_ROLES = ["HOLDER", "SPOUSE", "CHILD", "CHILD"] as const;
const household = await db.household.create({
  data: {
    name: "Familia Benchmark",
    advisorId: bigAdvisorId,
    members: { create: HOUSEHOLD_ROLES.map((role, n) => ({ clientId: bigAdvisorClientIds[n + 1] as string, role })) },
  },
  select: { id: true },
});

// PostgreSQL: the sync writer vacuums again, 15 s on, the tables whose new rows a concurrent sync kept from being marked
// visible to all (lib/sync/postgres-statistics.ts); this process exits before that timer, the server would not.
if (dialectOfClient(db) === "postgres")
  for (const table of ["WealthAccountTransaction", "WealthCardTransaction", "WealthInvestmentTransaction", "WealthLiabilityTransaction"])
    await db.$executeRawUnsafe(`VACUUM (ANALYZE) "${table}"`);

const counts = {
  clients: await db.client.count(),
  connections: await db.connection.count(),
  accountTransactions: await db.wealthAccountTransaction.count(),
  bigClientTransactions: await db.wealthAccountTransaction.count({ where: { clientId: bigClient.id } }),
  bigClientAccounts: await db.wealthAccount.count({ where: { clientId: bigClient.id } }),
  bigClientPositions: await db.wealthInvestment.count({ where: { clientId: bigClient.id } }),
};
const demoAdvisor = await db.client.findFirst({ where: { displayName: "Carmen Ruiz Ortega" }, select: { id: true } });
const seed = {
  password: BENCH_PASSWORD,
  bigAdvisor: { email: "bench.advisor@patrimonio.demo", clientIds: bigAdvisorClientIds, inpClientId: bigAdvisorClientIds[0], householdId: household.id },
  bigClient: { email: "bench.client@patrimonio.demo", clientId: bigClient.id, bigConnectionId, connectionIds: bigClientConnections },
  demo: { carmenClientId: demoAdvisor?.id ?? null },
  connectToken: connectInvitation.token,
  bigAdvisorConnectionIds: (await db.connection.findMany({ where: { client: { advisorId: bigAdvisorId } }, select: { id: true }, take: 20 })).map((c) => c.id),
  counts,
  failedSyncs: failed,
  timings: { ...timings, totalMs: Math.round(performance.now() - started), bigSyncMs, bigSyncPeakRssMb: Math.round(peakRss / 1e6) },
};
mkdirSync(process.env.BENCH_TMP ?? "bench/tmp", { recursive: true });
writeFileSync(`${process.env.BENCH_TMP ?? "bench/tmp"}/seed.json`, JSON.stringify(seed, null, 2));
console.log(JSON.stringify({ counts, failedSyncs: failed, timings: seed.timings }));
process.exit(0);
