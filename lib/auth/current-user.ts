import "server-only";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getDb, getReadDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import type { TLocale } from "@/lib/i18n/locales";
import { isLocale } from "@/lib/i18n/locales";
import { evaluateSession, SESSION_TOUCH_INTERVAL_MS } from "./session-rules";
import { readSessionRow } from "./session-row";
import { decodeSessionToken } from "./session-token";

export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;

export type TRole = "ADVISOR" | "ADMIN";

/** The signed-in user as every service receives it. */
export type TSessionUser = {
  id: string;
  email: string;
  name: string;
  role: TRole;
  locale: TLocale | null;
  sessionId: string;
};

async function readSessionId(): Promise<string | null> {
  const jar = await cookies();
  const raw = SESSION_COOKIES.map((name) => jar.get(name)?.value).find(Boolean);
  if (!raw) return null;
  const token = await decodeSessionToken({ token: raw, secret: getEnv().nextAuthSecret });
  return typeof token?.sid === "string" ? token.sid : null;
}

/**
 * Resolves the session row on every request (once per request thanks to `cache`): a disabled
 * user, a changed password, a sign-out or 30 idle minutes take effect on the very next request.
 */
export const getCurrentUser = cache(async (): Promise<TSessionUser | null> => {
  const sessionId = await readSessionId();
  if (!sessionId) return null;
  const session = await readSessionRow(getReadDb(), sessionId);
  if (!session) return null;
  const now = new Date();
  if (evaluateSession(session, now) !== "valid") return null;
  if (now.getTime() - session.lastSeenAt.getTime() > SESSION_TOUCH_INTERVAL_MS) {
    await getDb().session.update({ where: { id: sessionId }, data: { lastSeenAt: now } });
  }
  const { user } = session;
  return { id: user.id, email: user.email, name: user.name, role: user.role, locale: isLocale(user.locale) ? user.locale : null, sessionId };
});

export async function requireUser(): Promise<TSessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login?expired=1");
  return user;
}

/** Admin pages answer 404 to everyone else: their existence is not advertised. */
export async function requireAdmin(): Promise<TSessionUser> {
  const user = await requireUser();
  if (user.role !== "ADMIN") notFound();
  return user;
}
