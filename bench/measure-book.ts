// Times the book service (lib/services/book/get-book.ts) for a big advisor, first view after a sync
// (its per-scope cache cold) against the next view (warm), without the benchmark harness: a
// synthetic book written straight into a fresh database, shaped like bench/seed.ts's big advisor
// (150 clients with 2-4 connections each; ~25 positions, 4 accounts and a loan per connection) with
// 60 days of daily snapshots per connection.
//   DATA_DIR=data/measure-book node --conditions=react-server --import tsx bench/measure-book.ts [views]
// The first run seeds DATA_DIR's database (a minute); later runs reuse it.
import { prepareDatabase } from "../scripts/lib/prepare-database";

await prepareDatabase();
const { getDb } = await import("../lib/db");
const { getBook } = await import("../lib/services/book/get-book");

const CLIENTS = 150;
const DAYS = 60;
const TYPES = ["VI", "F", "PP", "RF", "RV", "D", "E", "ETF", "O", "W", "C", "L"];
const views = Number(process.argv[2] ?? 15);
const db = getDb();
const today = new Date();
const dayBefore = (n: number) => new Date(today.getTime() - n * 86_400_000).toISOString().slice(0, 10);

async function seed(): Promise<string> {
  const advisor = await db.user.create({ data: { email: "measure.book@example.com", name: "Measure Book", passwordHash: "x", role: "ADVISOR" } });
  const perEuro = { USD: "1.08", GBP: "0.85" };
  const rates = [];
  for (let d = DAYS + 50; d >= 0; d--)
    for (const [currency, rate] of Object.entries(perEuro)) rates.push({ day: dayBefore(d), currency, perEuro: rate, source: "ECB" });
  await db.fxRate.createMany({ data: rates });
  for (let i = 0; i < CLIENTS; i++) {
    const client = await db.client.create({ data: { displayName: `Cliente ${i}`, contactEmail: `c${i}@example.com`, advisorId: advisor.id } });
    const connections = 2 + (i % 3);
    for (let c = 0; c < connections; c++) {
      const bank = `bank-${(i + c) % 6}`;
      const connection = await db.connection.create({
        data: { clientId: client.id, bank, bankName: `Bank ${bank}`, linkToken: "t", state: c === 0 && i % 10 === 0 ? "NEEDS_SCA" : "READY", pending: false },
      });
      const ids = { connectionId: connection.id, clientId: client.id, entity: bank };
      await db.wealthAccount.createMany({
        data: Array.from({ length: 4 }, (_, a) => ({
          ...ids,
          flanksId: `a${a}`,
          iban: `ES${i}${c}${a}`,
          alias: "A",
          balanceMinor: BigInt(100_000 + a * 7_919 + i),
          currency: a === 3 ? "USD" : "EUR",
          numOwners: 1,
        })),
      });
      await db.wealthInvestment.createMany({
        data: Array.from({ length: 25 }, (_, p) => ({
          ...ids,
          flanksId: `p${p}`,
          portfolioId: "pf",
          name: `Position ${p}`,
          isin: `ES00000${p}`,
          type: TYPES[p % TYPES.length]!,
          currency: p % 5 === 0 ? "USD" : p % 7 === 0 ? "GBP" : "EUR",
          quantity: "10",
          isNominal: false,
          balanceMinor: BigInt(50_000 + p * 1_234 + i),
        })),
      });
      await db.wealthLiability.create({ data: { ...ids, flanksId: "l", name: "Loan", type: "M", currency: "EUR", balanceMinor: 2_000_000n } });
      await db.wealthSyncState.create({ data: { connectionId: connection.id, clientId: client.id, lastSyncedAt: today, lastSyncRunId: "run-0" } });
      const snapshots = [];
      for (let d = DAYS; d >= 0; d--)
        for (const currency of ["EUR", "USD", "GBP"])
          snapshots.push({
            connectionId: connection.id,
            clientId: client.id,
            day: dayBefore(d),
            currency,
            assetsMinor: BigInt(1_000_000 + d * 100 + i),
            liabilitiesMinor: 2_000_000n,
          });
      await db.wealthSnapshot.createMany({ data: snapshots });
    }
  }
  return advisor.id;
}

const existing = await db.user.findUnique({ where: { email: "measure.book@example.com" }, select: { id: true } });
const advisorId = existing?.id ?? (await seed());
const actor = { id: advisorId, role: "ADVISOR" as const };
const someConnection = await db.wealthSyncState.findFirstOrThrow({ where: { connection: { client: { advisorId } } }, select: { connectionId: true } });

async function timed(): Promise<number> {
  const started = performance.now();
  await getBook(actor);
  return performance.now() - started;
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]!;
const summary = (values: number[]) =>
  `p50 ${percentile(values, 50).toFixed(1)} ms, p95 ${percentile(values, 95).toFixed(1)} ms, max ${Math.max(...values).toFixed(1)} ms`;

await timed(); // the process's first call: module and statement warm-up, not what a server that has run a while pays
const cold: number[] = [];
const warm: number[] = [];
for (let view = 0; view < views; view++) {
  // A sync: one connection's lastSyncRunId changes, so the scope's version changes and its cached rows are stale.
  await db.wealthSyncState.update({ where: { connectionId: someConnection.connectionId }, data: { lastSyncRunId: `run-${Date.now()}-${view}` } });
  cold.push(await timed());
  warm.push(await timed());
}
const counts = {
  clients: await db.client.count({ where: { advisorId } }),
  connections: await db.connection.count({ where: { client: { advisorId } } }),
  positions: await db.wealthInvestment.count(),
  snapshots: await db.wealthSnapshot.count(),
};
console.log(JSON.stringify(counts));
console.log(`cold (first view after a sync): ${summary(cold)}`);
console.log(`warm (next view):               ${summary(warm)}`);
process.exit(0);
