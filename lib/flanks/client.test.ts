import { describe, expect, it } from "vitest";
import { createFlanksClient, type TFlanksClientConfig } from "./client";
import { FlanksContractError, FlanksError } from "./errors";
import { backoffDelayMs, DEFAULT_RETRY, parseRetryAfterMs } from "./retry";
import { createFakeFetch, FAKE_API_URL, jsonResponse, type TFakeRoute } from "./test/fake-fetch";
import * as fx from "./test/fixtures/reference-examples";

const SECRET = "sk-live-0123456789abcdef-SECRET";
const CT = "ct-secret-credentials-token-987654321";

function setup(routes: Record<string, TFakeRoute>, extra: Partial<TFlanksClientConfig> = {}) {
  const fake = createFakeFetch({
    "POST v0/token": ({ call }) => jsonResponse({ ...fx.tokenResponse, access_token: `access-token-number-${call}` }),
    ...routes,
  });
  const logs: string[] = [];
  const logger = Object.fromEntries(
    (["debug", "info", "warn", "error"] as const).map((level) => [
      level,
      (message: string, meta?: Record<string, unknown>) => logs.push(`${level} ${message} ${JSON.stringify(meta)}`),
    ]),
  );
  const client = createFlanksClient({
    apiUrl: FAKE_API_URL,
    clientId: "patrimonio",
    clientSecret: SECRET,
    fetch: fake.fetch,
    logger,
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    timeoutMs: 500,
    ...extra,
  });
  return { client, fake, logs };
}

describe("createFlanksClient (against a fake fetch)", () => {
  it("sends client credentials to v0/token and the Bearer token to data endpoints", async () => {
    const { client, fake } = setup({ "POST v0/bank/credentials/portfolio": () => jsonResponse(fx.portfolios) });
    const portfolios = await client.getPortfolios(CT);
    expect(portfolios.records).toHaveLength(2);
    expect(fake.calls[0]?.body).toEqual({ client_id: "patrimonio", client_secret: SECRET, grant_type: "client_credentials" });
    expect(fake.calls[1]?.headers.get("authorization")).toBe("Bearer access-token-number-1");
    expect(fake.calls[1]?.body).toEqual({ credentials_token: CT });
  });

  it("reuses the cached token and shares one refresh among concurrent callers", async () => {
    const { client, fake } = setup({ "POST v0/bank/credentials/card": () => jsonResponse(fx.cards) });
    await Promise.all(Array.from({ length: 20 }, () => client.getCards(CT)));
    await client.getCards(CT);
    expect(fake.count("POST v0/token")).toBe(1);
    expect(fake.count("POST v0/bank/credentials/card")).toBe(21);
  });

  it("on 401 refreshes exactly once and retries once", async () => {
    const { client, fake } = setup({
      "POST v0/bank/credentials/holder": ({ headers }) =>
        headers.get("authorization") === "Bearer access-token-number-1" ? jsonResponse({ message: "expired" }, 401) : jsonResponse(fx.holders),
    });
    expect((await client.getHolders(CT)).records).toHaveLength(2);
    expect(fake.count("POST v0/token")).toBe(2);
    expect(fake.count("POST v0/bank/credentials/holder")).toBe(2);
  });

  it("a second 401 after the refresh is an unauthorized error, not a loop", async () => {
    const { client, fake } = setup({ "POST v0/bank/credentials/holder": () => jsonResponse({ message: "no" }, 401) });
    await expect(client.getHolders(CT)).rejects.toMatchObject({ kind: "unauthorized", status: 401 });
    expect(fake.count("POST v0/token")).toBe(2);
    expect(fake.count("POST v0/bank/credentials/holder")).toBe(2);
  });

  it("sets aside the one record that breaks the contract, naming the field path, and keeps its siblings", async () => {
    const broken = [...fx.investments, ...fx.investments];
    broken[3] = { ...fx.fundInvestment, balance: "18234.55" as unknown as number };
    const { client } = setup({ "POST v0/bank/credentials/investment": () => jsonResponse(broken) }, { logger: {} });
    const list = await client.getInvestments(CT);
    expect(list.received).toBe(broken.length);
    expect(list.records).toHaveLength(broken.length - 1);
    expect(list.setAside).toHaveLength(1);
    expect(list.setAside[0]).toMatchObject({ index: 3, recordId: fx.fundInvestment._id });
    expect(list.setAside[0]?.issues).toEqual([{ path: "investment[3].balance", message: "expected number, received string" }]);
  });

  it("replaces a NUL character in any string with U+FFFD (PostgreSQL's text cannot hold one), keeping the rest", async () => {
    const body = JSON.stringify(fx.portfolios).replace('"name":"', '"name":"a\\u0000b ');
    expect(body).toContain("\\u0000");
    const { client } = setup({ "POST v0/bank/credentials/portfolio": () => new Response(body, { headers: { "content-type": "application/json" } }) });
    const names = (await client.getPortfolios(CT)).records.map((record) => JSON.stringify(record));
    expect(names.join()).toContain("a\uFFFDb ");
    expect(names.join()).not.toContain("\\u0000");
  });

  it("an answer that is not a list at all is a FlanksContractError naming the endpoint", async () => {
    const { client } = setup({ "POST v0/bank/credentials/investment": () => jsonResponse("maintenance") }, { logger: {} });
    const error = await client.getInvestments(CT).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FlanksContractError);
    expect(error).toMatchObject({ kind: "contract", endpoint: "POST v0/bank/credentials/investment" });
  });

  it("retries 5xx a bounded number of times", async () => {
    const { client, fake } = setup({ "POST v0/bank/credentials/account": () => jsonResponse({ message: "down" }, 503) });
    await expect(client.getAccounts(CT)).rejects.toMatchObject({ kind: "unavailable", status: 503, attempts: 3 });
    expect(fake.count("POST v0/bank/credentials/account")).toBe(3);
  });

  it("does not wait for a Retry-After beyond the cap", async () => {
    const { client, fake } = setup({
      "POST v0/bank/credentials/account": () => jsonResponse({ message: "slow down" }, 429, { "Retry-After": "120" }),
    });
    await expect(client.getAccounts(CT)).rejects.toMatchObject({ kind: "rate_limited", retryAfterMs: 120_000 });
    expect(fake.count("POST v0/bank/credentials/account")).toBe(1);
  });

  it("does not retry the link-code exchange, and flags a 5xx there as outcome unknown", async () => {
    const { client, fake } = setup({ "POST v0/platform/link": () => jsonResponse({ message: "boom" }, 502) });
    const error = await client.exchangeLinkCode("lc-once-only-code").catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "unavailable", isOutcomeUnknown: true });
    expect(fake.count("POST v0/platform/link")).toBe(1);
  });

  it("types the exchange result: 200 exchanged, 202 delayed", async () => {
    const { client } = setup({
      "POST v0/platform/link": ({ body }) =>
        (body as { code: string }).code === "lc-delayed-1" ? jsonResponse({ message: "delayed" }, 202) : jsonResponse(fx.linkExchange),
    });
    await expect(client.exchangeLinkCode("lc-delayed-1")).resolves.toEqual({ kind: "delayed", message: "delayed" });
    await expect(client.exchangeLinkCode("lc-good-1")).resolves.toMatchObject({ kind: "exchanged", credentials_token: fx.linkExchange.credentials_token });
  });

  it("treats 404 on a DELETE retry as already deleted (the lost first attempt did it)", async () => {
    const { client } = setup({
      "DELETE v0/bank/credentials": ({ call }) => (call === 1 ? jsonResponse({ message: "oops" }, 503) : jsonResponse({ message: "not found" }, 404)),
    });
    await expect(client.deleteCredentials(CT)).resolves.toEqual({ message: "Already deleted", isAlreadyDeleted: true });
  });

  it("walks account-transaction pages until an empty page", async () => {
    const rows = Array.from({ length: 7 }, (_, i) => ({ ...fx.accountTransactions[0], _id: `atx-${i}` }));
    const { client, fake } = setup({
      "POST v0/bank/credentials/data": ({ url }) => {
        const page = Number(url.searchParams.get("page"));
        const size = Number(url.searchParams.get("page_size"));
        return jsonResponse(rows.slice((page - 1) * size, page * size));
      },
    });
    const all = await client.getAllAccountTransactions(CT, { pageSize: 3 });
    expect(all.records.map((row) => row._id)).toEqual(rows.map((row) => row._id));
    // 3 + 3 + 1, then the empty page: a short page alone proves nothing (Flanks may cap page_size).
    expect(fake.count("POST v0/bank/credentials/data")).toBe(4);
  });

  it("stops with a contract error when the server ignores `page`", async () => {
    const rows = Array.from({ length: 3 }, (_, i) => ({ ...fx.accountTransactions[0], _id: `atx-${i}` }));
    const { client } = setup({ "POST v0/bank/credentials/data": () => jsonResponse(rows) });
    await expect(client.getAllAccountTransactions(CT, { pageSize: 3 })).rejects.toBeInstanceOf(FlanksContractError);
  });

  it("asks an API on this machine (the sandbox) not to compress, and a remote one as fetch does", async () => {
    const route = { "POST v0/bank/credentials/portfolio": () => jsonResponse(fx.portfolios) };
    const remote = setup(route);
    await remote.client.getPortfolios(CT);
    expect(remote.fake.calls[1]?.headers.get("accept-encoding")).toBeNull();
    const local = setup(route, { apiUrl: "http://127.0.0.1:3000/api" });
    await local.client.getPortfolios(CT);
    expect(local.fake.calls[1]?.headers.get("accept-encoding")).toBe("identity");
  });

  it("rejects an apiUrl that already ends with /v0", () => {
    expect(() => createFlanksClient({ apiUrl: "https://api.flanks.io/v0", clientId: "a", clientSecret: "b" })).toThrow(/v0/);
  });
});

describe("secrets never appear in error messages or logs", () => {
  it("redacts the client secret, access tokens and credentials tokens echoed by the server", async () => {
    const echo: TFakeRoute = ({ body, headers }) => jsonResponse({ message: `bad request ${JSON.stringify(body)} auth=${headers.get("authorization")}` }, 400);
    const { client, logs } = setup({
      "POST v0/bank/credentials/status": echo,
      "PUT v0/bank/credentials/status": echo,
      "POST v0/bank/credentials/all": echo,
      "POST v0/platform/link": echo,
      "POST v0/bank/credentials/liability": () => new Response("upstream said credentials_token=" + CT, { status: 500 }),
    });
    const errors = await Promise.all([
      client.getStatus(CT).catch((e: unknown) => e),
      client.forceStatus(CT, "sca").catch((e: unknown) => e),
      client.getAll([CT, `${CT}-2`]).catch((e: unknown) => e),
      client.exchangeLinkCode("lc-super-secret-code").catch((e: unknown) => e),
      client.getLiabilities(CT).catch((e: unknown) => e),
    ]);
    const texts = [...errors.map((e) => (e instanceof FlanksError ? `${e.message} ${String(e.cause ?? "")}` : "NOT A FLANKS ERROR")), ...logs];
    expect(texts.length).toBeGreaterThan(5);
    for (const text of texts) {
      expect(text).not.toContain("NOT A FLANKS ERROR");
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(CT);
      expect(text).not.toContain("access-token-number");
      expect(text).not.toContain("lc-super-secret-code");
    }
    expect(texts.join("\n")).toContain("[redacted]");
  });

  it("redacts the token endpoint's echo of the client secret", async () => {
    const { client, logs } = setup({
      "POST v0/token": ({ body }) => jsonResponse({ error: `invalid_client ${JSON.stringify(body)}` }, 401),
    });
    const error = await client.getCards(CT).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "unauthorized", endpoint: "POST v0/token" });
    for (const text of [(error as Error).message, ...logs]) expect(text).not.toContain(SECRET);
  });
});

describe("retry arithmetic", () => {
  it("full jitter stays within the exponential ceiling", () => {
    expect(backoffDelayMs(1, DEFAULT_RETRY, () => 0.999)).toBeLessThan(DEFAULT_RETRY.baseDelayMs);
    expect(backoffDelayMs(3, DEFAULT_RETRY, () => 0.999)).toBeLessThan(DEFAULT_RETRY.baseDelayMs * 4);
    expect(backoffDelayMs(30, DEFAULT_RETRY, () => 0.999)).toBeLessThanOrEqual(DEFAULT_RETRY.maxDelayMs);
    expect(backoffDelayMs(2, DEFAULT_RETRY, () => 0)).toBe(0);
  });

  it("reads Retry-After as seconds or a date", () => {
    expect(parseRetryAfterMs("2")).toBe(2000);
    expect(parseRetryAfterMs(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(parseRetryAfterMs(null)).toBeUndefined();
    expect(parseRetryAfterMs("soon")).toBeUndefined();
  });
});
