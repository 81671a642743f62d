import "server-only";
import { createPrismaClient, type PrismaClient } from "./db/create-prisma-client";
import { getEnv } from "./env";

const globalForPrisma = globalThis as unknown as { patrimonioPrisma?: PrismaClient };

/** One Prisma client per process. Only lib/services (and lib/auth) import this. */
export function getDb(): PrismaClient {
  globalForPrisma.patrimonioPrisma ??= createPrismaClient(getEnv().databaseUrl);
  return globalForPrisma.patrimonioPrisma;
}
