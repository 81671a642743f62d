/** Demo sign-ins, seeded only in sandbox mode (no FLANKS_CLIENT_ID). Shown on the sign-in page, the console and the README. */
export const DEMO_ACCOUNTS = [
  { email: "admin@patrimonio.demo", name: "Alicia Admin", role: "ADMIN", password: "demo-admin-2026" },
  { email: "ana@patrimonio.demo", name: "Ana Asesora", role: "ADVISOR", password: "demo-advisor-2026" },
  { email: "luis@patrimonio.demo", name: "Luis Asesor", role: "ADVISOR", password: "demo-advisor-2026" },
] as const;
