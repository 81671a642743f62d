import { z } from "zod";
import { FlanksContractError, FlanksError } from "./errors";
import { createHttp, type TCallOptions, type TFlanksLogger, type TRequestSpec } from "./http";
import { chooseEncryptionKey, createJweEncryptor, type TJweEncryptor } from "./jwe";
import { walkPages, type TPageOptions } from "./pagination";
import { readRecords, type TRecordList } from "./read-records";
import { createRedactor } from "./redact";
import { DEFAULT_RETRY, type TRetryConfig } from "./retry";
import {
  FORCE_TOKEN_KEY,
  ZAccountSchema,
  ZAccountTransactionSchema,
  ZAllDataSchema,
  ZAvailableBankListSchema,
  ZCardSchema,
  ZCardTransactionSchema,
  ZCredentialsListSchema,
  ZCredentialsStatusSchema,
  ZDeleteCredentialsResponseSchema,
  ZForceStatusResponseSchema,
  ZHolderSchema,
  ZIdentitySchema,
  ZInvestmentDetailSchema,
  ZInvestmentSchema,
  ZInvestmentTransactionSchema,
  ZLiabilitySchema,
  ZLiabilityTransactionSchema,
  ZLinkCodeListSchema,
  ZLinkDelayedResponseSchema,
  ZLinkExchangeResponseSchema,
  ZMifidAnswerSchema,
  ZPortfolioSchema,
  ZTokenResponseSchema,
  type TAccountTransaction,
  type TAccountTransactionsRequest,
  type TDataRequest,
  type TForceFlow,
  type TLinkExchangeResponse,
  type TMifidAnswer,
} from "./schemas";
import { createSharedTokenManager, type TSharedTokenStore } from "./shared-token-manager";
import { createTokenManager, type TTokenManager } from "./token-manager";

export type TFlanksClientConfig = {
  /** Base URL without `/v0`, e.g. https://api.flanks.io or http://127.0.0.1:3000/sandbox. */
  apiUrl: string;
  clientId: string;
  clientSecret: string;
  /** Per-attempt timeout (default 15 s). */
  timeoutMs?: number;
  /** Send request bodies as compact JWE (`application/jose`) with the key of `${apiUrl}/.well-known/jwks.json`. */
  jwe?: boolean;
  fetch?: typeof fetch;
  /** Receives redacted messages and metadata only. Silent by default. */
  logger?: TFlanksLogger;
  retry?: Partial<TRetryConfig>;
  /** For tests: the jitter source. */
  random?: () => number;
  /** Tokens from elsewhere instead of this client's own (tests). */
  tokenManager?: TTokenManager;
  /**
   * Where every app instance keeps the one access token (the database: db-token-store.ts). Without
   * it the token lives in this client's memory only (scripts and tests with their own sandbox).
   */
  tokenStore?: TSharedTokenStore;
};

/** Every data endpoint takes the credentials token, alone or with the Query Engine / webhook fields. */
export type TDataInput = string | TDataRequest;

export type TLinkExchangeResult =
  | ({ kind: "exchanged" } & TLinkExchangeResponse)
  /** 202: the credentials are under Flanks' security checks; exchange the code again later. */
  | { kind: "delayed"; message: string };

export type TDeleteCredentialsResult = { message: string; isAlreadyDeleted: boolean };

const CREDENTIALS = "v0/bank/credentials";

const bodyOf = (input: TDataInput): TDataRequest => (typeof input === "string" ? { credentials_token: input } : input);

export function createFlanksClient(config: TFlanksClientConfig) {
  const apiUrl = config.apiUrl.replace(/\/+$/, "");
  if (/\/v0$/.test(apiUrl)) throw new Error("Flanks apiUrl must not end with /v0 (the client adds it)");
  const fetchImpl = config.fetch ?? globalThis.fetch.bind(globalThis);
  const redactor = createRedactor([config.clientSecret]);
  const retry: TRetryConfig = { ...DEFAULT_RETRY, ...config.retry };
  const timeoutMs = config.timeoutMs ?? 15_000;

  let jwe: TJweEncryptor | undefined;
  const httpDeps = {
    apiUrl,
    fetch: fetchImpl,
    timeoutMs,
    retry,
    logger: config.logger ?? {},
    redactor,
    tokens: () => tokens,
    random: config.random,
    get jwe() {
      return jwe;
    },
  };
  const http = createHttp(httpDeps);

  if (config.jwe) {
    // The JWKS is public and unauthenticated; its GET is a safe read, retried like one.
    jwe = createJweEncryptor(async () => {
      const plain = createHttp({ ...httpDeps, jwe: undefined });
      const { data } = await plain.request({
        method: "GET",
        path: ".well-known/jwks.json",
        isAuthenticated: false,
        retry: "idempotent",
        schema: z.looseObject({ keys: z.array(z.looseObject({ kty: z.string() })) }),
        root: "jwks",
      });
      // A key set without a usable key is a contract break, not a crash deep inside jose.
      if (!chooseEncryptionKey(data.keys)) {
        throw new FlanksContractError("GET .well-known/jwks.json", [{ path: "jwks.keys", message: "no RSA key usable for RSA-OAEP-256" }]);
      }
      return data;
    });
  }

  const fetchToken = async () => {
    // Retried like a read: a token request that failed gave us nothing to lose, and the single
    // in-flight refresh (and, across instances, the store's lease) guarantees only one caller asks at a time.
    const { data } = await http.request({
      method: "POST",
      path: "v0/token",
      body: { client_id: config.clientId, client_secret: config.clientSecret, grant_type: "client_credentials" },
      isAuthenticated: false,
      retry: "idempotent",
      schema: ZTokenResponseSchema,
      root: "token",
    });
    return data;
  };
  const ownTokens = (): TTokenManager =>
    config.tokenStore
      ? redacting(createSharedTokenManager({ fetchToken, store: config.tokenStore }), (token) => redactor.add(token))
      : createTokenManager({ onToken: (token) => redactor.add(token), fetchToken });
  const tokens: TTokenManager = config.tokenManager ? redacting(config.tokenManager, (token) => redactor.add(token)) : ownTokens();

  async function call<T>(spec: Omit<TRequestSpec<T>, "isAuthenticated" | "retry"> & Partial<Pick<TRequestSpec<T>, "retry">>) {
    const { data } = await http.request({ isAuthenticated: true, retry: "idempotent", ...spec });
    return data;
  }

  /** A POST data endpoint under v0/bank/credentials: a read, so safe to retry. */
  function dataEndpoint<T>(path: string, schema: z.ZodType<T>) {
    return (input: TDataInput, options?: TCallOptions): Promise<T> => {
      const body = bodyOf(input);
      return call({
        method: "POST",
        path: `${CREDENTIALS}/${path}`,
        body,
        schema,
        root: path.replace(/\//g, "_"),
        secrets: [body.credentials_token],
        options,
      });
    };
  }

  /**
   * A POST data endpoint whose answer is a list of records, read record by record (read-records.ts):
   * a record that lacks what identifies or values it is set aside, never failing its siblings.
   */
  async function readList<T>(
    path: string,
    schema: z.ZodType<T>,
    input: TDataInput,
    options: TCallOptions | undefined,
    extra: { query?: Record<string, string | number | undefined>; isIdSecret?: boolean } = {},
  ): Promise<TRecordList<T>> {
    const body = bodyOf(input);
    const root = path.replace(/^v0\/bank\/\w+\//, "").replace(/\//g, "_");
    const fullPath = path.startsWith("v0/") ? path : `${CREDENTIALS}/${path}`;
    const endpoint = `POST ${fullPath}`;
    const answer = await call({
      method: "POST",
      path: fullPath,
      query: extra.query,
      body,
      schema: z.unknown(),
      root,
      secrets: [body.credentials_token],
      options,
    });
    const list = readRecords(endpoint, root, answer, schema, { isIdSecret: extra.isIdSecret, redact: (value) => redactor.value(value) });
    if (list.setAside.length > 0) {
      config.logger?.warn?.("flanks records set aside", {
        endpoint,
        setAside: list.setAside.length,
        received: list.received,
        issues: list.setAside.slice(0, 5).flatMap((item) => item.issues),
      });
    }
    return list;
  }

  function listEndpoint<T>(path: string, schema: z.ZodType<T>, isIdSecret = false) {
    return (input: TDataInput, options?: TCallOptions) => readList(path, schema, input, options, { isIdSecret });
  }

  async function getAccountTransactions(input: TAccountTransactionsRequest, options?: TCallOptions): Promise<TRecordList<TAccountTransaction>> {
    const { page, page_size, ...body } = input;
    return readList("data", ZAccountTransactionSchema, body, options, { query: { page, page_size } });
  }

  /**
   * The reference names MiFID answers both `credentials/mifid/raw` (its index) and `credencial/mifid/raw`
   * (its MiFID section). The first is asked first; on a 404 the other one is, and whichever answered is
   * asked first from then on (for this client's life).
   */
  const MIFID_PATHS = [`${CREDENTIALS}/mifid/raw`, "v0/bank/credencial/mifid/raw"] as const;
  let mifidPathIndex = 0;
  async function getMifid(input: TDataInput, options?: TCallOptions): Promise<TRecordList<TMifidAnswer>> {
    const first = mifidPathIndex;
    try {
      return await readList(MIFID_PATHS[first] ?? "mifid/raw", ZMifidAnswerSchema, input, options);
    } catch (error) {
      if (!(error instanceof FlanksError && error.kind === "not_found")) throw error;
      const other = 1 - first;
      const list = await readList(MIFID_PATHS[other] ?? "mifid/raw", ZMifidAnswerSchema, input, options);
      mifidPathIndex = other;
      return list;
    }
  }

  function iterateAccountTransactionPages(
    input: TDataInput,
    pageOptions?: TPageOptions,
    options?: TCallOptions,
  ): AsyncGenerator<TRecordList<TAccountTransaction>, void, undefined> {
    const body = bodyOf(input);
    return walkPages(`POST ${CREDENTIALS}/data`, (page, page_size) => getAccountTransactions({ ...body, page, page_size }, options), pageOptions);
  }

  return {
    /** POST v0/bank/credentials/status */
    getStatus: dataEndpoint("status", ZCredentialsStatusSchema),

    /**
     * PUT v0/bank/credentials/status with force = sca | reset | transaction. Retried like a read: forcing
     * the same flow twice leaves the same state (status then shows the current token).
     */
    async forceStatus(credentialsToken: string, force: TForceFlow, options?: TCallOptions) {
      const data = await call({
        method: "PUT",
        path: `${CREDENTIALS}/status`,
        body: { credentials_token: credentialsToken, force },
        schema: ZForceStatusResponseSchema,
        root: "status",
        secrets: [credentialsToken],
        options,
      });
      const token = data[FORCE_TOKEN_KEY[force]];
      if (typeof token === "string") redactor.add(token);
      return { ...data, token };
    },

    /**
     * DELETE v0/bank/credentials. Retried: the end state ("deleted") is the same however many times it
     * is asked. A 404 after an earlier attempt failed in an unknown way means that attempt deleted them.
     */
    async deleteCredentials(credentialsToken: string, options?: TCallOptions): Promise<TDeleteCredentialsResult> {
      try {
        const data = await call({
          method: "DELETE",
          path: CREDENTIALS,
          body: { credentials_token: credentialsToken },
          schema: ZDeleteCredentialsResponseSchema,
          root: "delete",
          secrets: [credentialsToken],
          options,
        });
        return { message: data.message, isAlreadyDeleted: false };
      } catch (error) {
        if (error instanceof FlanksError && error.kind === "not_found" && (error.attempts ?? 1) > 1) {
          return { message: "Already deleted", isAlreadyDeleted: true };
        }
        throw error;
      }
    },

    /** POST v0/bank/credentials/data?page=&page_size= (one page). */
    getAccountTransactions,
    /** Every page of account transactions (walked to an empty page), each read record by record. */
    iterateAccountTransactionPages,
    /** Every account transaction (walks all pages). Prefer the iterator for ~100 000 rows. */
    async getAllAccountTransactions(input: TDataInput, pageOptions?: TPageOptions, options?: TCallOptions): Promise<TRecordList<TAccountTransaction>> {
      const all: TRecordList<TAccountTransaction> = { records: [], setAside: [], received: 0, firstId: undefined };
      for await (const page of iterateAccountTransactionPages(input, pageOptions, options)) {
        all.firstId ??= page.firstId;
        for (const record of page.records) all.records.push(record);
        for (const item of page.setAside) all.setAside.push({ ...item, index: all.received + item.index });
        all.received += page.received;
      }
      return all;
    },

    // Every list endpoint answers { records, setAside, received } (read-records.ts).
    getAccounts: listEndpoint("account", ZAccountSchema),
    getPortfolios: listEndpoint("portfolio", ZPortfolioSchema),
    getInvestments: listEndpoint("investment", ZInvestmentSchema),
    getInvestmentTransactions: listEndpoint("investment/transaction", ZInvestmentTransactionSchema),
    /** Undocumented body beyond credentials_token: extra fields of the input are sent as given. */
    getInvestmentDetails: listEndpoint("investment/detail", ZInvestmentDetailSchema),
    getLiabilities: listEndpoint("liability", ZLiabilitySchema),
    getLiabilityTransactions: listEndpoint("liability/transaction", ZLiabilityTransactionSchema),
    /** `credentials/mifid/raw`, falling back to `credencial/mifid/raw` on a 404 (see getMifid above). */
    getMifid,
    /** POST v0/bank/credentials/auth: identity of the credentials' owner (its `_id` is the credentials token). */
    getIdentity: listEndpoint("auth", ZIdentitySchema, true),
    getCards: listEndpoint("card", ZCardSchema),
    getCardTransactions: listEndpoint("card/transaction", ZCardTransactionSchema),
    getHolders: listEndpoint("holder", ZHolderSchema),

    /** POST v0/bank/credentials/all with one token or several. */
    getAll(credentialsTokens: string | string[], options?: TCallOptions) {
      return call({
        method: "POST",
        path: `${CREDENTIALS}/all`,
        body: { credentials_token: credentialsTokens },
        schema: ZAllDataSchema,
        root: "all",
        secrets: Array.isArray(credentialsTokens) ? credentialsTokens : [credentialsTokens],
        options,
      });
    },

    /** POST v0/bank/credentials/list: every active credentials token of the company. */
    listCredentials(options?: TCallOptions) {
      return call({ method: "POST", path: `${CREDENTIALS}/list`, body: {}, schema: ZCredentialsListSchema, root: "list", options });
    },

    /** GET v0/platform/link: link codes not exchanged yet, optionally of one Link. */
    listLinkCodes(linkToken?: string, options?: TCallOptions) {
      return call({
        method: "GET",
        path: "v0/platform/link",
        query: { link_token: linkToken },
        schema: ZLinkCodeListSchema,
        root: "link",
        options,
      });
    },

    /**
     * POST v0/platform/link: exchanges a one-use code for a credentials token. Never retried (see
     * TRetryPolicy); on a timeout / 5xx the error has `isOutcomeUnknown`: reconcile with listLinkCodes.
     */
    async exchangeLinkCode(code: string, options?: TCallOptions): Promise<TLinkExchangeResult> {
      const { status, data } = await http.request<unknown>({
        method: "POST",
        path: "v0/platform/link",
        body: { code },
        isAuthenticated: true,
        retry: "never",
        acceptStatuses: [202],
        schema: (status) => (status === 202 ? ZLinkDelayedResponseSchema : ZLinkExchangeResponseSchema),
        root: "link",
        secrets: [code],
        options,
      });
      if (status === 202) {
        const delayed = ZLinkDelayedResponseSchema.parse(data);
        return { kind: "delayed", message: delayed.message ?? "delayed" };
      }
      const exchanged = ZLinkExchangeResponseSchema.parse(data);
      redactor.add(exchanged.credentials_token);
      return { kind: "exchanged", ...exchanged };
    },

    /** GET v0/bank/available: entities enabled for the company. */
    getAvailableBanks(options?: TCallOptions) {
      return call({ method: "GET", path: "v0/bank/available", schema: ZAvailableBankListSchema, root: "available", options });
    },
  };
}

export type TFlanksClient = ReturnType<typeof createFlanksClient>;

/** Every token that reaches this process is added to the redactor, wherever it came from. */
function redacting(manager: TTokenManager, onToken: (token: string) => void): TTokenManager {
  const seen = (token: string) => (onToken(token), token);
  return {
    get: () => manager.get().then(seen),
    refreshAfterRejection: (stale) => manager.refreshAfterRejection(stale).then(seen),
    clear: () => manager.clear(),
  };
}
