import { encode } from "next-auth/jwt";
import { afterEach, expect, it, vi } from "vitest";
import { decodeSessionToken } from "./session-token";

const secret = "a-test-secret-of-sufficient-length-0123456789";

afterEach(() => {
  vi.useRealTimers();
});

it("decodes what next-auth encodes, and nothing signed with another secret, tampered or expired", async () => {
  const token = await encode({ token: { sub: "u1", sid: "s1" }, secret });
  expect(await decodeSessionToken({ token, secret })).toMatchObject({ sub: "u1", sid: "s1" });
  expect(await decodeSessionToken({ token, secret: `${secret}x` })).toBeNull();
  expect(await decodeSessionToken({ token: `${token.slice(0, -4)}AAAA`, secret })).toBeNull();
  expect(await decodeSessionToken({ token: "", secret })).toBeNull();
  const expired = await encode({ token: { sid: "s1" }, secret, maxAge: -60 });
  expect(await decodeSessionToken({ token: expired, secret })).toBeNull();
});

it("refuses a remembered token once it has expired", async () => {
  const token = await encode({ token: { sid: "s2" }, secret, maxAge: 60 });
  expect(await decodeSessionToken({ token, secret })).toMatchObject({ sid: "s2" });
  vi.useFakeTimers({ now: Date.now() + 60_000 + 16_000, toFake: ["Date"] });
  expect(await decodeSessionToken({ token, secret })).toBeNull();
});
