export const SESSION_MAX_AGE_MS = 12 * 60 * 60 * 1000;
export const SESSION_IDLE_MS = 30 * 60 * 1000;
/** lastSeenAt is written at most this often, so page views do not each cost a write. */
export const SESSION_TOUCH_INTERVAL_MS = 60 * 1000;

export type TSessionState = {
  createdAt: Date;
  lastSeenAt: Date;
  endedAt: Date | null;
  sessionVersion: number;
  user: { disabled: boolean; sessionVersion: number };
};

export type TSessionVerdict = "valid" | "ended" | "expired" | "idle" | "disabled" | "revoked";

/** Why a stored session may no longer be used; checked on every request. */
export function evaluateSession(session: TSessionState, now: Date): TSessionVerdict {
  if (session.endedAt) return "ended";
  if (session.user.disabled) return "disabled";
  if (session.user.sessionVersion !== session.sessionVersion) return "revoked";
  if (now.getTime() - session.createdAt.getTime() > SESSION_MAX_AGE_MS) return "expired";
  if (now.getTime() - session.lastSeenAt.getTime() > SESSION_IDLE_MS) return "idle";
  return "valid";
}
