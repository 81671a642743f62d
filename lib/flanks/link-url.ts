/**
 * The Flanks Link URL, built in one place. The names of the re-authentication parameters are not
 * public for the real Link (the sandbox uses `sca_token` / `reset_token`): if Flanks names them
 * otherwise, change LINK_PARAMS here and nowhere else.
 */
export const LINK_PARAMS = {
  token: "token",
  bank: "bank",
  externalId: "external_id",
  rollback: "rollback",
  scaToken: "sca_token",
  resetToken: "reset_token",
} as const;

const RESERVED = new Set<string>(Object.values(LINK_PARAMS));

export type TBuildLinkUrlInput = {
  /** The hosted Link page: absolute (https://platform.flanks.io/link) or a path of this app (/sandbox/link). */
  linkUrl: string;
  linkToken: string;
  /** Skips the bank list. */
  bank?: string;
  /** Our id for the credentials (Flanks derives `external_id` fields from it). */
  externalId?: string;
  /** Errors come back to the redirect URI as `error=<CODE>` instead of being shown. */
  rollback?: boolean;
  /** Re-authentication (SCA) of existing credentials. */
  scaToken?: string;
  /** Update of blocked / changed credentials, keeping the same credentials_token. */
  resetToken?: string;
  /** Any other parameters: Flanks returns them as `extra` with the code. */
  extra?: Record<string, string>;
};

export function buildLinkUrl(input: TBuildLinkUrlInput): string {
  const isRelative = !/^[a-z][a-z0-9+.-]*:/i.test(input.linkUrl);
  const url = new URL(input.linkUrl, "http://relative.invalid");
  const params = url.searchParams;
  params.set(LINK_PARAMS.token, input.linkToken);
  if (input.bank) params.set(LINK_PARAMS.bank, input.bank);
  if (input.externalId) params.set(LINK_PARAMS.externalId, input.externalId);
  if (input.rollback) params.set(LINK_PARAMS.rollback, "true");
  if (input.scaToken) params.set(LINK_PARAMS.scaToken, input.scaToken);
  if (input.resetToken) params.set(LINK_PARAMS.resetToken, input.resetToken);
  for (const [key, value] of Object.entries(input.extra ?? {})) {
    // An extra named like a Link parameter would silently change the Link's behaviour.
    if (RESERVED.has(key)) throw new Error(`Link extra parameter "${key}" collides with a Link parameter`);
    params.set(key, value);
  }
  return isRelative ? `${url.pathname}${url.search}${url.hash}` : url.toString();
}
