import { describe, expect, it } from "vitest";
import { AUDIT_GENESIS_HASH, checkAuditRows, computeAuditHash, computeUnkeyedAuditHash, type TAuditRow } from "./audit-hash";

const KEY = "test-audit-key-0123456789abcdef0123456789";

/** `unkeyed` rows first (as before the chain was keyed), then `keyed` ones. */
function chain(keyed: number, unkeyed = 0): TAuditRow[] {
  const rows: TAuditRow[] = [];
  let prevHash = AUDIT_GENESIS_HASH;
  for (let id = 1; id <= unkeyed + keyed; id++) {
    const row = {
      id,
      prevHash,
      at: new Date(Date.UTC(2026, 0, id)),
      actorId: "u",
      actorEmail: "u@x",
      action: "client.create",
      targetType: "client",
      targetId: `c${id}`,
      requestId: null,
      details: "{}",
    };
    const hash = id <= unkeyed ? computeUnkeyedAuditHash(row) : computeAuditHash(row, KEY);
    rows.push({ ...row, hash });
    prevHash = hash;
  }
  return rows;
}

describe("audit hash chain", () => {
  it("holds for an untouched chain, and names where it became keyed", () => {
    expect(checkAuditRows(chain(5), KEY)).toEqual({ cursor: { expectedPrev: chain(5)[4]!.hash, keyedFromId: 1, unkeyedCount: 0 } });
    expect(checkAuditRows(chain(2, 3), KEY)).toMatchObject({ cursor: { keyedFromId: 4, unkeyedCount: 3 } });
  });
  it("names the first edited row", () => {
    const rows = chain(5);
    rows[2] = { ...rows[2]!, action: "client.archive" };
    expect(checkAuditRows(rows, KEY)).toEqual({ brokenId: 3 });
  });
  it("names the row after a removed one", () => {
    const rows = chain(5);
    rows.splice(1, 1);
    expect(checkAuditRows(rows, KEY)).toEqual({ brokenId: 3 });
  });
  it("refuses an edited row rehashed without the key, and an unkeyed row after a keyed one", () => {
    const rows = chain(5);
    const forged = { ...rows[4]!, actorEmail: "someone-else@example.com" };
    rows[4] = { ...forged, hash: computeUnkeyedAuditHash(forged) };
    expect(checkAuditRows(rows, KEY)).toEqual({ brokenId: 5 });
  });
  it("refuses a chain keyed with another key", () => {
    expect(checkAuditRows(chain(3), "another-key-0123456789abcdef0123456789")).toEqual({ brokenId: 1 });
  });
});
