import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { jsonError } from "@/lib/api/json-error";
import { decodeSessionToken } from "@/lib/auth/session-token";
import { loadEnv } from "@/lib/config/load-env";
import { ACTION_ID_HEADER, hasDecodableActionArguments } from "@/lib/security/action-request-shape";
import { buildContentSecurityPolicy } from "@/lib/security/content-security-policy";
import { REQUEST_ID_HEADER } from "@/lib/request/request-id-header";

/** Pages behind sign-in. The proxy only redirects; every page, action and handler checks the session itself. */
const PROTECTED_PREFIXES = ["/clients", "/admin", "/inbox", "/settings"];

function isProtected(pathname: string): boolean {
  return pathname === "/" || PROTECTED_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

export async function proxy(request: NextRequest) {
  const env = loadEnv();
  const { pathname, search } = request.nextUrl;

  if (isProtected(pathname)) {
    const token = await getToken({ req: request, secret: env.nextAuthSecret, decode: decodeSessionToken });
    if (!token?.sid) {
      const login = new URL("/login", request.url);
      if (pathname !== "/") login.searchParams.set("callbackUrl", pathname + search);
      return NextResponse.redirect(login);
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
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|icon.svg|apple-touch-icon.png|robots.txt).*)" }],
};
