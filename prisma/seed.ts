import { hashPassword } from "../lib/auth/password";
import { loadEnv } from "../lib/config/load-env";
import { createPrismaClient } from "../lib/db/create-prisma-client";
import { DEMO_ACCOUNTS } from "../lib/demo/demo-accounts";

const DEMO_CLIENTS: Record<string, { displayName: string; contactEmail: string; externalRef: string | null }[]> = {
  "ana@patrimonio.demo": [
    { displayName: "Carmen Ruiz Ortega", contactEmail: "carmen.ruiz@example.com", externalRef: "CRM-1001" },
    { displayName: "Javier Morales Gil", contactEmail: "javier.morales@example.com", externalRef: "CRM-1002" },
    { displayName: "Lucía Fernández Soto", contactEmail: "lucia.fernandez@example.com", externalRef: null },
    { displayName: "Familia Navarro Blanco", contactEmail: "navarro.familia@example.com", externalRef: "CRM-1004" },
    { displayName: "Miguel Ángel Castro", contactEmail: "ma.castro@example.com", externalRef: null },
    { displayName: "Sofía Herrera Prieto", contactEmail: "sofia.herrera@example.com", externalRef: "CRM-1006" },
  ],
  "luis@patrimonio.demo": [
    { displayName: "Andrés Vega Molina", contactEmail: "andres.vega@example.com", externalRef: "LV-01" },
    { displayName: "Beatriz Lozano Cano", contactEmail: "beatriz.lozano@example.com", externalRef: null },
    { displayName: "Inversiones Delgado SL", contactEmail: "admin@delgado.example.com", externalRef: "LV-03" },
  ],
};

/** Demo accounts and clients, only in sandbox mode; idempotent (existing rows are left as they are). */
export async function seedDemoData(): Promise<"seeded" | "skipped"> {
  const env = loadEnv();
  if (!env.isSandboxMode) return "skipped";
  const db = createPrismaClient(env.databaseUrl);
  try {
    for (const account of DEMO_ACCOUNTS) {
      const existing = await db.user.findUnique({ where: { email: account.email } });
      const user =
        existing ??
        (await db.user.create({ data: { email: account.email, name: account.name, role: account.role, passwordHash: await hashPassword(account.password) } }));
      const clients = DEMO_CLIENTS[account.email] ?? [];
      if (!existing && clients.length) {
        await db.client.createMany({ data: clients.map((client) => ({ ...client, advisorId: user.id })) });
      }
    }
    return "seeded";
  } finally {
    await db.$disconnect();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  seedDemoData().then((result) => console.log(`Demo data: ${result}`));
}
