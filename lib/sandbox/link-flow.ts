// The hosted Link: bank → username/password → SCA when the scenario asks → 303 back to the
// redirect URI with code (or, under rollback=true, with error). Multi-step state lives in the
// persisted store under a random session id carried in a hidden field (no cookies).
import { randomBytes } from "node:crypto";
import { findBank, SANDBOX_BANKS, TESTBANK_ID, type TSandboxBank } from "./banks";
import { computeStatus } from "./extraction-status";
import { appApprovalPage, bankListPage, errorPage, loginPage, messagePage, smsPage } from "./link-html";
import { connect, type TSandboxContext } from "./sandbox-context";
import { evaluateLogin, SMS_CODE, type TLinkErrorCode } from "./scenarios";
import type { TLinkSession } from "./state";

/** Query parameters the Link itself understands; every other one is returned as `extra`. */
export const LINK_RESERVED_PARAMS = ["token", "bank", "external_id", "rollback", "sca_token", "reset_token"] as const;
const SESSION_TTL_MS = 2 * 60 * 60 * 1000;

/**
 * form-action: the Link's own forms, and the origin of an absolute redirect URI. Browsers check
 * form-action against the redirect that follows a submission too, so with 'self' alone a sandbox
 * served on its own origin (a stand-in Flanks for a production-mode app) could never send the user
 * back: the 303 to the app was blocked and the page stayed on the Link.
 */
function formActionSources(redirectUri: string): string {
  if (!/^https?:\/\//i.test(redirectUri)) return "'self'";
  return `'self' ${new URL(redirectUri).origin}`;
}

const html = (ctx: TSandboxContext, status: number, body: string): Response =>
  new Response(body, {
    status,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "x-frame-options": "DENY",
      "content-security-policy": `default-src 'none'; style-src 'unsafe-inline'; form-action ${formActionSources(ctx.options.linkRedirectUri)}; frame-ancestors 'none'; base-uri 'none'`,
      "referrer-policy": "no-referrer",
    },
  });

/** The redirect target with params appended; a relative redirect URI stays relative (same origin as the Link page). */
export function buildRedirect(redirectUri: string, params: Record<string, string>): string {
  const isAbsolute = /^[a-z][a-z0-9+.-]*:/i.test(redirectUri);
  const url = new URL(redirectUri, "http://sandbox.invalid");
  for (const [key, value] of Object.entries(params)) url.searchParams.append(key, value);
  return isAbsolute ? url.toString() : `${url.pathname}${url.search}${url.hash}`;
}

const redirect = (location: string): Response => new Response(null, { status: 303, headers: { location, "cache-control": "no-store" } });

function linkAction(ctx: TSandboxContext): string {
  return `${ctx.options.basePath.replace(/\/+$/, "")}/link`;
}

function pruneSessions(ctx: TSandboxContext): void {
  const cutoff = ctx.now() - SESSION_TTL_MS;
  for (const [id, session] of Object.entries(ctx.store.state.sessions)) if (session.createdAt < cutoff) delete ctx.store.state.sessions[id];
}

function renderStep(ctx: TSandboxContext, session: TLinkSession): Response {
  const action = linkAction(ctx);
  const bank = session.bank ? findBank(session.bank) : undefined;
  if (session.step === "error" && session.error) return html(ctx, 200, errorPage(action, session.id, session.error));
  if (session.step === "bank" || !bank) return html(ctx, 200, bankListPage(action, session.id, SANDBOX_BANKS));
  if (session.step === "sca" && session.pending) {
    return html(
      ctx,
      200,
      session.pending.challenge === "sms" ? smsPage(action, session.id, bank, bank.id === TESTBANK_ID) : appApprovalPage(action, session.id, bank),
    );
  }
  const reauthCredentials = session.reauth ? ctx.store.state.credentials[session.reauth.credentialsToken] : undefined;
  return html(
    ctx,
    200,
    loginPage({
      action,
      sessionId: session.id,
      bank,
      canChangeBank: !session.bankFixed && session.reauth === null,
      reauth: session.reauth?.kind ?? null,
      username: reauthCredentials?.username ?? "",
      showScenarios: bank.id === TESTBANK_ID,
    }),
  );
}

function finishWithError(ctx: TSandboxContext, session: TLinkSession, error: TLinkErrorCode): Response {
  if (session.rollback) {
    delete ctx.store.state.sessions[session.id];
    ctx.store.save();
    return redirect(buildRedirect(ctx.options.linkRedirectUri, { error, ...session.extra }));
  }
  session.step = "error";
  session.error = error;
  session.pending = null;
  ctx.store.save();
  return renderStep(ctx, session);
}

function finishConnected(ctx: TSandboxContext, session: TLinkSession, username: string, post: NonNullable<TLinkSession["pending"]>["post"]): Response {
  const result = connect(ctx, {
    bank: session.bank ?? "",
    username,
    post,
    externalId: session.externalId,
    extra: session.extra,
    linkToken: session.linkToken,
    reauth: session.reauth,
  });
  if (!result.ok) return finishWithError(ctx, session, result.error);
  delete ctx.store.state.sessions[session.id];
  ctx.store.save();
  return redirect(buildRedirect(ctx.options.linkRedirectUri, { code: result.code, ...session.extra }));
}

// GET link?token=…&bank=…&external_id=…&rollback=true&sca_token=…|reset_token=…&<extra>
export async function openLink(ctx: TSandboxContext, url: URL): Promise<Response> {
  const params = url.searchParams;
  if (params.get("token") !== ctx.options.linkToken) {
    return html(ctx, 404, messagePage("Link not found", "This connection link is not valid. Ask whoever sent it for a new one."));
  }
  const extra: Record<string, string> = {};
  for (const [key, value] of params) {
    if (!(LINK_RESERVED_PARAMS as readonly string[]).includes(key) && !Object.hasOwn(extra, key)) extra[key] = value;
  }
  const rollback = params.get("rollback") === "true";
  const fail = (error: TLinkErrorCode, message: string): Response =>
    rollback ? redirect(buildRedirect(ctx.options.linkRedirectUri, { error, ...extra })) : html(ctx, 400, messagePage("Cannot continue", message));

  let reauth: TLinkSession["reauth"] = null;
  let bank: TSandboxBank | undefined;
  const scaToken = params.get("sca_token");
  const resetToken = params.get("reset_token");
  if (scaToken || resetToken) {
    const now = ctx.now();
    const credentials = Object.values(ctx.store.state.credentials).find((c) => {
      const status = computeStatus(c, now);
      return scaToken ? status.scaToken === scaToken : status.resetToken === resetToken;
    });
    if (!credentials) return fail("INTERNAL_ERROR", "This re-authentication link is no longer valid: nothing is waiting for it.");
    reauth = { kind: scaToken ? "sca" : "reset", credentialsToken: credentials.token };
    bank = findBank(credentials.bank);
  } else if (params.get("bank")) {
    bank = findBank(params.get("bank") ?? "");
    if (!bank) return fail("INTERNAL_ERROR", "The requested bank is not available.");
  }
  pruneSessions(ctx);
  const session: TLinkSession = {
    id: randomBytes(18).toString("base64url"),
    createdAt: ctx.now(),
    linkToken: ctx.options.linkToken,
    bank: bank?.id ?? null,
    bankFixed: bank !== undefined,
    externalId: params.get("external_id") || null,
    rollback,
    extra,
    reauth,
    step: bank ? "login" : "bank",
    pending: null,
    error: null,
  };
  ctx.store.state.sessions[session.id] = session;
  ctx.store.save();
  return renderStep(ctx, session);
}

// POST link (form): one step of the flow.
export async function submitLink(ctx: TSandboxContext, request: Request): Promise<Response> {
  const form = new URLSearchParams(await request.text());
  const sessionId = form.get("session") ?? "";
  const session = Object.hasOwn(ctx.store.state.sessions, sessionId) ? ctx.store.state.sessions[sessionId] : undefined;
  if (!session || session.createdAt < ctx.now() - SESSION_TTL_MS) {
    return html(ctx, 410, messagePage("Session expired", "This connection attempt expired. Open the link you were sent again."));
  }
  const action = form.get("action") ?? "";
  const bank = session.bank ? findBank(session.bank) : undefined;
  switch (action) {
    case "cancel":
      return finishWithError(ctx, session, "ABORTED_BY_USER");
    case "choose-bank": {
      const chosen = findBank(form.get("bank") ?? "");
      if (!session.bankFixed && chosen) {
        session.bank = chosen.id;
        session.step = "login";
        ctx.store.save();
      }
      return renderStep(ctx, session);
    }
    case "change-bank":
      if (!session.bankFixed && !session.reauth) {
        session.step = "bank";
        ctx.store.save();
      }
      return renderStep(ctx, session);
    case "retry":
      session.step = session.bank ? "login" : "bank";
      session.error = null;
      session.pending = null;
      ctx.store.save();
      return renderStep(ctx, session);
    case "login": {
      if (!bank || session.step !== "login") return renderStep(ctx, session);
      const credentials = session.reauth ? ctx.store.state.credentials[session.reauth.credentialsToken] : undefined;
      // An SCA renewal keeps the username; a reset may change it.
      const username = session.reauth?.kind === "sca" && credentials ? credentials.username : (form.get("username") ?? "").trim();
      const password = form.get("password") ?? "";
      if (username === "" || password === "") return finishWithError(ctx, session, "INVALID_CREDENTIALS");
      const outcome = evaluateLogin(bank, password);
      if (outcome.kind === "error") return finishWithError(ctx, session, outcome.error);
      // Re-authentication keeps the scenario the credentials were created with.
      const post = credentials?.post ?? outcome.post;
      if (outcome.challenge) {
        session.step = "sca";
        session.pending = { username, post, challenge: outcome.challenge, alwaysFails: outcome.challengeAlwaysFails };
        ctx.store.save();
        return renderStep(ctx, session);
      }
      return finishConnected(ctx, session, username, post);
    }
    case "sca-code":
    case "approve":
    case "deny": {
      const pending = session.pending;
      if (session.step !== "sca" || !pending) return renderStep(ctx, session);
      const passed =
        !pending.alwaysFails && (pending.challenge === "sms" ? action === "sca-code" && (form.get("code") ?? "").trim() === SMS_CODE : action === "approve");
      if (!passed) return finishWithError(ctx, session, "INVALID_SCA");
      return finishConnected(ctx, session, pending.username, pending.post);
    }
    default:
      return renderStep(ctx, session);
  }
}
