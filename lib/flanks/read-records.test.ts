import { describe, expect, it } from "vitest";
import { FlanksContractError } from "./errors";
import { readRecords } from "./read-records";
import { ZHolderSchema, ZIdentitySchema } from "./schemas";

describe("readRecords", () => {
  it("keeps of a set-aside record its shape, numbers and ids, never personal text nor identity's _id (the credentials token)", () => {
    const token = "ct-0123456789abcdef";
    const list = readRecords(
      "POST v0/bank/credentials/auth",
      "auth",
      [{ _id: 42, fullName: "Ana García", address: { city: "Madrid" }, score: 7 }],
      ZIdentitySchema,
      { isIdSecret: true },
    );
    expect(list.setAside).toHaveLength(1);
    expect(list.setAside[0]?.recordId).toBeNull();
    expect(list.setAside[0]?.record).toEqual({ _id: 42, fullName: "[text, 10 characters]", address: { city: "[text, 6 characters]" }, score: 7 });
    const withToken = readRecords("POST auth", "auth", [{ _id: 7, sector: token }], ZIdentitySchema, { isIdSecret: true });
    expect(withToken.setAside).toHaveLength(1);
    expect(JSON.stringify(withToken.setAside[0]?.record)).not.toContain(`"${token}"`);
  });

  it("names the record's id and keeps ids and codes of other records", () => {
    const list = readRecords(
      "POST holder",
      "holder",
      [
        { product_id: "p1", name: "Ana" },
        { product_id: "p2", name: null, rel: "Titular" },
      ],
      ZHolderSchema,
    );
    expect(list.records).toHaveLength(1);
    expect(list.setAside[0]).toMatchObject({
      index: 1,
      issues: [{ path: "holder[1].name", message: "expected string, received null" }],
      record: { product_id: "p2", name: null, rel: "[text, 7 characters]" },
    });
  });

  it("an answer that is not a list (nor one object) is unreadable", () => {
    expect(() => readRecords("POST holder", "holder", null, ZHolderSchema)).toThrow(FlanksContractError);
    expect(() => readRecords("POST holder", "holder", "down", ZHolderSchema)).toThrow(FlanksContractError);
  });
});
