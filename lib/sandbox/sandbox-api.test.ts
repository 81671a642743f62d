import { CompactEncrypt, importJWK, type JWK } from "jose";
import { describe, expect, it } from "vitest";
import { makeKit, type TKit } from "./sandbox-test-kit";

type TJson = Record<string, unknown>;
const read = async (response: Response): Promise<TJson> => (await response.json()) as TJson;
const status = async (kit: TKit, token: string): Promise<TJson> => read(await kit.call("POST", "v0/bank/credentials/status", { credentials_token: token }));

describe("v0/token and the Bearer check", () => {
  it("issues a token and checks client id, secret and grant type", async () => {
    const kit = makeKit({ tokenTtlSeconds: 600 });
    const ok = await kit.call("POST", "v0/token", { client_id: "client-id", client_secret: "client-secret", grant_type: "client_credentials" });
    expect(ok.status).toBe(200);
    expect(await read(ok)).toMatchObject({ access_token: expect.any(String), expires_in: 600, token_type: "Bearer" });
    const wrong = await kit.call("POST", "v0/token", { client_id: "client-id", client_secret: "nope", grant_type: "client_credentials" });
    expect(wrong.status).toBe(401);
    expect(await read(wrong)).toEqual({ error: "invalid_client" });
    const grant = await kit.call("POST", "v0/token", { client_id: "client-id", client_secret: "client-secret", grant_type: "password" });
    expect(grant.status).toBe(400);
  });

  it("answers 400 JSON on bad bodies", async () => {
    const kit = makeKit();
    const missing = await kit.call("POST", "v0/token", { client_id: "client-id" });
    expect(missing.status).toBe(400);
    expect((await read(missing)).error).toMatch(/client_secret/);
    const badJson = await kit.call("POST", "v0/token", undefined, { raw: "{not json", headers: { "content-type": "application/json" } });
    expect(badJson.status).toBe(400);
    expect(await read(badJson)).toEqual({ error: "Body is not valid JSON" });
    await kit.token();
    const noToken = await kit.call("POST", "v0/bank/credentials/status", {});
    expect(noToken.status).toBe(400);
    const wrongType = await kit.call("POST", "v0/bank/credentials/all", { credentials_token: 42 });
    expect(wrongType.status).toBe(400);
  });

  it("requires a Bearer token, honours expiry and keeps only the newest token", async () => {
    const kit = makeKit({ tokenTtlSeconds: 60 });
    expect((await kit.call("GET", "v0/bank/available", undefined, { token: null })).status).toBe(401);
    expect((await kit.call("GET", "v0/bank/available", undefined, { token: "made-up" })).status).toBe(401);
    const first = await kit.token();
    expect((await kit.call("GET", "v0/bank/available")).status).toBe(200);
    const second = await kit.token();
    expect(second).not.toBe(first);
    const old = await kit.call("GET", "v0/bank/available", undefined, { token: first });
    expect(old.status).toBe(401);
    expect(old.headers.get("www-authenticate")).toMatch(/Bearer/);
    expect((await kit.call("GET", "v0/bank/available")).status).toBe(200);
    kit.advance(61_000);
    const expired = await kit.call("GET", "v0/bank/available");
    expect(expired.status).toBe(401);
    expect(await read(expired)).toEqual({ error: "Token expired" });
  });

  it("prefixes issued access tokens and credentials tokens with tokenPrefix (canaries for leak tests)", async () => {
    const kit = makeKit({ tokenPrefix: "canary-tok-x1" });
    expect(await kit.token()).toMatch(/^canary-tok-x1[A-Za-z0-9_-]{43}$/);
    const credentialsToken = await kit.connect();
    expect(credentialsToken).toMatch(/^canary-tok-x1[0-9a-f]{32}$/);
    expect((await status(kit, credentialsToken)).pending).toBe(true);
    expect(() => makeKit({ tokenPrefix: "bad prefix!" })).toThrow(/tokenPrefix/);
  });

  it("expires the current token on demand", async () => {
    const kit = makeKit();
    await kit.token();
    expect((await kit.call("POST", "_control/expire-token")).status).toBe(200);
    expect((await kit.call("GET", "v0/bank/available")).status).toBe(401);
    await kit.token();
    expect((await kit.call("GET", "v0/bank/available")).status).toBe(200);
  });
});

describe("link codes and credentials", () => {
  it("lists unused codes with their extra, exchanges each once", async () => {
    const kit = makeKit();
    await kit.token();
    const created = await kit.call("POST", "_control/credentials", { bank: "testbank", username: "ana", password: "healthy", extra: { invitation: "inv_1" } });
    expect(created.status).toBe(201);
    const { code } = (await read(created)) as { code: string };
    const listed = (await (await kit.call("GET", "v0/platform/link?link_token=link-token")).json()) as TJson[];
    expect(listed).toEqual([{ code, extra: { invitation: "inv_1" }, link_token: "link-token" }]);
    expect(await (await kit.call("GET", "v0/platform/link?link_token=other")).json()).toEqual([]);
    const exchanged = await kit.call("POST", "v0/platform/link", { code });
    expect(exchanged.status).toBe(200);
    expect(await read(exchanged)).toMatchObject({
      message: "Successfully retrieved",
      credentials_token: expect.any(String),
      extra: { invitation: "inv_1" },
      link_token: "link-token",
    });
    const again = await kit.call("POST", "v0/platform/link", { code });
    expect(again.status).toBe(400);
    expect(await read(again)).toMatchObject({ code: "CODE_ALREADY_USED" });
    expect(await (await kit.call("GET", "v0/platform/link")).json()).toEqual([]);
    expect((await kit.call("POST", "v0/platform/link", { code: "never-issued" })).status).toBe(400);
  });

  it("delayed: the first exchange answers 202, the next succeeds", async () => {
    const kit = makeKit();
    await kit.token();
    const { code } = (await read(await kit.call("POST", "_control/credentials", { bank: "testbank", username: "ana", password: "delayed" }))) as {
      code: string;
    };
    const first = await kit.call("POST", "v0/platform/link", { code });
    expect(first.status).toBe(202);
    expect((await read(first)).message).toMatch(/delayed/i);
    const second = await kit.call("POST", "v0/platform/link", { code });
    expect(second.status).toBe(200);
  });

  it("refuses a second connection of the same username, and scenario errors", async () => {
    const kit = makeKit();
    await kit.connect("healthy", "ana");
    const duplicate = await kit.call("POST", "_control/credentials", { bank: "testbank", username: "ANA", password: "healthy" });
    expect(duplicate.status).toBe(409);
    expect(await read(duplicate)).toMatchObject({ code: "CREDENTIALS_ALREADY_EXIST" });
    const wrong = await kit.call("POST", "_control/credentials", { bank: "testbank", username: "bob", password: "wrong-password" });
    expect(await read(wrong)).toMatchObject({ code: "INVALID_CREDENTIALS" });
    const other = await kit.call("POST", "_control/credentials", { bank: "banco-meseta", username: "bob", password: "abcd" });
    expect(other.status).toBe(201);
  });

  it("unknown or deleted credentials answer 404 CREDENTIALS_NOT_FOUND; list shows live ones", async () => {
    const kit = makeKit();
    const token = await kit.connect();
    const unknown = await kit.call("POST", "v0/bank/credentials/account", { credentials_token: "nope" });
    expect(unknown.status).toBe(404);
    expect(await read(unknown)).toEqual({ error: "Credentials not found", code: "CREDENTIALS_NOT_FOUND" });
    const list = (await read(await kit.call("POST", "v0/bank/credentials/list", {}))) as { items: TJson[] };
    expect(list.items.map((i) => i.credentials_token)).toEqual([token]);
    expect(list.items[0]).toMatchObject({ bank: "testbank", external_id: null, status: { name: "testbank", created: { transactions: expect.any(Object) } } });
    const deleted = await kit.call("DELETE", "v0/bank/credentials", { credentials_token: token });
    expect(await read(deleted)).toEqual({ message: "Successfully deleted" });
    expect((await kit.call("POST", "v0/bank/credentials/account", { credentials_token: token })).status).toBe(404);
    expect((await kit.call("DELETE", "v0/bank/credentials", { credentials_token: token })).status).toBe(404);
    expect(((await read(await kit.call("POST", "v0/bank/credentials/list", {}))) as { items: TJson[] }).items).toEqual([]);
  });
});

describe("status over the clock", () => {
  it("healthy: pending, then every product created a few seconds later", async () => {
    const kit = makeKit();
    const token = await kit.connect("healthy", "ana");
    const early = await status(kit, token);
    expect(early).toMatchObject({ pending: true, blocked: false, sca_token: null, reset_token: null, name: "testbank" });
    expect(early.errored).toHaveProperty("transaction");
    expect(await (await kit.call("POST", "v0/bank/credentials/account", { credentials_token: token })).json()).toEqual([]);
    kit.advance(4_000);
    const done = await status(kit, token);
    expect(done).toMatchObject({
      pending: false,
      last_update: "2025-06-30",
      last_transaction_date: "2025-06-29",
      created_at_timestamp: Math.floor(Date.parse("2025-06-30T10:00:00Z") / 1000),
    });
    expect(done.time).toMatch(/^\d\d:\d\d$/);
    expect(Object.values((done.created as { product: TJson }).product).every(Boolean)).toBe(true);
    const accounts = (await (await kit.call("POST", "v0/bank/credentials/account", { credentials_token: token })).json()) as TJson[];
    expect(accounts[0]).toMatchObject({ iban: "ES5190003167250930459703", currency: "EUR", balance: 9269.2 });
  });

  it("ready: finished at the first status, with every product created and the data served", async () => {
    const kit = makeKit();
    const token = await kit.connect("ready", "ana");
    const first = await status(kit, token);
    expect(first).toMatchObject({ pending: false, last_update: "2025-06-30" });
    expect(Object.values((first.created as { product: TJson }).product).every(Boolean)).toBe(true);
    expect(((await (await kit.call("POST", "v0/bank/credentials/account", { credentials_token: token })).json()) as TJson[]).length).toBeGreaterThan(0);
  });

  it("slow: products turn created one by one, about every 5 s", async () => {
    const kit = makeKit();
    const token = await kit.connect("slow");
    const createdCount = (s: TJson) => {
      const created = s.created as { product: TJson; transaction: TJson };
      return [...Object.values(created.product), ...Object.values(created.transaction)].filter(Boolean).length;
    };
    const counts: number[] = [];
    for (let i = 0; i < 14; i++) {
      counts.push(createdCount(await status(kit, token)));
      kit.advance(5_000);
    }
    expect(counts).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect((await status(kit, token)).pending).toBe(false);
  });

  it("partial: some products end errored and serve no data", async () => {
    const kit = makeKit();
    const token = await kit.connect("partial");
    kit.advance(10_000);
    const s = await status(kit, token);
    expect(s.pending).toBe(false);
    expect(s.errored).toMatchObject({ product: { card: true, mifid: true, account: false }, transaction: { investment: true, liability: true } });
    expect(await (await kit.call("POST", "v0/bank/credentials/card", { credentials_token: token })).json()).toEqual([]);
    expect(((await (await kit.call("POST", "v0/bank/credentials/account", { credentials_token: token })).json()) as TJson[]).length).toBeGreaterThan(0);
  });

  it("needs-sca and blocked appear after the first extraction; the Link re-authentication clears them", async () => {
    const kit = makeKit();
    const sca = await kit.connect("needs-sca", "sca-user");
    const blocked = await kit.connect("blocked", "blocked-user");
    expect((await status(kit, sca)).sca_token).toBeNull();
    kit.advance(5_000);
    const scaStatus = await status(kit, sca);
    expect(scaStatus.sca_token).toEqual(expect.stringMatching(/^sca_/));
    const blockedStatus = await status(kit, blocked);
    expect(blockedStatus).toMatchObject({ blocked: true, reset_token: expect.stringMatching(/^rst_/) });

    // Re-authenticate through the hosted Link with the sca_token.
    const opened = await kit.call("GET", `link?token=link-token&sca_token=${String(scaStatus.sca_token)}&invitation=re1`);
    expect(opened.status).toBe(200);
    const html = await opened.text();
    expect(html).toContain('value="sca-user"');
    const session = /name="session" value="([^"]+)"/.exec(html)?.[1] ?? "";
    const done = await kit.form({ session, action: "login", password: "healthy" });
    expect(done.status).toBe(303);
    const location = new URL(done.headers.get("location") ?? "", "http://x");
    expect(location.pathname).toBe("/connect/callback");
    expect(location.searchParams.get("invitation")).toBe("re1");
    const code = location.searchParams.get("code") ?? "";
    const exchanged = await read(await kit.call("POST", "v0/platform/link", { code }));
    expect(exchanged.credentials_token).toBe(sca);
    expect((await status(kit, sca)).sca_token).toBeNull();
    expect((await status(kit, blocked)).blocked).toBe(true);
  });

  it("PUT status forces sca, reset and transaction tokens", async () => {
    const kit = makeKit();
    const token = await kit.connect();
    kit.advance(5_000);
    for (const force of ["sca", "reset", "transaction"] as const) {
      const response = await kit.call("PUT", "v0/bank/credentials/status", { credentials_token: token, force });
      expect(response.status).toBe(200);
      const body = await read(response);
      expect(Object.keys(body)).toEqual([`${force}_token`]);
    }
    const s = await status(kit, token);
    expect(s).toMatchObject({ sca_token: expect.any(String), reset_token: expect.any(String), transaction_token: expect.any(String) });
    expect((await kit.call("PUT", "v0/bank/credentials/status", { credentials_token: token, force: "other" })).status).toBe(400);
  });

  it("control clock advances the sandbox time", async () => {
    const kit = makeKit();
    const token = await kit.connect("slow");
    await kit.call("POST", "_control/clock", { advanceSeconds: 120 });
    expect((await status(kit, token)).pending).toBe(false);
  });
});

describe("data endpoints", () => {
  it("serves every endpoint of the reference, with paging on account transactions", async () => {
    const kit = makeKit();
    const token = await kit.connect("healthy", "ana tx=2500");
    kit.advance(5_000);
    const body = { credentials_token: token };
    for (const path of [
      "account",
      "portfolio",
      "investment",
      "investment/transaction",
      "investment/detail",
      "liability",
      "liability/transaction",
      "mifid/raw",
      "card",
      "card/transaction",
      "holder",
    ]) {
      const response = await kit.call("POST", `v0/bank/credentials/${path}`, body);
      expect(response.status, path).toBe(200);
      const list = (await response.json()) as unknown[];
      expect(list.length, path).toBeGreaterThan(0);
    }
    expect(await read(await kit.call("POST", "v0/bank/credencial/mifid/raw", body))).toBeDefined();
    expect((await read(await kit.call("POST", "v0/bank/credentials/auth", body)))._id).toBe(token);

    const page = await kit.call("POST", "v0/bank/credentials/data?page=2&page_size=100", body);
    expect(page.headers.get("x-total-count")).toBe("2500");
    const records = (await page.json()) as TJson[];
    expect(records).toHaveLength(100);
    const lastPage = (await (await kit.call("POST", "v0/bank/credentials/data?page=25&page_size=100", body)).json()) as TJson[];
    expect(lastPage).toHaveLength(100);
    expect(await (await kit.call("POST", "v0/bank/credentials/data?page=26&page_size=100", body)).json()).toEqual([]);
    expect((await kit.call("POST", "v0/bank/credentials/data?page=0", body)).status).toBe(400);
    const everything = (await (await kit.call("POST", "v0/bank/credentials/data", body)).json()) as TJson[];
    expect(everything).toHaveLength(2500);
    expect(everything.slice(100, 200)).toEqual(records);

    const usd = (await (
      await kit.call("POST", "v0/bank/credentials/data", { ...body, query: { currency: "USD", operationDate: { $gte: "2025-01-01" } } })
    ).json()) as TJson[];
    expect(usd.length).toBeGreaterThan(0);
    expect(usd.every((t) => t.currency === "USD" && String(t.operationDate) >= "2025-01-01")).toBe(true);
    expect((await kit.call("POST", "v0/bank/credentials/data", { ...body, query: { amount: { $bogus: 1 } } })).status).toBe(400);
  });

  it("all: one token or several, keys per investment type", async () => {
    const kit = makeKit();
    const a = await kit.connect("healthy", "ana");
    const b = await kit.connect("healthy", "bea");
    kit.advance(5_000);
    const one = await read(await kit.call("POST", "v0/bank/credentials/all", { credentials_token: a }));
    for (const key of [
      "cards",
      "accounts",
      "portfolios",
      "fixedIncome",
      "funds",
      "liabilities",
      "pensionPlans",
      "stocks",
      "etfs",
      "deposits",
      "others",
      "identity",
      "liquidity",
      "cryptoCurrencies",
      "contractForDifferences",
      "derivatives",
      "bankProducts",
      "alternativeEmergingProducts",
    ]) {
      expect(Array.isArray(one[key]), key).toBe(true);
    }
    expect((one.funds as TJson[])[0]).toHaveProperty("transaction");
    const both = await read(await kit.call("POST", "v0/bank/credentials/all", { credentials_token: [a, b] }));
    expect((both.identity as TJson[]).map((i) => i._id)).toEqual([a, b]);
    expect((await kit.call("POST", "v0/bank/credentials/all", { credentials_token: [a, "nope"] })).status).toBe(404);
  });

  it("a 100 000-transaction credentials pages correctly", async () => {
    const kit = makeKit();
    const token = await kit.connect("healthy", "ana.big");
    kit.advance(5_000);
    const response = await kit.call("POST", "v0/bank/credentials/data?page=1000&page_size=100", { credentials_token: token });
    expect(response.headers.get("x-total-count")).toBe("100000");
    const last = (await response.json()) as TJson[];
    expect(last).toHaveLength(100);
    expect(last.at(-1)?.operationDate).toBe("2019-07-02");
    const next = await kit.call("POST", "v0/bank/credentials/data?page=1001&page_size=100", { credentials_token: token });
    expect(await next.json()).toEqual([]);
  });
});

describe("faults and counters", () => {
  it("applies status faults a number of times, with Retry-After, and counts requests", async () => {
    const kit = makeKit();
    await kit.token();
    await kit.call("POST", "_control/counters/reset");
    expect((await kit.call("POST", "_control/faults", { endpoint: "v0/bank/available", status: 429, retryAfterSeconds: 2, times: 2 })).status).toBe(201);
    const first = await kit.call("GET", "v0/bank/available");
    expect(first.status).toBe(429);
    expect(first.headers.get("retry-after")).toBe("2");
    expect((await kit.call("GET", "v0/bank/available")).status).toBe(429);
    expect((await kit.call("GET", "v0/bank/available")).status).toBe(200);
    await kit.call("POST", "_control/faults", { status: 503 });
    expect((await kit.call("POST", "v0/bank/credentials/list", {})).status).toBe(503);
    expect((await kit.call("GET", "link?token=link-token")).status).toBe(200);
    await kit.call("DELETE", "_control/faults");
    expect((await kit.call("POST", "v0/bank/credentials/list", {})).status).toBe(200);
    const counters = await read(await kit.call("GET", "_control/counters"));
    expect(counters).toEqual({ counts: { "GET link": 1, "GET v0/bank/available": 3, "POST v0/bank/credentials/list": 2 }, total: 6 });
    await kit.call("POST", "_control/counters/reset");
    expect(await read(await kit.call("GET", "_control/counters"))).toEqual({ counts: {}, total: 0 });
  });

  it("adds latency and hangs until the client aborts", async () => {
    const kit = makeKit();
    await kit.token();
    await kit.call("POST", "_control/faults", { endpoint: "GET v0/bank/available", latencyMs: 150, times: 1 });
    const started = Date.now();
    expect((await kit.call("GET", "v0/bank/available")).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    await kit.call("POST", "_control/faults", { endpoint: "v0/bank/available", hang: true, times: 1 });
    const controller = new AbortController();
    const pending = kit.call("GET", "v0/bank/available", undefined, { signal: controller.signal });
    let settled = false;
    void pending.then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(settled).toBe(false);
    controller.abort();
    expect((await pending).status).toBe(504);
    expect((await kit.call("GET", "v0/bank/available")).status).toBe(200);
  });

  it("rejects malformed fault rules", async () => {
    const kit = makeKit();
    expect((await kit.call("POST", "_control/faults", { status: 418 })).status).toBe(400);
  });
});

describe("JWE bodies", () => {
  it("decrypts a body encrypted with the served JWKS, rejects a broken one", async () => {
    const kit = makeKit();
    const jwks = (await read(await kit.call("GET", ".well-known/jwks.json"))) as { keys: JWK[] };
    const jwk = jwks.keys[0];
    expect(jwk).toMatchObject({ kty: "RSA", alg: "RSA-OAEP-256", use: "enc", kid: expect.any(String) });
    expect(jwk).not.toHaveProperty("d");
    const key = await importJWK(jwk as JWK, "RSA-OAEP-256");
    const plaintext = new TextEncoder().encode(JSON.stringify({ client_id: "client-id", client_secret: "client-secret", grant_type: "client_credentials" }));
    const jwe = await new CompactEncrypt(plaintext).setProtectedHeader({ alg: "RSA-OAEP-256", enc: "A256CBC-HS512", kid: jwk?.kid }).encrypt(key);
    const response = await kit.call("POST", "v0/token", undefined, { raw: jwe, headers: { "content-type": "application/jose" } });
    expect(response.status).toBe(200);
    expect(await read(response)).toHaveProperty("access_token");
    const broken = await kit.call("POST", "v0/token", undefined, { raw: `${jwe.slice(0, -4)}AAAA`, headers: { "content-type": "application/jose" } });
    expect(broken.status).toBe(400);
    const wrongKid = await new CompactEncrypt(plaintext).setProtectedHeader({ alg: "RSA-OAEP-256", enc: "A256CBC-HS512", kid: "other" }).encrypt(key);
    expect((await kit.call("POST", "v0/token", undefined, { raw: wrongKid, headers: { "content-type": "application/jose" } })).status).toBe(400);
  });
});

describe("persistence", () => {
  it("a second sandbox on the same state file keeps token, credentials, used codes, key and faults", async () => {
    const first = makeKit();
    const token = await first.token();
    const credentials = await first.connect("healthy", "ana");
    const { code } = (await read(await first.call("POST", "_control/credentials", { bank: "testbank", username: "bea", password: "healthy" }))) as {
      code: string;
    };
    const kid = ((await read(await first.call("GET", ".well-known/jwks.json"))) as { keys: JWK[] }).keys[0]?.kid;
    await first.call("POST", "_control/faults", { endpoint: "v0/bank/available", status: 500, times: 1 });

    const second = makeKit({}, first.options.stateFile);
    second.advance(5_000);
    expect((await second.call("GET", "v0/bank/available", undefined, { token })).status).toBe(500);
    expect((await second.call("GET", "v0/bank/available", undefined, { token })).status).toBe(200);
    expect((await second.call("POST", "v0/bank/credentials/status", { credentials_token: credentials }, { token })).status).toBe(200);
    expect(await (await second.call("GET", "v0/platform/link", undefined, { token })).json()).toEqual([{ code, extra: {}, link_token: "link-token" }]);
    expect(((await read(await second.call("GET", ".well-known/jwks.json"))) as { keys: JWK[] }).keys[0]?.kid).toBe(kid);
    const duplicate = await second.call("POST", "_control/credentials", { bank: "testbank", username: "ana", password: "healthy" });
    expect(duplicate.status).toBe(409);
  });
});
