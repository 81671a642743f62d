import { describe, expect, it } from "vitest";
import { buildRedirect } from "./link-flow";
import { makeKit, type TKit } from "./sandbox-test-kit";

const sessionOf = (html: string): string => /name="session" value="([^"]+)"/.exec(html)?.[1] ?? "";

async function open(kit: TKit, query: string): Promise<{ response: Response; html: string; session: string }> {
  const response = await kit.call("GET", `link?${query}`);
  const html = await response.text();
  return { response, html, session: sessionOf(html) };
}

function redirectParams(response: Response): URLSearchParams {
  expect(response.status).toBe(303);
  const location = response.headers.get("location") ?? "";
  expect(location.startsWith("/connect/callback?")).toBe(true);
  return new URL(location, "http://x").searchParams;
}

describe("hosted Link page", () => {
  it("refuses an unknown link token", async () => {
    const kit = makeKit();
    expect((await open(kit, "token=wrong")).response.status).toBe(404);
  });

  it("bank list → login → redirect with code and every extra parameter", async () => {
    const kit = makeKit();
    const first = await open(kit, "token=link-token&external_id=client-7&invitation=inv_9&lang=es");
    expect(first.response.headers.get("content-type")).toMatch(/text\/html/);
    expect(first.html).toContain('<html lang="en">');
    expect(first.html).toContain("Banco Meseta");
    expect(first.html).not.toMatch(/<script|src=|href="http/i);
    const login = await kit.form({ session: first.session, action: "choose-bank", bank: "testbank" });
    const loginHtml = await login.text();
    expect(loginHtml).toContain('<label for="password">');
    expect(loginHtml).toContain("sca-sms");
    const done = await kit.form({ session: first.session, action: "login", username: "ana", password: "healthy" });
    const params = redirectParams(done);
    expect(params.get("invitation")).toBe("inv_9");
    expect(params.get("lang")).toBe("es");
    expect(params.has("external_id")).toBe(false);
    expect(params.has("token")).toBe(false);
    await kit.token();
    const codes = (await (await kit.call("GET", "v0/platform/link")).json()) as { code: string; extra: Record<string, string> }[];
    expect(codes).toEqual([{ code: params.get("code"), extra: { invitation: "inv_9", lang: "es" }, link_token: "link-token" }]);
    await kit.call("POST", "v0/platform/link", { code: params.get("code") });
    const list = (await (await kit.call("POST", "v0/bank/credentials/list", {})).json()) as { items: { external_id: string }[] };
    expect(list.items[0]?.external_id).toBe("client-7");
    // The session is one-use.
    expect((await kit.form({ session: first.session, action: "login", username: "ana", password: "healthy" })).status).toBe(410);
  });

  it("lets the browser follow the form's redirect to an app on another origin (CSP form-action)", async () => {
    // Served on its own (lib/flanks/test/start-sandbox-server.ts, or as a stand-in Flanks in front of a
    // production-mode app), the Link is on another origin than the redirect URI: browsers apply
    // form-action to the redirect after a form submission, so 'self' alone kept the user on the Link.
    const formActionOf = (response: Response) =>
      /form-action ([^;]+)/
        .exec(response.headers.get("content-security-policy") ?? "")?.[1]
        ?.trim()
        .split(/\s+/) ?? [];
    const remote = makeKit({ linkRedirectUri: "http://127.0.0.1:3300/connect/callback?from=link" });
    const page = (await open(remote, "token=link-token&external_id=c1")).response;
    expect(formActionOf(page)).toEqual(["'self'", "http://127.0.0.1:3300"]);
    // Same origin (the built-in sandbox): 'self' is enough.
    const local = makeKit();
    expect(formActionOf((await open(local, "token=link-token&external_id=c1")).response)).toEqual(["'self'"]);
  });

  it("rollback=true sends errors back with the extra parameters", async () => {
    const kit = makeKit();
    const cases: [string, string][] = [
      ["wrong-password", "INVALID_CREDENTIALS"],
      ["not-a-scenario", "INVALID_CREDENTIALS"],
      ["internal-error", "INTERNAL_ERROR"],
      ["already-exists", "CREDENTIALS_ALREADY_EXIST"],
    ];
    for (const [password, error] of cases) {
      const { session } = await open(kit, "token=link-token&bank=testbank&rollback=true&invitation=inv_1");
      const params = redirectParams(await kit.form({ session, action: "login", username: "ana", password }));
      expect(params.get("error"), password).toBe(error);
      expect(params.get("invitation")).toBe("inv_1");
      expect(params.has("code")).toBe(false);
    }
    const cancelled = await open(kit, "token=link-token&rollback=true&invitation=inv_2");
    const params = redirectParams(await kit.form({ session: cancelled.session, action: "cancel" }));
    expect(params.get("error")).toBe("ABORTED_BY_USER");
    expect(params.get("invitation")).toBe("inv_2");
  });

  it("the same username twice gives CREDENTIALS_ALREADY_EXIST", async () => {
    const kit = makeKit();
    const one = await open(kit, "token=link-token&bank=testbank&rollback=true");
    expect(redirectParams(await kit.form({ session: one.session, action: "login", username: "ana", password: "healthy" })).has("code")).toBe(true);
    const two = await open(kit, "token=link-token&bank=testbank&rollback=true");
    expect(redirectParams(await kit.form({ session: two.session, action: "login", username: "Ana", password: "healthy" })).get("error")).toBe(
      "CREDENTIALS_ALREADY_EXIST",
    );
  });

  it("SMS challenge: 123456 passes, another code is INVALID_SCA", async () => {
    const kit = makeKit();
    const ok = await open(kit, "token=link-token&bank=testbank&rollback=true");
    const challenge = await (await kit.form({ session: ok.session, action: "login", username: "ana", password: "sca-sms" })).text();
    expect(challenge).toContain('autocomplete="one-time-code"');
    expect(redirectParams(await kit.form({ session: ok.session, action: "sca-code", code: "123456" })).has("code")).toBe(true);
    const bad = await open(kit, "token=link-token&bank=testbank&rollback=true");
    await kit.form({ session: bad.session, action: "login", username: "bea", password: "sca-sms" });
    expect(redirectParams(await kit.form({ session: bad.session, action: "sca-code", code: "000000" })).get("error")).toBe("INVALID_SCA");
    const always = await open(kit, "token=link-token&bank=testbank&rollback=true");
    await kit.form({ session: always.session, action: "login", username: "carla", password: "wrong-sca" });
    expect(redirectParams(await kit.form({ session: always.session, action: "sca-code", code: "123456" })).get("error")).toBe("INVALID_SCA");
  });

  it("app approval: approve passes, deny is INVALID_SCA", async () => {
    const kit = makeKit();
    const ok = await open(kit, "token=link-token&bank=testbank&rollback=true");
    expect(await (await kit.form({ session: ok.session, action: "login", username: "ana", password: "sca-app" })).text()).toContain("approve");
    expect(redirectParams(await kit.form({ session: ok.session, action: "approve" })).has("code")).toBe(true);
    const denied = await open(kit, "token=link-token&bank=testbank&rollback=true");
    await kit.form({ session: denied.session, action: "login", username: "bea", password: "sca-app" });
    expect(redirectParams(await kit.form({ session: denied.session, action: "deny" })).get("error")).toBe("INVALID_SCA");
  });

  it("the always-manual-refresh bank asks for an SMS code every time", async () => {
    const kit = makeKit();
    const { session } = await open(kit, "token=link-token&bank=banco-atlantico-sur&rollback=true");
    expect(await (await kit.form({ session, action: "login", username: "ana", password: "whatever" })).text()).toContain('name="code"');
  });

  it("without rollback errors are shown on the page, and the user can try again", async () => {
    const kit = makeKit();
    const { session } = await open(kit, "token=link-token&bank=testbank&invitation=x");
    const failed = await kit.form({ session, action: "login", username: "ana", password: "wrong-password" });
    expect(failed.status).toBe(200);
    const html = await failed.text();
    expect(html).toContain("INVALID_CREDENTIALS");
    expect(html).toContain('role="alert"');
    await kit.form({ session, action: "retry" });
    expect(redirectParams(await kit.form({ session, action: "login", username: "ana", password: "healthy" })).get("invitation")).toBe("x");
  });

  it("escapes everything it echoes", async () => {
    const kit = makeKit();
    const evil = "<script>alert(1)</script>";
    const unknownBank = await open(kit, `token=link-token&bank=${encodeURIComponent(evil)}`);
    expect(unknownBank.html).not.toContain("<script>");
    const token = await kit.connect("healthy", `"><img src=x>${evil}`);
    kit.advance(5_000);
    const forced = (await (await kit.call("PUT", "v0/bank/credentials/status", { credentials_token: token, force: "sca" })).json()) as { sca_token: string };
    const reauth = await open(kit, `token=link-token&sca_token=${forced.sca_token}&note=${encodeURIComponent(evil)}`);
    expect(reauth.response.status).toBe(200);
    expect(reauth.html).not.toContain("<script>");
    expect(reauth.html).not.toContain("<img");
    expect(reauth.html).toContain("&#60;script&#62;");
  });

  it("reset re-authentication keeps the credentials token and clears the reset token", async () => {
    const kit = makeKit();
    const token = await kit.connect("healthy", "ana");
    const { reset_token: resetToken } = (await (await kit.call("PUT", "v0/bank/credentials/status", { credentials_token: token, force: "reset" })).json()) as {
      reset_token: string;
    };
    const { session, html } = await open(kit, `token=link-token&reset_token=${resetToken}&rollback=true`);
    expect(html).toContain("Reconnect");
    const params = redirectParams(await kit.form({ session, action: "login", username: "ana.new", password: "healthy" }));
    const exchanged = (await (await kit.call("POST", "v0/platform/link", { code: params.get("code") })).json()) as { credentials_token: string };
    expect(exchanged.credentials_token).toBe(token);
    const status = (await (await kit.call("POST", "v0/bank/credentials/status", { credentials_token: token })).json()) as { reset_token: string | null };
    expect(status.reset_token).toBeNull();
    // A used reset token no longer opens anything.
    const stale = await open(kit, `token=link-token&reset_token=${resetToken}&rollback=true`);
    expect(redirectParams(stale.response).get("error")).toBe("INTERNAL_ERROR");
  });

  it("builds absolute and relative redirect targets", () => {
    expect(buildRedirect("/connect/callback", { code: "a b", x: "1" })).toBe("/connect/callback?code=a+b&x=1");
    expect(buildRedirect("https://app.example/cb?keep=1", { code: "c" })).toBe("https://app.example/cb?keep=1&code=c");
  });
});
