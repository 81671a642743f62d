import "server-only";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import type { TLocale } from "@/lib/i18n/locales";
import { isLocale } from "@/lib/i18n/locales";
import { evaluateSession, SESSION_TOUCH_INTERVAL_MS } from "./session-rules";

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

const SESSION_SELECT = {
  createdAt: true,
  lastSeenAt: true,
  endedAt: true,
  sessionVersion: true,
  user: { select: { id: true, email: true, name: true, role: true, disabled: true, sessionVersion: true, locale: true } },
} as const;

async function readSessionId(): Promise<string | null> {
  const jar = await cookies();
  const raw = SESSION_COOKIES.map((name) => jar.get(name)?.value).find(Boolean);
  if (!raw) return null;
  try {
    const token = await decode({ token: raw, secret: getEnv().nextAuthSecret });
    return typeof token?.sid === "string" ? token.sid : null;
  } catch {
    return null;
  }
}

/**
 * Resolves the session row on every request (once per request thanks to `cache`): a disabled
 * user, a changed password, a sign-out or 30 idle minutes take effect on the very next request.
 */
export const getCurrentUser = cache(async (): Promise<TSessionUser | null> => {
  const sessionId = await readSessionId();
  if (!sessionId) return null;
  const db = getDb();
  // `select`, not `include`: with `include` the query cost ~4 ms of CPU instead of ~1.5 ms (Prisma 6 query compiler), on every request.
  const session = await db.session.findUnique({ where: { id: sessionId }, select: SESSION_SELECT });
  if (!session) return null;
  const now = new Date();
  if (evaluateSession(session, now) !== "valid") return null;
  if (now.getTime() - session.lastSeenAt.getTime() > SESSION_TOUCH_INTERVAL_MS) {
    await db.session.update({ where: { id: sessionId }, data: { lastSeenAt: now } });
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
