import { describe, expect, it } from "vitest";
import { canOpenInvitation, hashInvitationToken, invitationState, newInvitationToken } from "./invitation-rules";

const now = new Date("2026-11-25T10:00:00Z");
const later = new Date("2026-12-01T10:00:00Z");
const base = { purpose: "CONNECT", expiresAt: later, revokedAt: null, usedAt: null };

describe("invitation rules", () => {
  it("stores only a hash of an unguessable token", () => {
    const { token, tokenHash } = newInvitationToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(tokenHash).toBe(hashInvitationToken(token));
    expect(tokenHash).not.toContain(token);
    expect(newInvitationToken().token).not.toBe(token);
  });

  it("computes the state", () => {
    expect(invitationState(base, now)).toBe("open");
    expect(invitationState({ ...base, usedAt: now }, now)).toBe("used");
    expect(invitationState({ ...base, expiresAt: now }, now)).toBe("expired");
    expect(invitationState({ ...base, revokedAt: now, expiresAt: now }, now)).toBe("revoked");
  });

  it("a used connect invitation still connects more banks; a used re-authentication does not", () => {
    expect(canOpenInvitation({ ...base, usedAt: now }, now)).toBe(true);
    expect(canOpenInvitation({ ...base, purpose: "SCA", usedAt: now }, now)).toBe(false);
    expect(canOpenInvitation({ ...base, revokedAt: now }, now)).toBe(false);
    expect(canOpenInvitation({ ...base, expiresAt: now }, now)).toBe(false);
  });
});
