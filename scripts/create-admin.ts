import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { z } from "zod";
import { hashPassword, MIN_PASSWORD_LENGTH } from "../lib/auth/password";
import { loadEnv } from "../lib/config/load-env";
import { createPrismaClient } from "../lib/db/create-prisma-client";
import { prepareDatabase } from "./lib/prepare-database";

/** Creates an admin (the first one, when there are no demo accounts). The password comes from ADMIN_PASSWORD or is generated and printed once. */
async function main() {
  const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } } });
  const input = z.object({ email: z.string().trim().toLowerCase().email(), name: z.string().trim().min(1).max(80) }).safeParse(values);
  if (!input.success) {
    console.error('Usage: npm run admin:create -- --email you@firm.com --name "Your Name"   (optional ADMIN_PASSWORD env, at least 12 characters)');
    process.exit(2);
  }
  const password = process.env.ADMIN_PASSWORD ?? randomBytes(12).toString("base64url");
  if (password.length < MIN_PASSWORD_LENGTH) {
    console.error(`ADMIN_PASSWORD must have at least ${MIN_PASSWORD_LENGTH} characters`);
    process.exit(2);
  }
  await prepareDatabase({ seedDemo: false });
  const db = createPrismaClient(loadEnv().databaseUrl);
  try {
    await db.user.create({ data: { email: input.data.email, name: input.data.name, role: "ADMIN", passwordHash: await hashPassword(password) } });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") {
      console.error(`A user with email ${input.data.email} already exists`);
      process.exit(1);
    }
    throw error;
  } finally {
    await db.$disconnect();
  }
  console.log(`Admin ${input.data.email} created.${process.env.ADMIN_PASSWORD ? "" : ` Password: ${password}  (shown once; change it after signing in)`}`);
}

main();
