import { readdirSync, readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { SEARCH_TEXT } from "@/lib/wealth/transaction-search-sql";
import { derivePostgresSchema, POSTGRES_SCHEMA, SQLITE_SCHEMA } from "./postgres-schema";

it("prisma/postgres/schema.prisma is derived from prisma/schema.prisma as it is now (else: npm run db:postgres-schema)", () => {
  expect(readFileSync(POSTGRES_SCHEMA, "utf8")).toBe(derivePostgresSchema(readFileSync(SQLITE_SCHEMA, "utf8")));
});

it("derives the provider, the client's folder and timestamptz for every DateTime, comments kept", () => {
  const derived = derivePostgresSchema(`generator client {
  provider = "prisma-client"
  output   = "../lib/generated/prisma"
}
datasource db {
  provider = "sqlite"
  url      = env("DATABASE_URL")
}
model A {
  id   String    @id
  at   DateTime  @default(now()) // when
  end  DateTime?
}
`);
  expect(derived).toContain('provider = "postgresql"');
  expect(derived).toContain('output   = "../../lib/generated/prisma-pg"');
  expect(derived).toContain("at   DateTime  @default(now()) @db.Timestamptz(3) // when");
  expect(derived).toContain("end  DateTime? @db.Timestamptz(3)");
});

it("every migration folder indexes the ledgers' search text as lib/wealth/transaction-search-sql.ts queries it", () => {
  const sqlite = readFileSync("prisma/migrations/0006_transaction_search/migration.sql", "utf8");
  const postgres = readdirSync("prisma/migrations-postgres")
    .map((name) => readFileSync(`prisma/migrations-postgres/${name}`, "utf8"))
    .join("\n");
  for (const text of Object.values(SEARCH_TEXT)) {
    expect(postgres).toContain(`"patrimonio_search_text"(${text})`);
    // The SQLite triggers write the same expression with new. before each column.
    expect(sqlite).toContain(text.replace(/"(\w+)"/g, 'new."$1"'));
  }
});
