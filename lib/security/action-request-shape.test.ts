import { describe, expect, it } from "vitest";
import { hasDecodableActionArguments } from "./action-request-shape";

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request("http://x/clients", { method: "POST", body, headers: { "next-action": "7f00", ...headers } });

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

describe("hasDecodableActionArguments", () => {
  it("accepts what React's encodeReply sends: a multipart root array, or a text root array", async () => {
    expect(await hasDecodableActionArguments(post(form({ "0": '["$K1"]', "1_name": "Ana" })))).toBe(true);
    expect(await hasDecodableActionArguments(post('[{"a":1},"b"]', { "content-type": "text/plain;charset=UTF-8" }))).toBe(true);
  });

  it.each([
    ["a multipart root that is not JSON", () => post(form({ "0": "{not json" }))],
    ["a multipart root that is not an array", () => post(form({ "0": '{"a":1}' }))],
    ["a multipart body without a root", () => post(form({ "1_name": "Ana" }))],
    ["a JSON object body", () => post('{"clientId":"x"}', { "content-type": "application/json" })],
    ["a malformed JSON body", () => post("[{", { "content-type": "application/json" })],
    ["a text body", () => post("hello", { "content-type": "text/plain" })],
    ["a broken multipart body", () => post("--x\r\nnot a part", { "content-type": "multipart/form-data; boundary=x" })],
  ])("refuses %s", async (_label, request) => {
    expect(await hasDecodableActionArguments(request())).toBe(false);
  });

  it("leaves the body readable for Next.js", async () => {
    const request = post('["a"]', { "content-type": "text/plain" });
    await hasDecodableActionArguments(request);
    expect(await request.text()).toBe('["a"]');
  });
});
