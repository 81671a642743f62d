import Database from "better-sqlite3";
import { existsSync, statSync } from "node:fs";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/sync/test/test-database";
import { flushErasureToDisk } from "./flush-erasure";

let database: TTestDatabase;
const walOf = (url: string) => `${url.replace(/^file:/, "")}-wal`;

beforeAll(async () => {
  database = await createTestDatabase({ wal: true });
  await database.db.user.create({ data: { id: "u", email: "a@example.com", name: "A", passwordHash: "x" } });
}, 60_000);

afterAll(async () => {
  await database?.close();
});

it("empties the WAL file once no reader holds an older snapshot", async () => {
  expect(statSync(walOf(database.url)).size).toBeGreaterThan(0);
  expect(await flushErasureToDisk(database.url)).toEqual({ isFlushed: true, attempts: 1 });
  expect(existsSync(walOf(database.url)) ? statSync(walOf(database.url)).size : 0).toBe(0);
});

it("says so (and logs) when a reader keeps the WAL busy through every attempt", async () => {
  await database.db.user.update({ where: { id: "u" }, data: { name: "B" } });
  const reader = new Database(database.url.replace(/^file:/, ""));
  reader.prepare("BEGIN").run();
  reader.prepare("SELECT count(*) FROM User").get();
  const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
  try {
    expect(await flushErasureToDisk(database.url, { attempts: 3, delayMs: 1 })).toEqual({ isFlushed: false, attempts: 3 });
    expect(logged).toHaveBeenCalledOnce();
  } finally {
    reader.prepare("COMMIT").run();
    reader.close();
  }
  expect((await flushErasureToDisk(database.url)).isFlushed).toBe(true);
});
