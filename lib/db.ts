import "server-only";
import { createPrismaClient, type PrismaClient } from "./db/create-prisma-client";
import { createReadConnection, type TReadConnection } from "./db/read-connection";
import { getEnv } from "./env";

const globalForPrisma = globalThis as unknown as { patrimonioPrisma?: PrismaClient; patrimonioReadDb?: TReadConnection };

/** One Prisma client per process. Only lib/services (and lib/auth) import this. */
export function getDb(): PrismaClient {
  globalForPrisma.patrimonioPrisma ??= createPrismaClient(getEnv().databaseUrl);
  return globalForPrisma.patrimonioPrisma;
}

/** A read-only connection for the prepared reads of every page (lib/db/read-connection.ts); lib/auth and lib/services only. */
export function getReadDb(): TReadConnection {
  globalForPrisma.patrimonioReadDb ??= createReadConnection(getEnv().databaseUrl);
  return globalForPrisma.patrimonioReadDb;
}
