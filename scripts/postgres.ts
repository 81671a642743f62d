// `npm run postgres`: a throwaway PostgreSQL from node_modules on 127.0.0.1:PG_PORT (default 5432),
// printing the DATABASE_URL of a fresh database; Ctrl-C stops it and deletes its data.
import { startPostgresServer } from "./lib/postgres-server";

const port = Number(process.env.PG_PORT ?? 5432);
const server = await startPostgresServer({ port, dataDir: process.env.PG_DATA_DIR ?? "data/postgres" });
const url = await server.createDatabase({ name: "patrimonio" });
console.log(`PostgreSQL on 127.0.0.1:${port}\nDATABASE_URL=${url}`);
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void server.stop().then(() => process.exit(0));
  });
}
