/**
 * A nonce-based policy: scripts run only with this request's nonce (no `unsafe-eval`), nothing
 * may frame us, and forms may post only to ourselves and to the Flanks Link (the consent step
 * redirects there).
 */
export function buildContentSecurityPolicy({ nonce, linkUrl, isDev }: { nonce: string; linkUrl: string; isDev: boolean }): string {
  const linkOrigin = /^https?:\/\//.test(linkUrl) ? new URL(linkUrl).origin : "";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    // React and recharts set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    `form-action 'self'${linkOrigin ? ` ${linkOrigin}` : ""}`,
    "frame-ancestors 'none'",
  ].join("; ");
}
