// npm run demo:remove — deletes the demo users of sandbox mode (and the demo clients they own), so
// the app can start against a real Flanks. See lib/demo/demo-users.ts.
import { loadEnv } from "../lib/config/load-env";
import { createPrismaClient } from "../lib/db/create-prisma-client";
import { findDemoUsers, removeDemoUsers } from "../lib/demo/demo-users";
import { prepareDatabase } from "./lib/prepare-database";

async function main() {
  const env = loadEnv();
  if (env.isSandboxMode) {
    console.error("Sandbox mode (no FLANKS_CLIENT_ID): the demo users would be seeded again at the next start. Set FLANKS_CLIENT_ID first.");
    process.exit(2);
  }
  await prepareDatabase();
  const db = createPrismaClient(env.databaseUrl);
  try {
    const emails = await findDemoUsers(db);
    const removed = await removeDemoUsers(db);
    console.log(emails.length ? `Removed ${removed.users} demo users (${emails.join(", ")}) and ${removed.clients} demo clients.` : "No demo users.");
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
