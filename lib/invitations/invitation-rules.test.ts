import { describe, expect, it } from "vitest";
import {
  canOpenInvitation,
  exchangeBindingRefusal,
  hashInvitationToken,
  invitationBindingRefusal,
  invitationState,
  LINK_IN_PROGRESS_GRACE_MS,
  newInvitationToken,
} from "./invitation-rules";

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

describe("binding a link code to an invitation (issue 16.4)", () => {
  const client = { archived: false, advisor: { disabled: false } };
  const valid = { ...base, consentAt: null, client };
  const expected = { reference: "ref-1", clientId: "client-1", referenceKey: "ref" };

  it("an open invitation binds; revoked, archived client or disabled advisor do not", () => {
    expect(invitationBindingRefusal(valid, now)).toBeNull();
    expect(invitationBindingRefusal({ ...valid, revokedAt: now }, now)).toBe("revoked");
    expect(invitationBindingRefusal({ ...valid, client: { ...client, archived: true } }, now)).toBe("archived_client");
    expect(invitationBindingRefusal({ ...valid, client: { archived: false, advisor: { disabled: true } } }, now)).toBe("advisor_disabled");
  });

  it("an expired invitation binds nothing, except a Link consented before expiry and back within the grace period", () => {
    const expiresAt = new Date(now.getTime() - 1_000);
    expect(invitationBindingRefusal({ ...valid, expiresAt }, now)).toBe("expired");
    const consentedInTime = { ...valid, expiresAt, consentAt: new Date(expiresAt.getTime() - 60_000) };
    expect(invitationBindingRefusal(consentedInTime, now)).toBeNull();
    expect(invitationBindingRefusal(consentedInTime, new Date(expiresAt.getTime() + LINK_IN_PROGRESS_GRACE_MS + 1))).toBe("expired");
    expect(invitationBindingRefusal({ ...valid, expiresAt, consentAt: new Date(expiresAt.getTime() + 1) }, now)).toBe("expired");
  });

  it("a re-authentication invitation binds once; a connect invitation serves several banks", () => {
    expect(invitationBindingRefusal({ ...valid, purpose: "SCA", usedAt: now }, now)).toBe("already_used");
    expect(invitationBindingRefusal({ ...valid, purpose: "RESET", usedAt: now }, now)).toBe("already_used");
    expect(invitationBindingRefusal({ ...valid, usedAt: now }, now)).toBeNull();
  });

  it("after the exchange, Flanks' extra.ref must be present and name the invitation; the query string does not decide", () => {
    expect(exchangeBindingRefusal({ extra: { ref: "ref-1" } }, expected, null)).toBeNull();
    expect(exchangeBindingRefusal({ extra: null }, expected, null)).toBe("reference_missing");
    expect(exchangeBindingRefusal({ extra: {} }, expected, null)).toBe("reference_missing");
    expect(exchangeBindingRefusal({ extra: { ref: "ref-2" } }, expected, null)).toBe("reference_mismatch");
  });

  it("external_id, when Flanks returns it, must be the invitation's client; credentials of another client stay there", () => {
    expect(exchangeBindingRefusal({ extra: { ref: "ref-1" }, external_id: "client-1" }, expected, null)).toBeNull();
    expect(exchangeBindingRefusal({ extra: { ref: "ref-1" }, external_id: "client-2" }, expected, null)).toBe("external_id_mismatch");
    expect(exchangeBindingRefusal({ extra: { ref: "ref-1", external_id: "client-2" } }, expected, null)).toBe("external_id_mismatch");
    expect(exchangeBindingRefusal({ extra: { ref: "ref-1" } }, expected, "client-1")).toBeNull();
    expect(exchangeBindingRefusal({ extra: { ref: "ref-1" } }, expected, "client-2")).toBe("owned_by_other_client");
  });
});
