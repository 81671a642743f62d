import { describe, expect, it } from "vitest";
import { AUDIT_GENESIS_HASH, computeAuditHash, findFirstBrokenAuditRow } from "./audit-hash";

function chain(count: number) {
  const rows = [];
  let prevHash = AUDIT_GENESIS_HASH;
  for (let id = 1; id <= count; id++) {
    const row = { id, prevHash, at: new Date(Date.UTC(2026, 0, id)), actorId: "u", actorEmail: "u@x", action: "client.create", targetType: "client", targetId: `c${id}`, requestId: null, details: "{}" };
    const hash = computeAuditHash(row);
    rows.push({ ...row, hash });
    prevHash = hash;
  }
  return rows;
}

describe("audit hash chain", () => {
  it("holds for an untouched chain", () => expect(findFirstBrokenAuditRow(chain(5))).toBeNull());
  it("names the first edited row", () => {
    const rows = chain(5);
    rows[2] = { ...rows[2]!, action: "client.archive" };
    expect(findFirstBrokenAuditRow(rows)).toBe(3);
  });
  it("names the row after a removed one", () => {
    const rows = chain(5);
    rows.splice(1, 1);
    expect(findFirstBrokenAuditRow(rows)).toBe(3);
  });
});
