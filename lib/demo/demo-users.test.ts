import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/sync/test/test-database";
import { DEMO_ACCOUNTS } from "./demo-accounts";
import { demoUsersProblem, findDemoUsers, REMOVE_DEMO_COMMAND, removeDemoUsers } from "./demo-users";
import { isDemoEmail } from "./is-demo-email";

let database: TTestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  for (const account of DEMO_ACCOUNTS) {
    const user = await db.user.create({ data: { email: account.email, name: account.name, role: account.role, passwordHash: "x" } });
    await db.client.create({ data: { displayName: `Demo of ${account.name}`, contactEmail: "d@example.com", advisorId: user.id } });
  }
  const real = await db.user.create({ data: { email: "real@firm.example", name: "Real", role: "ADMIN", passwordHash: "x" } });
  await db.client.create({ data: { displayName: "Real client", contactEmail: "r@example.com", advisorId: real.id } });
}, 60_000);

afterAll(async () => {
  await database?.close();
});

describe("demo users outside sandbox mode", () => {
  it("recognises the demo emails, whatever their case", () => {
    expect(isDemoEmail("Admin@Patrimonio.Demo")).toBe(true);
    expect(isDemoEmail("someone@patrimonio.demo")).toBe(true);
    expect(isDemoEmail("admin@patrimonio.demo.example.com")).toBe(false);
    expect(isDemoEmail("real@firm.example")).toBe(false);
  });

  it("stop a start against a real Flanks, naming them and the command that removes them", async () => {
    expect(await demoUsersProblem(database.db, true)).toBeNull();
    const problem = await demoUsersProblem(database.db, false);
    expect(problem).toContain("admin@patrimonio.demo");
    expect(problem).toContain(REMOVE_DEMO_COMMAND);
  });

  it("are removed with the clients they own; real users and their clients stay", async () => {
    expect(await removeDemoUsers(database.db)).toEqual({ users: 3, clients: 3 });
    expect(await findDemoUsers(database.db)).toEqual([]);
    expect(await demoUsersProblem(database.db, false)).toBeNull();
    expect((await database.db.client.findMany({ select: { displayName: true } })).map((client) => client.displayName)).toEqual(["Real client"]);
    expect(await removeDemoUsers(database.db)).toEqual({ users: 0, clients: 0 });
  });
});
