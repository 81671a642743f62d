/** The two databases the app runs on (docs/decisions/047-postgres-migrations-and-schemas.md). */
export type TSqlDialect = "sqlite" | "postgres";

export function isPostgresUrl(databaseUrl: string): boolean {
  return /^postgres(ql)?:\/\//.test(databaseUrl);
}

export function dialectOfUrl(databaseUrl: string): TSqlDialect {
  return isPostgresUrl(databaseUrl) ? "postgres" : "sqlite";
}

/**
 * The dialect of a Prisma client or of one of its transaction clients: raw SQL that differs
 * between the two databases asks here. Prisma keeps its provider on the client (and its
 * transaction clients forward the property); anything without it is SQLite, the default.
 */
export function dialectOfClient(db: unknown): TSqlDialect {
  return (db as { _activeProvider?: string } | null)?._activeProvider === "postgresql" ? "postgres" : "sqlite";
}

/** `?` placeholders as PostgreSQL's `$1, $2…` (the SQL here has no `?` inside string literals). */
export function numberedPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** A database URL fit for a log line or the console: a PostgreSQL password replaced by `***`. */
export function redactDatabaseUrl(databaseUrl: string): string {
  return databaseUrl.replace(/^(postgres(?:ql)?:\/\/[^:/@]+:)[^@]*@/, "$1***@");
}
