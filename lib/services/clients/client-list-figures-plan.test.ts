import Database from "better-sqlite3";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/sync/test/test-database";
import { WEALTH_SQL } from "./client-list-figures";

/* SQLite's plan of the client list's sums (the PostgreSQL run leaves plans to PostgreSQL's statistics). */
let database: TTestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

it("sums the positions from an index alone, without reading their rows", () => {
  // ~3.5 ms of a client-list view on the benchmark's big advisor (50 clients, ~10 000 positions).
  const sqlite = new Database(database.url.replace(/^file:/, ""), { readonly: true });
  try {
    const plan = (sqlite.prepare(`EXPLAIN QUERY PLAN ${WEALTH_SQL.sqlite}`).all({ ids: "[]", advisorId: null }) as { detail: string }[]).map(
      (row) => row.detail,
    );
    expect(plan).toContainEqual(expect.stringMatching(/^SEARCH WealthInvestment USING COVERING INDEX .* \(clientId=\?\)$/));
  } finally {
    sqlite.close();
  }
});
