import { mkdirSync } from "node:fs";
import { loadEnv } from "../../lib/config/load-env";
import { seedDemoData } from "../../prisma/seed";
import { BIN, run } from "./run";

/** Applies committed migrations (existing data is kept) and seeds the demo in sandbox mode. */
export async function prepareDatabase(): Promise<void> {
  const env = loadEnv();
  mkdirSync(env.DATA_DIR, { recursive: true });
  await run(BIN.prisma, ["migrate", "deploy"], { env: { ...process.env, DATABASE_URL: env.databaseUrl }, stdio: ["ignore", "ignore", "inherit"] });
  await seedDemoData();
}
