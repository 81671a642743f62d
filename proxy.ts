import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { jsonError } from "@/lib/api/json-error";
import { decodeSessionToken } from "@/lib/auth/session-token";
import { loadEnv } from "@/lib/config/load-env";
import { ACTION_ID_HEADER, hasDecodableActionArguments } from "@/lib/security/action-request-shape";
import { isForwardedHttps } from "@/lib/security/forwarded-proto";
import { buildContentSecurityPolicy } from "@/lib/security/content-security-policy";
import { REQUEST_ID_HEADER } from "@/lib/request/request-id-header";

/** Pages behind sign-in. The proxy only redirects; every page, action and handler checks the session itself. */
const PROTECTED_PREFIXES = ["/clients", "/admin", "/inbox", "/settings"];

function isProtected(pathname: string): boolean {
  return pathname === "/" || PROTECTED_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

/** A year of https only, once the browser has seen the site over https (the header is ignored over http). */
const STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

function withTransportSecurity(response: NextResponse, isHttps: boolean): NextResponse {
  if (isHttps) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

export async function proxy(request: NextRequest) {
  const env = loadEnv();
  const { pathname, search } = request.nextUrl;
  // Over https when the public URL is https, or when a trusted proxy says so; a caller's own X-Forwarded-Proto is not believed.
  const isHttps = env.isPublicUrlHttps || isForwardedHttps({ forwardedProto: request.headers.get("x-forwarded-proto"), trustedHops: env.TRUSTED_PROXY_HOPS });

  if (isProtected(pathname)) {
    const token = await getToken({ req: request, secret: env.nextAuthSecret, decode: decodeSessionToken });
    if (!token?.sid) {
      const login = new URL("/login", request.url);
      if (pathname !== "/") login.searchParams.set("callbackUrl", pathname + search);
      return withTransportSecurity(NextResponse.redirect(login), isHttps);
    }
  }

  if (request.method === "POST" && request.headers.has(ACTION_ID_HEADER) && !(await hasDecodableActionArguments(request))) {
    return jsonError(400, "BAD_REQUEST", "The form could not be read. Reload the page and try again.");
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = buildContentSecurityPolicy({ nonce, linkUrl: env.flanksLinkUrl, isDev: env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  requestHeaders.set(REQUEST_ID_HEADER, request.headers.get(REQUEST_ID_HEADER)?.slice(0, 64) || crypto.randomUUID());

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  // Pages show personal wealth data: never stored by the browser or a shared cache.
  response.headers.set("Cache-Control", "private, no-store, max-age=0");
  return withTransportSecurity(response, isHttps);
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|icon.svg|apple-touch-icon.png|robots.txt).*)" }],
};
