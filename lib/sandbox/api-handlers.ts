// The Flanks API endpoints (v0/…), request bodies parsed with zod, answers shaped as the reference.
import { z } from "zod";
import { SANDBOX_BANKS, toAvailableEntity } from "./banks";
import { ALL_KEY_BY_INVESTMENT_TYPE, INVESTMENT_TYPES } from "./catalog";
import { computeStatus, statusBody, type TFlags } from "./extraction-status";
import type { TRecord } from "./generate-data";
import { errorJson, json, readBody } from "./http";
import { assertQuery, matchesQuery, QueryError } from "./query-filter";
import { dataFor, findLiveCredentials, randomToken, type TSandboxContext } from "./sandbox-context";
import type { TCredentialsState } from "./state";

const ZTokenRequestSchema = z.object({
  client_id: z.string().min(1),
  client_secret: z.string().min(1),
  grant_type: z.string().min(1),
});
const ZQuerySchema = z.record(z.string(), z.unknown());
const ZCredentialsRequestSchema = z.object({
  credentials_token: z.string().min(1),
  query: ZQuerySchema.optional(),
  webhook: z.unknown().optional(),
  page: z.coerce.number().int().min(1).optional(),
  page_size: z.coerce.number().int().min(1).max(10_000).optional(),
});
const ZAllRequestSchema = z.object({ credentials_token: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]) });
const ZForceRequestSchema = z.object({ credentials_token: z.string().min(1), force: z.enum(["sca", "reset", "transaction"]) });
const ZExchangeRequestSchema = z.object({ code: z.string().min(1) });
const ZPagingSchema = z.object({
  page: z.coerce.number().int().min(1).optional(),
  page_size: z.coerce.number().int().min(1).max(10_000).optional(),
});

export const UNKNOWN_CREDENTIALS_STATUS = 404;
const unknownCredentials = (): Response => errorJson(UNKNOWN_CREDENTIALS_STATUS, "Credentials not found", { code: "CREDENTIALS_NOT_FOUND" });

function badRequest(error: z.ZodError): Response {
  const issue = error.issues[0];
  const field = issue?.path.join(".") || "body";
  return errorJson(400, `Invalid request: ${field}: ${issue?.message ?? "invalid"}`);
}

type THandler = (ctx: TSandboxContext, request: Request, url: URL) => Promise<Response>;

/** Parses the body with a schema; returns the value or the 400 response. */
async function parse<T>(ctx: TSandboxContext, request: Request, schema: z.ZodType<T>): Promise<{ ok: true; value: T } | { ok: false; response: Response }> {
  const body = await readBody(request, ctx.keys);
  if (!body.ok) return body;
  if (body.value === null || typeof body.value !== "object" || Array.isArray(body.value))
    return { ok: false, response: errorJson(400, "Body must be a JSON object") };
  const result = schema.safeParse(body.value);
  return result.success ? { ok: true, value: result.data } : { ok: false, response: badRequest(result.error) };
}

/** Whether a product (or transaction group) is extracted and not errored, i.e. whether its data is served yet. */
function available(status: { created: TFlags; errored: TFlags }, group: "product" | "transaction", key: string): boolean {
  const created = (status.created[group] as Record<string, boolean>)[key];
  const errored = (status.errored[group] as Record<string, boolean>)[key];
  return created === true && errored !== true;
}

function filterList(records: TRecord[], query: Record<string, unknown> | undefined): TRecord[] {
  return query ? records.filter((r) => matchesQuery(r, query)) : records;
}

/** One data endpoint: parse, find the credentials, check extraction, produce the list. */
function dataEndpoint(produce: (ctx: TSandboxContext, c: TCredentialsState, query: Record<string, unknown> | undefined, url: URL) => Response): THandler {
  return async (ctx, request, url) => {
    const parsed = await parse(ctx, request, ZCredentialsRequestSchema);
    if (!parsed.ok) return parsed.response;
    const credentials = findLiveCredentials(ctx, parsed.value.credentials_token);
    if (!credentials) return unknownCredentials();
    try {
      if (parsed.value.query) assertQuery(parsed.value.query);
      // page/page_size are query parameters per the reference; the body is accepted as a fallback.
      if (parsed.value.page !== undefined && !url.searchParams.has("page")) url.searchParams.set("page", String(parsed.value.page));
      if (parsed.value.page_size !== undefined && !url.searchParams.has("page_size")) url.searchParams.set("page_size", String(parsed.value.page_size));
      return produce(ctx, credentials, parsed.value.query, url);
    } catch (error) {
      if (error instanceof QueryError) return errorJson(400, `Invalid query: ${error.message}`);
      throw error;
    }
  };
}

function listEndpoint(group: "product" | "transaction", key: string, pick: (data: ReturnType<typeof dataFor>) => TRecord[]): THandler {
  return dataEndpoint((ctx, credentials, query) => {
    const status = computeStatus(credentials, ctx.now());
    if (!available(status, group, key)) return json(200, []);
    return json(200, filterList(pick(dataFor(ctx, credentials)), query));
  });
}

function identityOf(ctx: TSandboxContext, credentials: TCredentialsState): TRecord {
  const status = computeStatus(credentials, ctx.now());
  if (available(status, "product", "auth")) return dataFor(ctx, credentials).identity;
  // Not extracted yet: every identity field is documented as nullable except _id.
  return {
    _id: credentials.token,
    name: null,
    fullName: null,
    surname1: null,
    surname2: null,
    birthDate: null,
    address: null,
    contactInfo: null,
    identityDocument: null,
    gender: null,
    occupation: null,
    sector: null,
  };
}

function investmentTransactionsFor(ctx: TSandboxContext, credentials: TCredentialsState): TRecord[] {
  const status = computeStatus(credentials, ctx.now());
  const data = dataFor(ctx, credentials);
  // Income (dividends, type "5") is its own extraction group in the status.
  return data.investmentTransactions.filter((tx) =>
    tx.type === "5" ? available(status, "transaction", "investmentincome") : available(status, "transaction", "investment"),
  );
}

function accountTransactionsResponse(ctx: TSandboxContext, credentials: TCredentialsState, query: Record<string, unknown> | undefined, url: URL): Response {
  const paging = ZPagingSchema.safeParse({ page: url.searchParams.get("page") ?? undefined, page_size: url.searchParams.get("page_size") ?? undefined });
  if (!paging.success) return badRequest(paging.error);
  const status = computeStatus(credentials, ctx.now());
  if (!available(status, "transaction", "account")) return json(200, [], { "x-total-count": "0" });
  const view = dataFor(ctx, credentials).accountTransactions;
  const { page, page_size: pageSize } = paging.data;
  // No paging parameters: everything, as an unpaginated Flanks call returns. With either: pages, newest first.
  const paged = page !== undefined || pageSize !== undefined;
  const size = pageSize ?? 100;
  const start = ((page ?? 1) - 1) * size;
  if (!query) {
    const records = paged ? view.range(start, start + size) : view.range(0, view.count);
    return json(200, records, { "x-total-count": String(view.count) });
  }
  const matches: TRecord[] = [];
  view.forEach((record) => {
    if (matchesQuery(record, query)) matches.push(record);
  });
  matches.reverse();
  return json(200, paged ? matches.slice(start, start + size) : matches, { "x-total-count": String(matches.length) });
}

function allFor(ctx: TSandboxContext, credentials: TCredentialsState): Record<string, TRecord[]> {
  const status = computeStatus(credentials, ctx.now());
  const data = dataFor(ctx, credentials);
  const has = (group: "product" | "transaction", key: string): boolean => available(status, group, key);
  const ownersOf = (productId: unknown): TRecord[] =>
    has("product", "holders") ? data.holders.filter((h) => h.product_id === productId).map((h) => ({ name: h.name, rel: h.rel })) : [];
  const accountTx = has("transaction", "account") ? data.accountTransactions.range(0, data.accountTransactions.count) : [];
  const investmentTx = investmentTransactionsFor(ctx, credentials);
  const result: Record<string, TRecord[]> = {
    cards: has("product", "card")
      ? data.cards.map((card) => ({
          ...card,
          owners: ownersOf(card._id),
          transactions: has("transaction", "card") ? data.cardTransactions.filter((t) => t.card_id === card._id) : [],
        }))
      : [],
    accounts: has("product", "account")
      ? data.accounts.map((account) => ({ ...account, owners: ownersOf(account._id), transactions: accountTx.filter((t) => t.account_id === account.iban) }))
      : [],
    portfolios: has("product", "portfolio") ? data.portfolios.map((p) => ({ ...p, owners: ownersOf(p._id) })) : [],
    liabilities: has("product", "liability")
      ? data.liabilities.map((l) => ({
          ...l,
          owners: ownersOf(l._id),
          transactions: has("transaction", "liability") ? data.liabilityTransactions.filter((t) => t.liability_id === l._id) : [],
        }))
      : [],
    deposits: [],
    identity: [identityOf(ctx, credentials)],
  };
  for (const type of INVESTMENT_TYPES) {
    result[ALL_KEY_BY_INVESTMENT_TYPE[type]] = has("product", "investment")
      ? data.investments.filter((i) => i.type === type).map((i) => ({ ...i, transaction: investmentTx.filter((t) => t.investment_id === i._id) }))
      : [];
  }
  return result;
}

export const API_ROUTES: Record<string, Partial<Record<string, THandler>>> = {
  "v0/token": {
    POST: async (ctx, request) => {
      const parsed = await parse(ctx, request, ZTokenRequestSchema);
      if (!parsed.ok) return parsed.response;
      if (parsed.value.grant_type !== "client_credentials") return errorJson(400, "unsupported_grant_type");
      if (parsed.value.client_id !== ctx.options.clientId || parsed.value.client_secret !== ctx.options.clientSecret) {
        return errorJson(401, "invalid_client");
      }
      const now = ctx.now();
      const value = `${ctx.options.tokenPrefix}${randomToken(32)}`;
      // Only the newest token is valid: issuing one cancels the previous.
      ctx.store.state.accessToken = { value, issuedAt: now, expiresAt: now + ctx.options.tokenTtlSeconds * 1000 };
      ctx.store.save();
      return json(200, { access_token: value, expires_in: ctx.options.tokenTtlSeconds, token_type: "Bearer", scope: "bank.read platform.link" });
    },
  },
  "v0/bank/credentials/status": {
    POST: dataEndpoint((ctx, credentials) => json(200, statusBody(credentials, ctx.now(), "transaction"))),
    PUT: async (ctx, request) => {
      const parsed = await parse(ctx, request, ZForceRequestSchema);
      if (!parsed.ok) return parsed.response;
      const credentials = findLiveCredentials(ctx, parsed.value.credentials_token);
      if (!credentials) return unknownCredentials();
      const now = ctx.now();
      let body: Record<string, string>;
      if (parsed.value.force === "sca") {
        credentials.forcedScaToken = `sca_${randomToken(12)}`;
        body = { sca_token: credentials.forcedScaToken };
      } else if (parsed.value.force === "reset") {
        credentials.forcedResetToken = `rst_${randomToken(12)}`;
        body = { reset_token: credentials.forcedResetToken };
      } else {
        credentials.transactionToken = `trx_${randomToken(12)}`;
        body = { transaction_token: credentials.transactionToken };
      }
      // Per the reference, a forced flow stops automatic updates until the user acts.
      credentials.frozenSince ??= now;
      ctx.store.save();
      return json(200, body);
    },
  },
  "v0/bank/credentials": {
    DELETE: async (ctx, request) => {
      const parsed = await parse(ctx, request, ZCredentialsRequestSchema);
      if (!parsed.ok) return parsed.response;
      const credentials = findLiveCredentials(ctx, parsed.value.credentials_token);
      if (!credentials) return unknownCredentials();
      const state = ctx.store.state;
      delete state.credentials[credentials.token];
      for (const [code, record] of Object.entries(state.codes)) if (record.credentialsToken === credentials.token) delete state.codes[code];
      ctx.store.save();
      return json(200, { message: "Successfully deleted" });
    },
  },
  "v0/bank/credentials/data": { POST: dataEndpoint(accountTransactionsResponse) },
  "v0/bank/credentials/account": { POST: listEndpoint("product", "account", (d) => d.accounts) },
  "v0/bank/credentials/portfolio": { POST: listEndpoint("product", "portfolio", (d) => d.portfolios) },
  "v0/bank/credentials/investment": { POST: listEndpoint("product", "investment", (d) => d.investments) },
  "v0/bank/credentials/investment/transaction": {
    POST: dataEndpoint((ctx, credentials, query) => json(200, filterList(investmentTransactionsFor(ctx, credentials), query))),
  },
  "v0/bank/credentials/investment/detail": { POST: listEndpoint("product", "investment", (d) => d.investmentDetails) },
  "v0/bank/credentials/liability": { POST: listEndpoint("product", "liability", (d) => d.liabilities) },
  "v0/bank/credentials/liability/transaction": { POST: listEndpoint("transaction", "liability", (d) => d.liabilityTransactions) },
  "v0/bank/credentials/mifid/raw": { POST: listEndpoint("product", "mifid", (d) => d.mifid) },
  "v0/bank/credentials/auth": { POST: dataEndpoint((ctx, credentials) => json(200, identityOf(ctx, credentials))) },
  "v0/bank/credentials/card": { POST: listEndpoint("product", "card", (d) => d.cards) },
  "v0/bank/credentials/card/transaction": { POST: listEndpoint("transaction", "card", (d) => d.cardTransactions) },
  "v0/bank/credentials/holder": { POST: listEndpoint("product", "holders", (d) => d.holders) },
  "v0/bank/credentials/all": {
    POST: async (ctx, request) => {
      const parsed = await parse(ctx, request, ZAllRequestSchema);
      if (!parsed.ok) return parsed.response;
      const tokens = typeof parsed.value.credentials_token === "string" ? [parsed.value.credentials_token] : parsed.value.credentials_token;
      const found = tokens.map((token) => findLiveCredentials(ctx, token));
      if (found.some((c) => c === null)) return unknownCredentials();
      // Several tokens: one object with every list concatenated.
      const merged: Record<string, TRecord[]> = {};
      for (const credentials of found) {
        if (!credentials) continue;
        for (const [key, list] of Object.entries(allFor(ctx, credentials))) merged[key] = [...(merged[key] ?? []), ...list];
      }
      return json(200, merged);
    },
  },
  "v0/bank/credentials/list": {
    POST: async (ctx, request) => {
      const body = await readBody(request, ctx.keys);
      if (!body.ok) return body.response;
      const now = ctx.now();
      const items = Object.values(ctx.store.state.credentials)
        .sort((a, b) => a.createdAt - b.createdAt)
        .map((c) => ({ credentials_token: c.token, external_id: c.externalId, bank: c.bank, status: statusBody(c, now, "transactions") }));
      return json(200, { items });
    },
  },
  "v0/platform/link": {
    GET: async (ctx, _request, url) => {
      const filter = url.searchParams.get("link_token");
      const codes = Object.values(ctx.store.state.codes)
        .filter((c) => c.exchangedAt === null && (filter === null || c.linkToken === filter))
        .sort((a, b) => a.createdAt - b.createdAt)
        .map((c) => ({ code: c.code, extra: c.extra, link_token: c.linkToken }));
      return json(200, codes);
    },
    POST: async (ctx, request) => {
      const parsed = await parse(ctx, request, ZExchangeRequestSchema);
      if (!parsed.ok) return parsed.response;
      const state = ctx.store.state;
      const record = Object.hasOwn(state.codes, parsed.value.code) ? state.codes[parsed.value.code] : undefined;
      if (!record) return errorJson(400, "Invalid code", { code: "INVALID_CODE" });
      if (record.exchangedAt !== null) return errorJson(400, "Code already used", { code: "CODE_ALREADY_USED" });
      const credentials = findLiveCredentials(ctx, record.credentialsToken);
      if (!credentials) return errorJson(400, "Invalid code", { code: "INVALID_CODE" });
      if (credentials.post.delayedExchange && !record.delayedAnswered) {
        record.delayedAnswered = true;
        ctx.store.save();
        return json(202, { message: "Credentials delayed: security checks in progress, exchange the code again later" });
      }
      record.exchangedAt = ctx.now();
      ctx.store.save();
      return json(200, { message: "Successfully retrieved", credentials_token: record.credentialsToken, extra: record.extra, link_token: record.linkToken });
    },
  },
  "v0/bank/available": {
    GET: async () => json(200, SANDBOX_BANKS.map(toAvailableEntity)),
  },
};

// The reference's MiFID section spells the path with "credencial"; both are served.
const MIFID_ROUTE = API_ROUTES["v0/bank/credentials/mifid/raw"];
if (MIFID_ROUTE) API_ROUTES["v0/bank/credencial/mifid/raw"] = MIFID_ROUTE;
