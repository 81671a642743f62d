import { z } from "zod";
import { FlanksContractError, FlanksError } from "./errors";
import { createHttp, type TCallOptions, type TFlanksLogger, type TRequestSpec } from "./http";
import { chooseEncryptionKey, createJweEncryptor, type TJweEncryptor } from "./jwe";
import { walkPages, type TPageOptions } from "./pagination";
import { createRedactor } from "./redact";
import { DEFAULT_RETRY, type TRetryConfig } from "./retry";
import {
  FORCE_TOKEN_KEY,
  ZAccountListSchema,
  ZAccountTransactionListSchema,
  ZAllDataSchema,
  ZAvailableBankListSchema,
  ZCardListSchema,
  ZCardTransactionListSchema,
  ZCredentialsListSchema,
  ZCredentialsStatusSchema,
  ZDeleteCredentialsResponseSchema,
  ZForceStatusResponseSchema,
  ZHolderListSchema,
  ZIdentityListSchema,
  ZInvestmentDetailListSchema,
  ZInvestmentListSchema,
  ZInvestmentTransactionListSchema,
  ZLiabilityListSchema,
  ZLiabilityTransactionListSchema,
  ZLinkCodeListSchema,
  ZLinkDelayedResponseSchema,
  ZLinkExchangeResponseSchema,
  ZMifidListSchema,
  ZPortfolioListSchema,
  ZTokenResponseSchema,
  type TAccountTransaction,
  type TAccountTransactionsRequest,
  type TDataRequest,
  type TForceFlow,
  type TLinkExchangeResponse,
} from "./schemas";
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
  /** Tokens from elsewhere (a server worker asks the primary process: token-broker.ts) instead of this client's own. */
  tokenManager?: TTokenManager;
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

  const ownTokens = (): TTokenManager =>
    createTokenManager({
      onToken: (token) => redactor.add(token),
      fetchToken: async () => {
        // Retried like a read: a token request that failed gave us nothing to lose, and the single
        // in-flight refresh guarantees only one caller asks at a time.
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
      },
    });
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

  async function getAccountTransactions(input: TAccountTransactionsRequest, options?: TCallOptions): Promise<TAccountTransaction[]> {
    const { page, page_size, ...body } = input;
    return call({
      method: "POST",
      path: `${CREDENTIALS}/data`,
      query: { page, page_size },
      body,
      schema: ZAccountTransactionListSchema,
      root: "data",
      secrets: [body.credentials_token],
      options,
    });
  }

  function iterateAccountTransactionPages(
    input: TDataInput,
    pageOptions?: TPageOptions,
    options?: TCallOptions,
  ): AsyncGenerator<TAccountTransaction[], void, undefined> {
    const body = bodyOf(input);
    return walkPages(
      `POST ${CREDENTIALS}/data`,
      (page, page_size) => getAccountTransactions({ ...body, page, page_size }, options),
      pageOptions,
    );
  }

  return {
    /** This client's token source: the primary process serves it to the workers (token-broker.ts). */
    tokenManager: tokens,
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
    /** Every page of account transactions, one array per page. */
    iterateAccountTransactionPages,
    /** Every account transaction (walks all pages). Prefer the iterator for ~100 000 rows. */
    async getAllAccountTransactions(input: TDataInput, pageOptions?: TPageOptions, options?: TCallOptions) {
      const all: TAccountTransaction[] = [];
      for await (const page of iterateAccountTransactionPages(input, pageOptions, options)) all.push(...page);
      return all;
    },

    getAccounts: dataEndpoint("account", ZAccountListSchema),
    getPortfolios: dataEndpoint("portfolio", ZPortfolioListSchema),
    getInvestments: dataEndpoint("investment", ZInvestmentListSchema),
    getInvestmentTransactions: dataEndpoint("investment/transaction", ZInvestmentTransactionListSchema),
    /** Undocumented body beyond credentials_token: extra fields of the input are sent as given. */
    getInvestmentDetails: dataEndpoint("investment/detail", ZInvestmentDetailListSchema),
    getLiabilities: dataEndpoint("liability", ZLiabilityListSchema),
    getLiabilityTransactions: dataEndpoint("liability/transaction", ZLiabilityTransactionListSchema),
    /** `credentials/mifid/raw` (the reference's section heading misspells it `credencial`). */
    getMifid: dataEndpoint("mifid/raw", ZMifidListSchema),
    /** POST v0/bank/credentials/auth: identity of the credentials' owner. */
    getIdentity: dataEndpoint("auth", ZIdentityListSchema),
    getCards: dataEndpoint("card", ZCardListSchema),
    getCardTransactions: dataEndpoint("card/transaction", ZCardTransactionListSchema),
    getHolders: dataEndpoint("holder", ZHolderListSchema),

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
