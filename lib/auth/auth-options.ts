import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getEnv } from "@/lib/env";
import { clientAddressOf } from "@/lib/security/client-address";
import { endSession } from "@/lib/auth/end-session";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { SESSION_MAX_AGE_MS } from "./session-rules";

export const SIGN_IN_THROTTLED = "throttled";

/** next-auth hands authorize() the headers as a plain object; the address is read as for every other request. */
function addressOf(headers: Record<string, unknown> | undefined): string {
  const get = (name: string) => {
    const value = headers?.[name];
    return typeof value === "string" ? value : null;
  };
  return clientAddressOf({ get }, getEnv().TRUSTED_PROXY_HOPS);
}

let options: NextAuthOptions | undefined;

/** Built on first use, so `next build` never reads secrets. */
export function getAuthOptions(): NextAuthOptions {
  options ??= {
    secret: getEnv().nextAuthSecret,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_MS / 1000 },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, req) {
          const result = await signInWithPassword(credentials, addressOf(req.headers));
          if (!result.ok) {
            if (result.reason === "throttled") throw new Error(SIGN_IN_THROTTLED);
            return null;
          }
          return { id: result.userId, sessionId: result.sessionId };
        },
      }),
    ],
    callbacks: {
      // The cookie carries only ids; who the user is and whether they may continue is read from the database per request.
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.sid = (user as { sessionId?: string }).sessionId;
        }
        return { sub: token.sub, sid: token.sid, iat: token.iat, exp: token.exp, jti: token.jti };
      },
      session({ session }) {
        return { expires: session.expires };
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") await endSession(token.sid);
      },
    },
  };
  return options;
}
