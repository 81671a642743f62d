import { describe, expect, it } from "vitest";
import { createRedactor, MAX_REMEMBERED_TOKENS } from "./redact";

const token = (n: number) => `tok${String(n).padStart(8, "0")}`;

describe("the token redactor's memory", () => {
  it("stays bounded however many tokens it sees, and always keeps the client secret", () => {
    const redactor = createRedactor(["the-client-secret"]);
    for (let n = 0; n < 10_000; n++) redactor.add(token(n));
    expect(redactor.size).toBe(MAX_REMEMBERED_TOKENS + 1);
    expect(redactor.text("the-client-secret leaked")).toBe("[redacted] leaked");
    // The most recent tokens are redacted; the oldest one is no longer held in memory.
    expect(redactor.text(`saw ${token(9_999)}`)).toBe("saw [redacted]");
    expect(redactor.text(`saw ${token(0)}`)).toBe(`saw ${token(0)}`);
  });

  it("keeps a token that is still in use: each call adds its tokens again", () => {
    const redactor = createRedactor();
    redactor.add("in-use-credentials-token");
    for (let n = 0; n < MAX_REMEMBERED_TOKENS * 3; n++) {
      redactor.add(token(n));
      if (n % 100 === 0) redactor.add("in-use-credentials-token");
    }
    expect(redactor.text("error for in-use-credentials-token")).toBe("error for [redacted]");
  });

  it("still masks a forgotten token where it appears as a token field", () => {
    const redactor = createRedactor();
    for (let n = 0; n <= MAX_REMEMBERED_TOKENS; n++) redactor.add(token(n));
    expect(redactor.text(`{"credentials_token":"${token(0)}"}`)).toBe(`{"credentials_token":"[redacted]"}`);
  });
});
