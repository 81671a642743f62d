import { describe, expect, it } from "vitest";
import { evaluateSession, SESSION_IDLE_MS, SESSION_MAX_AGE_MS } from "./session-rules";

const now = new Date("2026-11-25T12:00:00Z");
const base = {
  createdAt: new Date(now.getTime() - 60_000),
  lastSeenAt: new Date(now.getTime() - 60_000),
  endedAt: null,
  sessionVersion: 3,
  user: { disabled: false, sessionVersion: 3 },
};

describe("evaluateSession", () => {
  it("accepts a fresh session", () => expect(evaluateSession(base, now)).toBe("valid"));
  it("ends after sign-out", () => expect(evaluateSession({ ...base, endedAt: now }, now)).toBe("ended"));
  it("refuses a disabled user at once", () => expect(evaluateSession({ ...base, user: { ...base.user, disabled: true } }, now)).toBe("disabled"));
  it("refuses sessions issued before a password change", () =>
    expect(evaluateSession({ ...base, user: { ...base.user, sessionVersion: 4 } }, now)).toBe("revoked"));
  it("lasts at most 12 hours even when active", () =>
    expect(evaluateSession({ ...base, createdAt: new Date(now.getTime() - SESSION_MAX_AGE_MS - 1), lastSeenAt: now }, now)).toBe("expired"));
  it("ends after 30 idle minutes", () => {
    expect(evaluateSession({ ...base, lastSeenAt: new Date(now.getTime() - SESSION_IDLE_MS - 1) }, now)).toBe("idle");
    expect(evaluateSession({ ...base, lastSeenAt: new Date(now.getTime() - SESSION_IDLE_MS + 1000) }, now)).toBe("valid");
  });
});
