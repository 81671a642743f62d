// Contract tests: the real client against the sandbox over HTTP (lib/sandbox, served on node:http).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createFlanksClient, type TFlanksClientConfig } from "./client";
import { FlanksError } from "./errors";
import { INVESTMENT_TYPES, investmentTypeOf } from "./schemas";
import { startSandboxServer, type TSandboxServer } from "./test/start-sandbox-server";

let sandbox: TSandboxServer;
/** The sandbox's clock runs ahead by this much, so extraction "finishes" without waiting. */
let clockOffsetMs = 0;

const FAST_RETRY = { baseDelayMs: 10, maxDelayMs: 40, maxRetryAfterMs: 3_000 };

function newClient(extra: Partial<TFlanksClientConfig> = {}) {
  return createFlanksClient({
    apiUrl: sandbox.apiUrl,
    clientId: sandbox.clientId,
    clientSecret: sandbox.clientSecret,
    timeoutMs: 5_000,
    retry: FAST_RETRY,
    ...extra,
  });
}

async function control(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${sandbox.apiUrl}/_control/${path}`, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`control ${method} ${path}: HTTP ${response.status} ${await response.text()}`);
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

async function counters(): Promise<Record<string, number>> {
  const { counts } = (await control("GET", "counters")) as { counts: Record<string, number> };
  return counts;
}

let userSeq = 0;
async function createCode(password = "healthy", username?: string, extra?: Record<string, string>): Promise<string> {
  userSeq += 1;
  const { code } = (await control("POST", "credentials", {
    bank: "testbank",
    username: username ?? `contract-user-${userSeq}`,
    password,
    ...(extra ? { extra } : {}),
  })) as { code: string };
  return code;
}

async function connect(client: ReturnType<typeof newClient>, password = "healthy", username?: string): Promise<string> {
  const result = await client.exchangeLinkCode(await createCode(password, username));
  if (result.kind !== "exchanged") throw new Error(`expected exchanged, got ${result.kind}`);
  // Let the simulated extraction finish: move the sandbox clock forward instead of sleeping.
  clockOffsetMs += 120_000;
  return result.credentials_token;
}

beforeAll(async () => {
  sandbox = await startSandboxServer({ now: () => Date.now() + clockOffsetMs });
});
afterAll(async () => {
  await sandbox?.close();
});
beforeEach(async () => {
  await control("DELETE", "faults");
});

describe("every endpoint against the sandbox", () => {
  let client: ReturnType<typeof newClient>;
  let token: string;

  beforeAll(async () => {
    client = newClient();
    token = await connect(client);
  });

  it("GET v0/bank/available lists testbank", async () => {
    const banks = await client.getAvailableBanks();
    expect(banks.map((bank) => bank.id)).toContain("testbank");
  });

  it("GET v0/platform/link lists an unused code with its extra, POST exchanges it once", async () => {
    const code = await createCode("healthy", undefined, { invitation: "inv_contract" });
    const listed = await client.listLinkCodes(sandbox.linkToken);
    expect(listed.find((entry) => entry.code === code)).toMatchObject({ extra: { invitation: "inv_contract" }, link_token: sandbox.linkToken });
    const exchanged = await client.exchangeLinkCode(code);
    expect(exchanged).toMatchObject({ kind: "exchanged", extra: { invitation: "inv_contract" } });
    expect((await client.listLinkCodes()).some((entry) => entry.code === code)).toBe(false);
  });

  it("POST credentials/status", async () => {
    const status = await client.getStatus(token);
    expect(status.pending).toBe(false);
    expect(status.name).toBe("testbank");
    expect(status.created.product.account).toBe(true);
  });

  it("POST credentials/account, portfolio, investment (every type), holders", async () => {
    const [accounts, portfolios, investments, holders] = await Promise.all([
      client.getAccounts(token),
      client.getPortfolios(token),
      client.getInvestments(token),
      client.getHolders(token),
    ]);
    expect(accounts.records.length).toBeGreaterThan(0);
    expect(portfolios.records.length).toBeGreaterThan(0);
    expect(holders.records.length).toBeGreaterThan(0);
    const types = new Set(investments.records.map((investment) => investmentTypeOf(investment.type)));
    for (const type of INVESTMENT_TYPES) expect(types).toContain(type);
  });

  it("POST credentials/investment/transaction and investment/detail", async () => {
    const transactions = await client.getInvestmentTransactions(token);
    expect(transactions.records.length).toBeGreaterThan(0);
    const details = await client.getInvestmentDetails(token);
    expect(Array.isArray(details.records)).toBe(true);
  });

  it("POST credentials/liability and liability/transaction", async () => {
    const liabilities = await client.getLiabilities(token);
    expect(liabilities.records.length).toBeGreaterThan(0);
    const transactions = await client.getLiabilityTransactions(token);
    expect(transactions.records.length).toBeGreaterThan(0);
  });

  it("POST credentials/card, card/transaction, mifid/raw, auth", async () => {
    const [cards, cardTransactions, mifid, identity] = await Promise.all([
      client.getCards(token),
      client.getCardTransactions(token),
      client.getMifid(token),
      client.getIdentity(token),
    ]);
    expect(cards.records.length).toBeGreaterThan(0);
    expect(cardTransactions.records.length).toBeGreaterThan(0);
    expect(mifid.records.length).toBeGreaterThan(0);
    expect(identity.records.length).toBeGreaterThan(0);
  });

  it("POST credentials/data: one page", async () => {
    const page = await client.getAccountTransactions({ credentials_token: token, page: 1, page_size: 5 });
    expect(page.records).toHaveLength(5);
  });

  it("POST credentials/all with one token and with a list", async () => {
    const one = await client.getAll(token);
    expect(one.accounts.length).toBeGreaterThan(0);
    const second = await connect(client);
    const both = await client.getAll([token, second]);
    expect(both.accounts.length).toBeGreaterThan(one.accounts.length);
  });

  it("POST credentials/list includes the credentials", async () => {
    const list = await client.listCredentials();
    expect(list.items.map((item) => item.credentials_token)).toContain(token);
  });

  it("PUT credentials/status forces sca, reset and transaction", async () => {
    const own = await connect(client);
    const sca = await client.forceStatus(own, "sca");
    expect(sca.token).toBeTruthy();
    expect((await client.getStatus(own)).sca_token).toBe(sca.token);
    const reset = await client.forceStatus(own, "reset");
    expect((await client.getStatus(own)).reset_token).toBe(reset.token);
    const transaction = await client.forceStatus(own, "transaction");
    expect(transaction.token).toBeTruthy();
  });

  it("DELETE credentials, then the token is unknown", async () => {
    const own = await connect(client);
    await expect(client.deleteCredentials(own)).resolves.toMatchObject({ isAlreadyDeleted: false });
    const error = await client.getStatus(own).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FlanksError);
    expect(["not_found", "bad_request", "unauthorized"]).toContain((error as FlanksError).kind);
  });
});

describe("pagination", () => {
  it("walks every page of account transactions", async () => {
    const client = newClient();
    const token = await connect(client, "healthy", `pager-tx=25-${Date.now()}`);
    await control("POST", "counters/reset");
    const all = await client.getAllAccountTransactions(token, { pageSize: 10 });
    expect(all.records).toHaveLength(25);
    expect(new Set(all.records.map((row) => row._id)).size).toBe(25);
    // 10 + 10 + 5, then the empty page that proves the end.
    expect((await counters())["POST v0/bank/credentials/data"]).toBe(4);
  });
});

describe("link-code exchange", () => {
  it("exchanges once; a second exchange is an error; no retry on the exchange", async () => {
    const client = newClient();
    const code = await createCode();
    await expect(client.exchangeLinkCode(code)).resolves.toMatchObject({ kind: "exchanged" });
    const second = await client.exchangeLinkCode(code).catch((e: unknown) => e);
    expect(second).toBeInstanceOf(FlanksError);
    expect((second as FlanksError).kind).not.toBe("contract");

    const other = await createCode();
    await control("POST", "faults", { endpoint: "v0/platform/link", status: 503, times: 5 });
    await control("POST", "counters/reset");
    const error = await client.exchangeLinkCode(other).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "unavailable", status: 503, isOutcomeUnknown: true });
    expect((await counters())["POST v0/platform/link"]).toBe(1);
  });

  it("answers delayed (202) under security checks, then exchanges", async () => {
    const client = newClient();
    const code = await createCode("delayed");
    await expect(client.exchangeLinkCode(code)).resolves.toMatchObject({ kind: "delayed" });
    await expect(client.exchangeLinkCode(code)).resolves.toMatchObject({ kind: "exchanged" });
  });

  it("ready: the status read right after the exchange already says the extraction is finished", async () => {
    const client = newClient();
    const result = await client.exchangeLinkCode(await createCode("ready"));
    if (result.kind !== "exchanged") throw new Error(`expected exchanged, got ${result.kind}`);
    const status = await client.getStatus(result.credentials_token);
    expect(status).toMatchObject({ pending: false, sca_token: null, reset_token: null });
    expect(status.last_update).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(Object.values(status.created.product).every(Boolean)).toBe(true);
  });

  it("reports a timeout on the exchange as outcome unknown", async () => {
    const client = newClient();
    const code = await createCode();
    await control("POST", "faults", { endpoint: "v0/platform/link", hang: true, times: 1 });
    const error = await client.exchangeLinkCode(code, { timeoutMs: 300 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "timeout", isOutcomeUnknown: true });
    expect((error as Error).message).toMatch(/outcome unknown/);
  });
});

describe("token, faults and retries", () => {
  let client: ReturnType<typeof newClient>;
  let token: string;

  beforeAll(async () => {
    client = newClient();
    token = await connect(client);
  });

  it("20 concurrent calls that all need a token cause exactly one POST v0/token", async () => {
    const fresh = newClient();
    await control("POST", "counters/reset");
    await Promise.all(Array.from({ length: 20 }, () => fresh.getAccounts(token)));
    const counts = await counters();
    expect(counts["POST v0/token"]).toBe(1);
    expect(counts["POST v0/bank/credentials/account"]).toBe(20);
  });

  it("401 (expired token) → exactly one refresh and one retry", async () => {
    await client.getAccounts(token); // a cached token
    await control("POST", "expire-token");
    await control("POST", "counters/reset");
    expect((await client.getAccounts(token)).records).not.toHaveLength(0);
    const counts = await counters();
    expect(counts["POST v0/token"]).toBe(1);
    expect(counts["POST v0/bank/credentials/account"]).toBe(2);
  });

  it("401 for 10 concurrent callers → still one refresh", async () => {
    await client.getAccounts(token);
    await control("POST", "expire-token");
    await control("POST", "counters/reset");
    await Promise.all(Array.from({ length: 10 }, () => client.getCards(token)));
    expect((await counters())["POST v0/token"]).toBe(1);
  });

  it("429 with Retry-After → waits about that long, then succeeds", async () => {
    await client.getAccounts(token);
    await control("POST", "faults", { endpoint: "v0/bank/credentials/account", status: 429, retryAfterSeconds: 1, times: 1 });
    await control("POST", "counters/reset");
    const startedAt = Date.now();
    expect((await client.getAccounts(token)).records).not.toHaveLength(0);
    const elapsed = Date.now() - startedAt;
    expect(elapsed).toBeGreaterThanOrEqual(950);
    expect(elapsed).toBeLessThan(2_500);
    expect((await counters())["POST v0/bank/credentials/account"]).toBe(2);
  });

  it("5xx → bounded retries, then success or an unavailable error", async () => {
    await client.getAccounts(token);
    await control("POST", "faults", { endpoint: "v0/bank/credentials/account", status: 502, times: 2 });
    await control("POST", "counters/reset");
    expect((await client.getAccounts(token)).records).not.toHaveLength(0);
    expect((await counters())["POST v0/bank/credentials/account"]).toBe(3);

    await control("POST", "faults", { endpoint: "v0/bank/credentials/account", status: 500, times: 10 });
    await control("POST", "counters/reset");
    await expect(client.getAccounts(token)).rejects.toMatchObject({ kind: "unavailable", status: 500, attempts: 3 });
    expect((await counters())["POST v0/bank/credentials/account"]).toBe(3);
  });

  it("hang → timeout error", async () => {
    await client.getAccounts(token);
    await control("POST", "faults", { endpoint: "v0/bank/credentials/portfolio", hang: true, times: 1 });
    const startedAt = Date.now();
    await expect(client.getPortfolios(token, { timeoutMs: 300 })).rejects.toMatchObject({ kind: "timeout" });
    expect(Date.now() - startedAt).toBeLessThan(2_000);
  });

  it("latency below the timeout is just slower", async () => {
    await control("POST", "faults", { endpoint: "v0/bank/credentials/holder", latencyMs: 200, times: 1 });
    expect((await client.getHolders(token, { timeoutMs: 2_000 })).records).not.toHaveLength(0);
  });

  it("unknown credentials → a typed error, not a crash", async () => {
    const error = await client.getAccounts("ct-does-not-exist-000000").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FlanksError);
    expect((error as FlanksError).message).not.toContain("ct-does-not-exist-000000");
  });

  it("a contract break in one record of a real answer → that record set aside, naming the field", async () => {
    // Corrupt one field of the sandbox's real answer on the way back.
    const corrupting: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (!String(input).endsWith("/v0/bank/credentials/investment")) return response;
      const body = (await response.json()) as Array<Record<string, unknown>>;
      if (body[1]) body[1].balance = "not-a-number";
      return new Response(JSON.stringify(body), { status: response.status, headers: { "Content-Type": "application/json" } });
    };
    const broken = newClient({ fetch: corrupting });
    const list = await broken.getInvestments(token);
    expect(list.records).toHaveLength(list.received - 1);
    expect(list.setAside.map((item) => item.issues)).toEqual([[{ path: "investment[1].balance", message: "expected number, received string" }]]);
  });
});

describe("JWE", () => {
  it("round trip: bodies go as application/jose and the sandbox answers them", async () => {
    const contentTypes: string[] = [];
    const spying: typeof fetch = (input, init) => {
      const type = new Headers(init?.headers).get("content-type");
      if (type) contentTypes.push(type);
      return fetch(input, init);
    };
    const client = newClient({ jwe: true, fetch: spying });
    await control("POST", "counters/reset");
    const token = await connect(client);
    const [status, accounts] = await Promise.all([client.getStatus(token), client.getAccounts(token)]);
    expect(status.name).toBe("testbank");
    expect(accounts.records.length).toBeGreaterThan(0);
    await client.forceStatus(token, "sca");
    expect(contentTypes.length).toBeGreaterThanOrEqual(5);
    expect(new Set(contentTypes)).toEqual(new Set(["application/jose"]));
    const counts = await counters();
    const jwksFetches = Object.entries(counts)
      .filter(([key]) => key.includes("jwks"))
      .reduce((sum, [, n]) => sum + n, 0);
    expect(jwksFetches).toBeLessThanOrEqual(1);
  });
});
