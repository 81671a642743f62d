import { describe, expect, it } from "vitest";
import { ZMarkClientReviewedSchema, ZReviewThresholdsSchema } from "./review-schemas";

const clientId = "c".repeat(25);
const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.success ? [] : result.error!.issues.map((i) => i.message);

describe("the review forms' input", () => {
  it("takes a real calendar day and an optional one-line note of at most 500 characters", () => {
    expect(ZMarkClientReviewedSchema.parse({ clientId, reviewDay: "2026-12-06", note: "" })).toEqual({ clientId, reviewDay: "2026-12-06", note: null });
    expect(ZMarkClientReviewedSchema.parse({ clientId, reviewDay: "2024-02-29", note: " Anual " }).note).toBe("Anual");
    expect(messages(ZMarkClientReviewedSchema.safeParse({ clientId, reviewDay: "2026-02-30" }))).toEqual(["invalidDay"]);
    expect(messages(ZMarkClientReviewedSchema.safeParse({ clientId, reviewDay: "6/12/2026" }))).toContain("invalidDay");
    expect(messages(ZMarkClientReviewedSchema.safeParse({ clientId, reviewDay: "2026-12-06", note: "x".repeat(501) }))).toEqual(["tooLong:500"]);
    expect(messages(ZMarkClientReviewedSchema.safeParse({ clientId, reviewDay: "2026-12-06", note: "two\nlines" }))).toEqual(["invalidText"]);
  });

  it("takes a whole percentage from 1 to 100 and an amount with a dot or a comma", () => {
    expect(ZReviewThresholdsSchema.parse({ positionChangePercent: "10", largeMovement: "10000" })).toEqual({
      positionChangePercent: 10,
      largeMovement: "10000",
    });
    expect(ZReviewThresholdsSchema.parse({ positionChangePercent: "100", largeMovement: "2500,50" }).largeMovement).toBe("2500.50");
    for (const percent of ["0", "101", "7.5", "abc"]) {
      expect(messages(ZReviewThresholdsSchema.safeParse({ positionChangePercent: percent, largeMovement: "1" })), percent).toEqual(["invalidPercent"]);
    }
    for (const amount of ["10.000,50", "-5", "1e6", "12345678901", "1.234"]) {
      expect(messages(ZReviewThresholdsSchema.safeParse({ positionChangePercent: "10", largeMovement: amount })), amount).toEqual(["invalidAmount"]);
    }
  });
});
