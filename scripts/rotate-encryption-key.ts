import { z } from "zod";
import { loadEnv } from "../lib/config/load-env";
import { rotateEncryptionKey } from "../lib/crypto/rotate-encryption-key";
import { createPrismaClient } from "../lib/db/create-prisma-client";

/**
 * `npm run keys:rotate`: re-encrypts every token stored sealed (credentials, SCA and reset tokens,
 * pending link codes) under a new ENCRYPTION_KEY and recomputes the keyed lookup hashes.
 * Stop the app first. Safe to run again, also after a crash halfway. See lib/crypto/rotate-encryption-key.ts.
 *
 *   generated key (DATA_DIR/secrets.json):   npm run keys:rotate
 *   ENCRYPTION_KEY set in the environment:   NEW_ENCRYPTION_KEY=$(openssl rand -base64 32) npm run keys:rotate
 */
const ZArgsSchema = z.object({ NEW_ENCRYPTION_KEY: z.string().trim().min(1).optional().catch(undefined) });

async function main(): Promise<void> {
  const env = loadEnv();
  const { NEW_ENCRYPTION_KEY } = ZArgsSchema.parse(process.env);
  const db = createPrismaClient(env.databaseUrl);
  try {
    const outcome = await rotateEncryptionKey({
      db,
      dataDir: env.DATA_DIR,
      configuredKey: env.ENCRYPTION_KEY,
      newKey: NEW_ENCRYPTION_KEY,
      log: (line) => console.log(line),
    });
    const { connections, linkCodes, unreadable } = outcome;
    console.log(`Connections: ${connections.total} (${connections.resealed} re-encrypted, ${connections.alreadyNew} already under the new key).`);
    console.log(
      `Link code exchanges: ${linkCodes.total} (${linkCodes.resealed} re-encrypted, ${linkCodes.alreadyNew} already done, ` +
        `${linkCodes.hashNotRecomputable} finished exchanges whose code is not kept: their hash cannot be recomputed).`,
    );
    if (unreadable.length) {
      console.warn(`Not readable with either key, left as they were:\n  ${unreadable.join("\n  ")}`);
      process.exitCode = 2;
    }
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(`✗ ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
