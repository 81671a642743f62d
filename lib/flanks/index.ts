// The public surface of the Flanks client for code that must not import server-only
// (tests, tsx scripts). App code gets the configured instance from get-flanks-client.ts.
export { createFlanksClient } from "./client";
export type { TDataInput, TDeleteCredentialsResult, TFlanksClient, TFlanksClientConfig, TLinkExchangeResult } from "./client";
export { FlanksContractError, FlanksError, isFlanksError } from "./errors";
export type { TContractIssue, TFlanksErrorKind } from "./errors";
export type { TCallOptions, TFlanksLogger } from "./http";
export { buildLinkUrl, LINK_PARAMS } from "./link-url";
export type { TBuildLinkUrlInput } from "./link-url";
export type { TPageOptions } from "./pagination";
export * from "./schemas";
