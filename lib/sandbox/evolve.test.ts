import { describe, expect, it } from "vitest";
import { makeKit } from "./sandbox-test-kit";

type TJson = Record<string, unknown>;
const read = async (response: Response) => (await response.json()) as TJson;
const list = async (response: Response) => (await response.json()) as TJson[];

describe("POST _control/evolve", () => {
  it("moves the data of one set of credentials on, deterministically, and Flanks' last_update with it", async () => {
    const kit = makeKit();
    const token = await kit.connect("healthy", "evolve-ana");
    kit.advance(60_000);
    const before = {
      status: await read(await kit.call("POST", "v0/bank/credentials/status", { credentials_token: token })),
      investments: await list(await kit.call("POST", "v0/bank/credentials/investment", { credentials_token: token })),
      liabilities: await list(await kit.call("POST", "v0/bank/credentials/liability", { credentials_token: token })),
      accounts: await list(await kit.call("POST", "v0/bank/credentials/account", { credentials_token: token })),
    };
    kit.advance(3_600_000);
    const evolved = await kit.call("POST", "_control/evolve", { username: "EVOLVE-ana" });
    expect(evolved.status).toBe(200);
    const body = (await evolved.json()) as { evolutions: number; changes: Record<string, Record<string, unknown> | null> };
    expect(body.evolutions).toBe(1);
    await kit.token();
    const changes = body.changes;
    expect(changes.deposit).toMatchObject({ amount: 50_000, currency: "EUR" });
    expect(changes.withdrawal).toMatchObject({ amount: -30_000, currency: "EUR" });
    for (const key of ["grown", "closed", "opened", "priceMoved", "newLiability", "repaidLiability", "mifid"]) expect(changes[key], key).not.toBeNull();

    const after = {
      status: await read(await kit.call("POST", "v0/bank/credentials/status", { credentials_token: token })),
      investments: await list(await kit.call("POST", "v0/bank/credentials/investment", { credentials_token: token })),
      liabilities: await list(await kit.call("POST", "v0/bank/credentials/liability", { credentials_token: token })),
      accounts: await list(await kit.call("POST", "v0/bank/credentials/account", { credentials_token: token })),
      transactions: await list(await kit.call("POST", "v0/bank/credentials/data?page=1&page_size=3", { credentials_token: token })),
    };
    // The daily refresh happened now: the app sees new data.
    expect(after.status.last_update_timestamp).not.toEqual(before.status.last_update_timestamp);
    const isin = (record: TJson) => record.isin;
    expect(after.investments.map(isin)).toContain(changes.opened!.isin);
    expect(after.investments.map(isin)).not.toContain(changes.closed!.isin);
    expect(before.investments.map(isin)).toContain(changes.closed!.isin);
    const grown = after.investments.find((record) => record.isin === changes.grown!.isin)!;
    expect(grown.amount).toBe(changes.grown!.quantityAfter);
    expect(after.liabilities.map((record) => record.name)).toContain(changes.newLiability!.name);
    expect(after.liabilities.map((record) => record.name)).not.toContain(changes.repaidLiability!.name);
    expect(before.liabilities.map((record) => record.name)).toContain(changes.repaidLiability!.name);
    // Newest first, as Flanks pages them: the loan paid in, the withdrawal, the deposit.
    expect(after.transactions.map((record) => record.amount)).toEqual([20_000, -30_000, 50_000]);
    // The current account moved by the deposit, the withdrawal and the loan paid into it.
    expect(Math.round(((after.accounts[0]!.balance as number) - (before.accounts[0]!.balance as number)) * 100)).toBe(40_000_00);

    // Another sandbox, the same credentials and one evolution: the same figures.
    const again = makeKit();
    await again.connect("healthy", "evolve-ana");
    again.advance(3_660_000);
    const second = (await (await again.call("POST", "_control/evolve", { username: "evolve-ana" })).json()) as { changes: TJson };
    expect({ ...second.changes, day: null }).toEqual({ ...changes, day: null });
  });

  it("refuses an unknown username and a bad body", async () => {
    const kit = makeKit();
    await kit.token();
    expect((await kit.call("POST", "_control/evolve", { username: "nobody" })).status).toBe(404);
    expect((await kit.call("POST", "_control/evolve", { username: "" })).status).toBe(400);
  });
});
