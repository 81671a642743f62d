// `npm run db:postgres-schema`: rewrites prisma/postgres/schema.prisma from prisma/schema.prisma
// (scripts/lib/postgres-schema.ts) and generates its client. Run it after every schema change,
// then add a PostgreSQL migration (README, "PostgreSQL"). A unit test fails while the copy is stale.
import { writePostgresSchema, POSTGRES_SCHEMA } from "./lib/postgres-schema";
import { BIN, run } from "./lib/run";

const changed = writePostgresSchema();
console.log(changed ? `${POSTGRES_SCHEMA} rewritten` : `${POSTGRES_SCHEMA} already up to date`);
// Any postgres URL: generating connects to nothing, but the CLI picks its adapter by the URL (prisma.config.ts).
await run(BIN.prisma, ["generate", "--schema", POSTGRES_SCHEMA], { env: { ...process.env, DATABASE_URL: "postgres://localhost/generate" } });
