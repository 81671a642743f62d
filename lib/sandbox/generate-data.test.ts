import { describe, expect, it } from "vitest";
import { INVESTMENT_TYPES } from "./catalog";
import { credentialsSeed, generateCredentialsData, generateForLogin, type TRecord } from "./generate-data";
import { isValidIban, isValidIsin } from "./identifiers";
import { volumeFromUsername } from "./scenarios";

const base = { credentialsToken: "tok-ana", asOf: "2025-06-30", updatedAtTimestamp: 1_751_241_600 };
const ana = () => generateForLogin("testbank", "ana", base);

/** Every number reachable through `path` in a list of records. */
function maxDecimals(value: number): number {
  const text = String(value);
  return text.includes("e") ? 99 : (text.split(".")[1]?.length ?? 0);
}

describe("generateCredentialsData", () => {
  it("is deterministic: the same seed and options give the same data", () => {
    const a = ana();
    const b = ana();
    expect(JSON.stringify({ ...a, accountTransactions: a.accountTransactions.page(1, 50) })).toBe(
      JSON.stringify({ ...b, accountTransactions: b.accountTransactions.page(1, 50) }),
    );
    const other = generateForLogin("testbank", "bea", base);
    expect(other.accounts[0]?.iban).not.toBe(a.accounts[0]?.iban);
  });

  it("has known values for testbank / ana (documented in docs/sandbox.md)", () => {
    const data = ana();
    expect(data.accounts.map((a) => [a.iban, a.currency])).toEqual([
      ["ES5190003167250930459703", "EUR"],
      ["ES2590003167291288295691", "USD"],
    ]);
    expect(data.accounts[0]?.balance).toBe(9269.2);
    expect(data.identity.fullName).toBe("Miguel Sánchez Hernández");
    expect(data.identity.identityDocument).toBe("48893270P");
    expect(data.accountTransactions.count).toBe(500);
    const newest = data.accountTransactions.page(1, 1)[0];
    expect(newest).toMatchObject({ amount: -29.87, balance: 9269.2, operationDate: "2025-06-29", account_id: "ES5190003167250930459703" });
  });

  it("ids depend on the credentials token, values on the seed only", () => {
    const a = ana();
    const b = generateForLogin("testbank", "ana", { ...base, credentialsToken: "another" });
    expect(b.accounts[0]?._id).not.toBe(a.accounts[0]?._id);
    expect(b.accounts[0]?.iban).toBe(a.accounts[0]?.iban);
    expect(b.accounts[0]?.balance).toBe(a.accounts[0]?.balance);
    expect(credentialsSeed("testbank", "  Ana ")).toBe("testbank:ana");
  });

  it("contains every investment type of the reference, with the type-specific fields", () => {
    const { investments } = ana();
    expect(new Set(investments.map((i) => i.type))).toEqual(new Set(INVESTMENT_TYPES));
    for (const investment of investments) {
      const detail = investment.performance_detail as Record<string, number>;
      expect(Object.keys(detail).sort()).toEqual(["HalfYear", "InitialToDate", "InitialToDateYearly", "MTD", "QTD", "YTD", "Yearly"]);
      // Ratios over 1, not percentages.
      for (const value of Object.values(detail)) expect(Math.abs(value)).toBeLessThan(1);
      expect(Array.isArray(investment.country_model)).toBe(true);
      if (investment.type !== "F") expect(investment.cnmv).toBeNull();
      if (investment.type !== "PP") expect(investment.dgs).toBeNull();
      if (investment.type === "PP") expect(Object.keys(investment.dgs as object).sort()).toEqual(["cif_gestora", "gestora"]);
      expect(investment).toHaveProperty("sybtype");
    }
    expect(investments.some((i) => i.type === "F" && i.cnmv !== null)).toBe(true);
  });

  it("uses valid ISINs and IBANs", () => {
    const { investments, accounts } = ana();
    const isinLike = investments.map((i) => String(i.isin)).filter((isin) => /^[A-Z]{2}[A-Z0-9]{10}$/.test(isin));
    expect(isinLike.length).toBeGreaterThan(8);
    for (const isin of isinLike) expect(isValidIsin(isin)).toBe(true);
    expect(new Set(isinLike.map((isin) => isin.slice(0, 2))).size).toBeGreaterThan(2);
    for (const account of accounts) expect(isValidIban(String(account.iban))).toBe(true);
  });

  it("has EUR and USD accounts, cards, liabilities of each type, MiFID and holders", () => {
    const data = ana();
    expect(new Set(data.accounts.map((a) => a.currency))).toEqual(new Set(["EUR", "USD"]));
    expect(data.cards.length).toBeGreaterThanOrEqual(2);
    expect(data.cardTransactions.length).toBeGreaterThan(40);
    expect(new Set(data.liabilities.map((l) => l.type))).toEqual(new Set(["Loan", "Credit", "Confirming"]));
    expect(data.liabilityTransactions.length).toBeGreaterThan(10);
    expect(data.mifid[0]).toEqual({ _id: 1, question: expect.any(String), answer: [expect.any(String)] });
    const productIds = new Set([...data.accounts, ...data.cards, ...data.portfolios, ...data.liabilities].map((p) => p._id));
    for (const holder of data.holders) expect(productIds.has(holder.product_id)).toBe(true);
    // Portfolio balances are the sum of their investments.
    for (const portfolio of data.portfolios) {
      const sum = data.investments.filter((i) => i.portfolio_id === portfolio._id).reduce((s, i) => s + Number(i.balance), 0);
      expect(portfolio.balance).toBeCloseTo(sum, 1);
    }
  });

  it("makes documented nullable fields really null sometimes, and adds undocumented fields to a few records", () => {
    const many = ["ana", "bea", "carlos", "dani", "eva", "fran"].map((u) => generateForLogin("banco-meseta", u, { ...base, credentialsToken: u }));
    const transactions = many.flatMap((d) => d.accountTransactions.page(1, 200));
    const all: TRecord[] = many.flatMap((d) => [...d.accounts, ...d.cards, ...d.cardTransactions, ...d.investments, ...d.liabilities, ...d.portfolios]);
    const share = (records: TRecord[], field: string) => records.filter((r) => r[field] === null).length / records.length;
    expect(share(transactions, "category")).toBeGreaterThan(0);
    expect(share(transactions, "category")).toBeLessThan(0.5);
    expect(share(transactions, "transaction_id")).toBeGreaterThan(0);
    expect(
      share(
        many.flatMap((d) => d.investments),
        "initial_date",
      ),
    ).toBeGreaterThan(0);
    expect(
      share(
        many.flatMap((d) => d.cards),
        "product",
      ),
    ).toBeGreaterThanOrEqual(0);
    expect(many.some((d) => d.identity.sector === null || d.identity.occupation === null)).toBe(true);
    expect([...all, ...transactions].some((r) => "sandbox_note" in r)).toBe(true);
    expect(all.every((r) => typeof r.updated_at_timestamp === "number" || !("updated_at_timestamp" in r))).toBe(true);
  });

  it("writes money with at most two decimals", () => {
    const data = ana();
    const moneyFields: [TRecord[], string[]][] = [
      [data.accounts, ["balance"]],
      [data.accountTransactions.page(1, 500), ["amount", "balance"]],
      [data.cardTransactions, ["amount", "commission"]],
      [data.investments, ["balance", "cost", "capital_gain"]],
      [data.liabilities, ["balance"]],
      [data.liabilityTransactions, ["amount", "balance", "interest"]],
      [data.portfolios, ["balance"]],
    ];
    for (const [records, fields] of moneyFields) {
      for (const record of records)
        for (const field of fields) if (typeof record[field] === "number") expect(maxDecimals(record[field] as number)).toBeLessThanOrEqual(2);
    }
  });

  it("fills external_id from the credentials' external id, null without one", () => {
    const withExternal = generateForLogin("testbank", "ana", { ...base, externalId: "client-42" });
    expect(withExternal.accounts[0]?.external_id).toEqual(expect.any(String));
    expect(ana().accounts[0]?.external_id).toBeNull();
  });

  it("an empty bank has identity only", () => {
    const data = generateCredentialsData(credentialsSeed("testbank", "ana"), { ...base, bankId: "testbank", empty: true });
    expect(data.accounts).toEqual([]);
    expect(data.investments).toEqual([]);
    expect(data.accountTransactions.count).toBe(0);
    expect(data.accountTransactions.page(1, 10)).toEqual([]);
    expect(data.identity._id).toBe("tok-ana");
  });
});

describe("account transactions at volume", () => {
  it("reads the volume from the username", () => {
    expect(volumeFromUsername("ana")).toEqual({ accountTransactions: 500, years: 3 });
    expect(volumeFromUsername("ana.big")).toEqual({ accountTransactions: 100_000, years: 6 });
    expect(volumeFromUsername("ana tx=2500")).toEqual({ accountTransactions: 2_500, years: 3 });
    expect(volumeFromUsername("ana-tx=0").accountTransactions).toBe(0);
    expect(volumeFromUsername("tx=100000-years=10")).toEqual({ accountTransactions: 100_000, years: 10 });
    expect(volumeFromUsername("bench.tx=9000.years=10.positions=40")).toEqual({ accountTransactions: 9_000, years: 10, positions: 40 });
  });

  it("pages through 100 000 transactions consistently, without materialising them", () => {
    const data = generateForLogin("testbank", "ana.big", { ...base, credentialsToken: "tok-big" });
    const view = data.accountTransactions;
    expect(view.count).toBe(100_000);
    const pageSize = 1_000;
    // Newest first; pages join without gaps or overlap.
    const first = view.page(1, pageSize);
    const middle = view.page(50, pageSize);
    const last = view.page(100, pageSize);
    expect(first).toHaveLength(pageSize);
    expect(last).toHaveLength(pageSize);
    expect(view.page(101, pageSize)).toEqual([]);
    expect(first[0]?.operationDate).toBe("2025-06-29");
    expect(last.at(-1)?._id).toBe(view.range(99_999, 100_000)[0]?._id);
    const joined = [...view.page(49, pageSize), ...middle];
    expect(new Set(joined.map((t) => t._id)).size).toBe(2 * pageSize);
    for (let i = 1; i < joined.length; i++) expect(String(joined[i - 1]?.operationDate) >= String(joined[i]?.operationDate)).toBe(true);
    // A page read alone equals the same records read as part of a bigger range.
    expect(view.range(49_500, 49_510)).toEqual(view.page(50, pageSize).slice(500, 510));
    // Running balances are consistent per account: balance(new) = balance(older) + amount(new).
    const byAccount = new Map<string, TRecord[]>();
    for (const t of middle) byAccount.set(String(t.account_id), [...(byAccount.get(String(t.account_id)) ?? []), t]);
    for (const list of byAccount.values()) {
      for (let i = 0; i + 1 < list.length; i++) {
        const newer = list[i];
        const older = list[i + 1];
        if (typeof newer?.balance === "number" && typeof older?.balance === "number") {
          expect(newer.balance).toBeCloseTo(older.balance + Number(newer.amount), 2);
        }
      }
    }
    // The newest balance of each account is the account's balance.
    for (const account of data.accounts) {
      const newest = first.find((t) => t.account_id === account.iban && t.balance !== null);
      if (newest && first.indexOf(newest) === first.findIndex((t) => t.account_id === account.iban)) expect(newest.balance).toBe(account.balance);
    }
  });
});

describe("positions at volume", () => {
  it("gives at least `positions=N` positions with distinct ids and ISINs, and leaves the default untouched", () => {
    const many = generateForLogin("banco-meseta", "bench.positions=40", base);
    expect(many.investments.length).toBeGreaterThanOrEqual(40);
    expect(new Set(many.investments.map((inv) => inv._id)).size).toBe(many.investments.length);
    expect(new Set(many.investments.map((inv) => inv.isin)).size).toBe(many.investments.length);
    expect(generateForLogin("testbank", "ana", base).investments.length).toBe(ana().investments.length);
  });
});

describe("joint accounts (households)", () => {
  const joint = (bank: string, username: string) =>
    generateForLogin(bank, username, { ...base, credentialsToken: `tok-${username}` }).accounts.find((a) => a.alias === "Cuenta Conjunta");
  const compact = (iban: unknown) => String(iban).replace(/\s/g, "");

  it("two usernames naming the same key at one bank hold the same account, whichever way its IBAN is printed", () => {
    const carmen = joint("testbank", "carmen-joint-casa1");
    const pablo = joint("testbank", "pablo-joint-casa1-iban-spaced");
    expect(carmen).toBeTruthy();
    expect(pablo!.iban).toMatch(/^ES\d{2} \d{4} /);
    expect(compact(pablo!.iban)).toBe(carmen!.iban);
    expect(isValidIban(String(carmen!.iban))).toBe(true);
    expect(pablo!.balance).toBe(carmen!.balance);
    expect(pablo!._id).not.toBe(carmen!._id);
  });

  it("another key, or another bank, is another account; no key, no joint account", () => {
    const carmen = joint("testbank", "carmen-joint-casa1");
    expect(joint("testbank", "carmen-joint-casa2")!.iban).not.toBe(carmen!.iban);
    expect(joint("banco-meseta", "carmen-joint-casa1")!.iban).not.toBe(carmen!.iban);
    expect(joint("testbank", "carmen")).toBeUndefined();
    // The rest of the data is the username's own, as before.
    const plain = generateForLogin("testbank", "carmen-joint-casa1", base).accounts.filter((a) => a.alias !== "Cuenta Conjunta");
    expect(plain.length).toBeGreaterThan(0);
  });
});

describe("a remunerated deposit (insights: the deposit guarantee)", () => {
  it('"deposit-N" adds an account of exactly N euros held by the owner alone, and changes nothing else', () => {
    const withDeposit = generateForLogin("testbank", "marta-deposit-95000", base);
    // The same seed without the option: every other record is the same.
    const plain = generateCredentialsData(credentialsSeed("testbank", "marta-deposit-95000"), {
      ...base,
      bankId: "testbank",
      volume: volumeFromUsername("marta-deposit-95000"),
    });
    const deposit = withDeposit.accounts.find((a) => a.alias === "Cuenta Remunerada");
    expect(deposit).toMatchObject({ balance: 95000, currency: "EUR", numOwners: 1, owners: [withDeposit.identity.fullName] });
    expect(isValidIban(String(deposit!.iban))).toBe(true);
    expect(withDeposit.holders).toContainEqual(expect.objectContaining({ product_id: deposit!._id, rel: "Titular" }));
    expect(generateForLogin("testbank", "marta", base).accounts.find((a) => a.alias === "Cuenta Remunerada")).toBeUndefined();
    expect(withDeposit.accounts.filter((a) => a !== deposit)).toEqual(plain.accounts);
    expect(withDeposit.investments).toEqual(plain.investments);
  });
});
