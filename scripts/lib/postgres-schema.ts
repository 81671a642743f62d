import { readFileSync, writeFileSync } from "node:fs";

export const SQLITE_SCHEMA = "prisma/schema.prisma";
export const POSTGRES_SCHEMA = "prisma/postgres/schema.prisma";

const HEADER = `// GENERATED from prisma/schema.prisma by \`npm run db:postgres-schema\` (scripts/generate-postgres-schema.ts): do not edit.
// The same models for PostgreSQL (docs/decisions/047-postgres-migrations-and-schemas.md): its own client in
// lib/generated/prisma-pg, since a client generated for sqlite refuses the pg driver adapter.
`;

/**
 * prisma/schema.prisma with what differs on PostgreSQL: the provider, the client's output folder,
 * and every DateTime as timestamptz (Prisma's default there is a timestamp without time zone,
 * which node-postgres reads back in the server's local time zone).
 */
export function derivePostgresSchema(sqliteSchema: string): string {
  const replaced = sqliteSchema
    .replace(/(datasource db \{[^}]*provider\s*=\s*)"sqlite"/, '$1"postgresql"')
    .replace(/(generator client \{[^}]*output\s*=\s*)"\.\.\/lib\/generated\/prisma"/, '$1"../../lib/generated/prisma-pg"')
    .replace(/^(\s+\w+\s+DateTime\??)(.*)$/gm, (_line, head: string, rest: string) => {
      const [attributes = "", ...comment] = rest.split("//");
      return [`${head}${attributes.replace(/\s+$/, "")} @db.Timestamptz(3)`, ...comment].join(" //");
    });
  if (!replaced.includes('"postgresql"') || !replaced.includes("prisma-pg"))
    throw new Error("prisma/schema.prisma: datasource or generator block not recognised");
  return HEADER + replaced;
}

export function writePostgresSchema(): boolean {
  const next = derivePostgresSchema(readFileSync(SQLITE_SCHEMA, "utf8"));
  let current = "";
  try {
    current = readFileSync(POSTGRES_SCHEMA, "utf8");
  } catch {
    // first run
  }
  if (current === next) return false;
  writeFileSync(POSTGRES_SCHEMA, next);
  return true;
}
