import { toDate, toDateOrNull, type TReadConnection } from "@/lib/db/read-connection";
import type { TSessionState } from "./session-rules";

const SESSION_SQL = `
  SELECT s."createdAt", s."lastSeenAt", s."endedAt", s."sessionVersion",
         u."id", u."email", u."name", u."role", u."disabled", u."sessionVersion" AS "userSessionVersion", u."locale"
  FROM "Session" s JOIN "User" u ON u."id" = s."userId"
  WHERE s."id" = ?`;

export type TStoredSession = TSessionState & {
  user: TSessionState["user"] & { id: string; email: string; name: string; role: "ADVISOR" | "ADMIN"; locale: string | null };
};

type TSessionRow = {
  createdAt: string;
  lastSeenAt: string;
  endedAt: string | null;
  sessionVersion: number;
  id: string;
  email: string;
  name: string;
  role: "ADVISOR" | "ADMIN";
  disabled: number | boolean;
  userSessionVersion: number;
  locale: string | null;
};

/** The session and its user in one prepared statement (lib/db/read-connection.ts): read on every request, never cached. */
export async function readSessionRow(db: TReadConnection, sessionId: string): Promise<TStoredSession | null> {
  const row = await db.get<TSessionRow>(SESSION_SQL, [sessionId]);
  if (!row) return null;
  return {
    createdAt: toDate(row.createdAt),
    lastSeenAt: toDate(row.lastSeenAt),
    endedAt: toDateOrNull(row.endedAt),
    sessionVersion: row.sessionVersion,
    user: {
      id: row.id,
      email: row.email,
      name: row.name,
      role: row.role,
      disabled: Boolean(row.disabled),
      sessionVersion: row.userSessionVersion,
      locale: row.locale,
    },
  };
}
