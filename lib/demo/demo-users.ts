import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DEMO_EMAIL_DOMAIN } from "./is-demo-email";

type TDb = Pick<PrismaClient, "user" | "client" | "$transaction">;

export const REMOVE_DEMO_COMMAND = "npm run demo:remove";

/** Emails of the demo users in the database (seeded by an earlier start in sandbox mode). */
export async function findDemoUsers(db: Pick<PrismaClient, "user">): Promise<string[]> {
  const users = await db.user.findMany({ where: { email: { endsWith: DEMO_EMAIL_DOMAIN } }, select: { email: true }, orderBy: { email: "asc" } });
  return users.map((user) => user.email);
}

/**
 * Refusal of a start against a real Flanks while demo users exist: their passwords are in the
 * README, so anyone could sign in as the demo admin. Null when there is nothing to refuse.
 */
export async function demoUsersProblem(db: Pick<PrismaClient, "user">, isSandboxMode: boolean): Promise<string | null> {
  if (isSandboxMode) return null;
  const emails = await findDemoUsers(db);
  if (emails.length === 0) return null;
  return [
    `Refusing to start: FLANKS_CLIENT_ID is set (a real Flanks) but the database still holds the demo users`,
    `of sandbox mode, whose passwords are published: ${emails.join(", ")}.`,
    `Remove them (and the demo clients they own, with their sandbox connections) with:`,
    `  ${REMOVE_DEMO_COMMAND}`,
    `then start again. Create your first admin with: npm run admin:create -- --email you@firm.com --name "Your Name"`,
  ].join("\n");
}

/**
 * Deletes the demo users, their sessions and the clients they advise (whose connections and data
 * were made by the sandbox and go with them). Audit entries stay. Clients of real advisors are untouched.
 */
export async function removeDemoUsers(db: TDb): Promise<{ users: number; clients: number }> {
  return db.$transaction(async (tx) => {
    const users = await tx.user.findMany({ where: { email: { endsWith: DEMO_EMAIL_DOMAIN } }, select: { id: true } });
    const ids = users.map((user) => user.id);
    const clients = await tx.client.deleteMany({ where: { advisorId: { in: ids } } });
    const deleted = await tx.user.deleteMany({ where: { id: { in: ids } } });
    return { users: deleted.count, clients: clients.count };
  });
}
