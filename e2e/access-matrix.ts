/**
 * The access matrix: every page, route handler and server action of `app/`, and what each of five
 * callers gets. scripts/lib/app-inventory.test.ts fails when `app/` has an entry point missing here
 * (or this lists one that no longer exists); e2e/access-matrix.spec.ts calls every cell against the
 * production build and checks the outcome, and that refused calls changed nothing in the database.
 *
 * Callers
 * - owner:     Ana, the advisor who owns the client (and the household) every id below points at.
 * - other:     Luis, another advisor, using Ana's ids (URL guessing, tampered hidden fields, direct action calls).
 * - admin:     an administrator.
 * - anonymous: no session cookie.
 * - disabled:  an administrator with a valid session cookie, disabled after signing in (so a refusal
 *              proves the per-request session check, not the ownership rule).
 *
 * Outcomes
 * - pages:   ok = 200 · notFound = 404 (the same page as an id that does not exist) · login = redirect
 *            to /login (the proxy for anonymous; the page's own requireUser() for the disabled user) ·
 *            home = redirect to the caller's start page.
 * - routes:  ok = the answer the handler is for (2xx/3xx; for POST …/sync also 409/429, which are the
 *            refresh's own rules, not access) · notFound = 404 JSON · unauthenticated = 401 JSON.
 * - actions: ok = `{status:"ok"}` or a redirect to a non-login page · denied = `{status:"error",
 *            message:"notAllowed"}` (identical to an id that does not exist) · refused = another
 *            `{status:"error"}` from a business rule · login = redirect to /login (proxy for
 *            anonymous, the action's own session check for the disabled user). A denied, refused or
 *            login outcome writes nothing (checked with a database dump).
 *
 * Public by design (same answer for every caller, nothing of any client reachable without its secret):
 * `/login`, next-auth's `/api/auth/*`, the end-user pages `/connect/*` (the invitation token is the
 * credential), `/connect/callback` (the Link's return), and `/sandbox/*` (the built-in Flanks
 * imitation, only in sandbox mode: 404 when FLANKS_CLIENT_ID is set).
 */
export type TCaller = "owner" | "other" | "admin" | "anonymous" | "disabled";
export const CALLERS: readonly TCaller[] = ["owner", "other", "admin", "anonymous", "disabled"];

export type TPageOutcome = "ok" | "notFound" | "login" | "home";
export type TRouteOutcome = "ok" | "notFound" | "unauthenticated";
export type TActionOutcome = "ok" | "denied" | "refused" | "login";

export type TMatrixRow =
  | { kind: "page"; path: string; expect: Record<TCaller, TPageOutcome>; note?: string }
  | { kind: "route"; method: string; path: string; expect: Record<TCaller, TRouteOutcome>; note?: string }
  | { kind: "action"; file: string; name: string; expect: Record<TCaller, TActionOutcome>; note?: string };

const clientPage = { owner: "ok", other: "notFound", admin: "ok", anonymous: "login", disabled: "login" } as const;
const adminPage = { owner: "notFound", other: "notFound", admin: "ok", anonymous: "login", disabled: "login" } as const;
const signedInPage = { owner: "ok", other: "ok", admin: "ok", anonymous: "login", disabled: "login" } as const;
const publicPage = { owner: "ok", other: "ok", admin: "ok", anonymous: "ok", disabled: "ok" } as const;
const clientApi = { owner: "ok", other: "notFound", admin: "ok", anonymous: "unauthenticated", disabled: "unauthenticated" } as const;
const publicRoute = { owner: "ok", other: "ok", admin: "ok", anonymous: "ok", disabled: "ok" } as const;
const clientAction = { owner: "ok", other: "denied", admin: "ok", anonymous: "login", disabled: "login" } as const;
const adminAction = { owner: "denied", other: "denied", admin: "ok", anonymous: "login", disabled: "login" } as const;
/** The matrix names credentials no one holds: the admin passes every access check and meets the business rule. */
const adminActionOnGoneCredentials = { ...adminAction, admin: "refused" } as const;

const HOUSEHOLD_ACTIONS = "app/(advisor)/households/actions.ts";

const CLIENT_TABS = [
  "",
  "/accounts",
  "/cards",
  "/connections",
  "/details",
  "/identity",
  "/investments",
  "/investments/[investmentId]",
  "/investments/transactions",
  "/liabilities",
  "/mifid",
  "/performance",
  "/portfolios",
  "/profile",
  "/report",
];

export const ACCESS_MATRIX: TMatrixRow[] = [
  // Pages
  {
    kind: "page",
    path: "/",
    expect: signedInPage,
    note: "the book: an advisor's own clients only (Luis's book holds none of Ana's: checked in e2e/book.spec.ts); an admin's the firm's, ?advisor= one advisor's",
  },
  {
    kind: "page",
    path: "/login",
    expect: { owner: "home", other: "home", admin: "home", anonymous: "ok", disabled: "ok" },
    note: "public; a signed-in user is sent home",
  },
  { kind: "page", path: "/clients", expect: signedInPage, note: "Luis's list does not contain Ana's client (checked)" },
  { kind: "page", path: "/clients/new", expect: signedInPage },
  { kind: "page", path: "/settings", expect: signedInPage, note: "the caller's own settings (base currency, concentration limit)" },
  { kind: "page", path: "/inbox", expect: signedInPage, note: "only the caller's own clients (checked: no Ana client for Luis)" },
  { kind: "page", path: "/households", expect: signedInPage, note: "only the caller's own households (checked: Luis's list does not contain Ana's)" },
  { kind: "page", path: "/households/[householdId]", expect: clientPage, note: "the household belongs to the advisor of its clients" },
  ...CLIENT_TABS.map((tab): TMatrixRow => ({ kind: "page", path: `/clients/[clientId]${tab}`, expect: clientPage })),
  {
    kind: "page",
    path: "/clients/[clientId]/report/print",
    expect: clientPage,
    note: "the report's print view, for the default period; each view the owner or an admin opens is a report made (audited); a refused one records nothing",
  },
  { kind: "page", path: "/admin", expect: { ...adminPage, admin: "home" }, note: "redirects an admin to /admin/users" },
  ...[
    "/admin/audit",
    "/admin/banks",
    "/admin/clients",
    "/admin/connections",
    "/admin/reconcile",
    "/admin/set-aside",
    "/admin/users",
    "/admin/users/[userId]",
  ].map((path): TMatrixRow => ({ kind: "page", path, expect: adminPage })),
  { kind: "page", path: "/connect/[token]", expect: publicPage, note: "public: the end user's invitation; the token is the credential" },
  { kind: "page", path: "/connect/result", expect: publicPage, note: "public: shows only the bank name of an exchange id" },

  // Route handlers
  {
    kind: "route",
    method: "GET",
    path: "/api/auth/[...nextauth]",
    expect: publicRoute,
    note: "public: next-auth (csrf, providers, session, sign-in callback)",
  },
  { kind: "route", method: "POST", path: "/api/auth/[...nextauth]", expect: publicRoute, note: "public: next-auth; signs in only with a right password" },
  {
    kind: "route",
    method: "GET",
    path: "/api/clients",
    expect: { owner: "ok", other: "ok", admin: "ok", anonymous: "unauthenticated", disabled: "unauthenticated" },
    note: "scoped: Luis's answer does not contain Ana's client (checked)",
  },
  { kind: "route", method: "GET", path: "/api/clients/[clientId]", expect: clientApi },
  { kind: "route", method: "GET", path: "/api/clients/[clientId]/connections", expect: clientApi },
  { kind: "route", method: "GET", path: "/api/clients/[clientId]/sync", expect: clientApi },
  {
    kind: "route",
    method: "POST",
    path: "/api/clients/[clientId]/sync",
    expect: clientApi,
    note: "starts a sync of the owner's connections (202; 429 within a minute)",
  },
  { kind: "route", method: "GET", path: "/api/clients/[clientId]/transactions/[kind]", expect: clientApi },
  { kind: "route", method: "GET", path: "/api/clients/[clientId]/transactions/[kind]/csv", expect: clientApi },
  {
    kind: "route",
    method: "GET",
    path: "/api/clients/[clientId]/report",
    expect: clientApi,
    note: "the client report as a PDF (default period); audited when made, nothing written when refused",
  },
  {
    kind: "route",
    method: "GET",
    path: "/api/health",
    expect: publicRoute,
    note: "public by design: the load balancer's check; database, migrations and shutdown state only, no secret (decision 049)",
  },
  {
    kind: "route",
    method: "GET",
    path: "/connect/callback",
    expect: publicRoute,
    note: "public: the Link's return; a code only maps to the invitation in its extra",
  },
  ...["GET", "POST", "PUT", "DELETE"].map((method): TMatrixRow => ({
    kind: "route",
    method,
    path: "/sandbox/[...path]",
    expect: publicRoute,
    note: "public by design: the built-in Flanks sandbox (404 outside sandbox mode); Bearer-checked like Flanks",
  })),

  // Server actions
  {
    kind: "action",
    file: "app/(advisor)/clients/actions.ts",
    name: "createClientAction",
    expect: { owner: "ok", other: "ok", admin: "refused", anonymous: "login", disabled: "login" },
    note: "the new client always belongs to the caller (a tampered advisorId field is ignored: checked)",
  },
  { kind: "action", file: "app/(advisor)/clients/actions.ts", name: "updateClientAction", expect: clientAction },
  { kind: "action", file: "app/(advisor)/clients/actions.ts", name: "setClientArchivedAction", expect: clientAction },
  {
    kind: "action",
    file: "app/(advisor)/clients/connection-actions.ts",
    name: "createInvitationAction",
    expect: clientAction,
    note: "also: an SCA invitation for Luis's own client naming Ana's connection is denied",
  },
  {
    kind: "action",
    file: "app/(advisor)/clients/connection-actions.ts",
    name: "revokeInvitationAction",
    expect: clientAction,
    note: "the invitation id decides, not the clientId field (Luis sends his own clientId: denied)",
  },
  {
    kind: "action",
    file: "app/(advisor)/clients/connection-actions.ts",
    name: "disconnectConnectionAction",
    expect: clientAction,
    note: "the connection id decides, not the clientId field",
  },
  {
    kind: "action",
    file: "app/(advisor)/households/actions.ts",
    name: "createHouseholdAction",
    expect: { owner: "ok", other: "ok", admin: "refused", anonymous: "login", disabled: "login" },
    note: "the new household always belongs to the caller (a tampered advisorId field is ignored: checked)",
  },
  { kind: "action", file: HOUSEHOLD_ACTIONS, name: "renameHouseholdAction", expect: clientAction },
  {
    kind: "action",
    file: HOUSEHOLD_ACTIONS,
    name: "setHouseholdMemberAction",
    expect: clientAction,
    note: "also: Luis adding Ana's client to his own household is denied",
  },
  {
    kind: "action",
    file: HOUSEHOLD_ACTIONS,
    name: "markHouseholdReviewedAction",
    expect: clientAction,
    note: "one review per member, each client's own data; before the members are removed below",
  },
  { kind: "action", file: HOUSEHOLD_ACTIONS, name: "removeHouseholdMemberAction", expect: clientAction },
  {
    kind: "action",
    file: HOUSEHOLD_ACTIONS,
    name: "deleteHouseholdAction",
    expect: clientAction,
    note: "the owner and the admin each delete a household of Ana's made for it",
  },
  {
    kind: "action",
    file: "app/(advisor)/clients/review-actions.ts",
    name: "markClientReviewedAction",
    expect: clientAction,
    note: "the clientId field decides: Luis sending Ana's client is denied",
  },
  {
    kind: "action",
    file: "app/(advisor)/settings/actions.ts",
    name: "setReviewThresholdsAction",
    expect: { owner: "ok", other: "ok", admin: "ok", anonymous: "login", disabled: "login" },
    note: "sets the caller's own review thresholds only (no user id in the form)",
  },
  {
    kind: "action",
    file: "app/(advisor)/settings/actions.ts",
    name: "setBaseCurrencyAction",
    expect: { owner: "ok", other: "ok", admin: "ok", anonymous: "login", disabled: "login" },
    note: "sets the caller's own base currency only (no user id in the form)",
  },
  {
    kind: "action",
    file: "app/(advisor)/settings/actions.ts",
    name: "setConcentrationLimitAction",
    expect: { owner: "ok", other: "ok", admin: "ok", anonymous: "login", disabled: "login" },
    note: "sets the caller's own concentration limit only (no user id in the form)",
  },
  {
    kind: "action",
    file: "app/(advisor)/clients/profile-actions.ts",
    name: "saveInvestmentProfileAction",
    expect: clientAction,
    note: "the client id decides: Luis saving a profile for Ana's client is denied and writes nothing",
  },
  { kind: "action", file: "app/admin/actions.ts", name: "createUserAction", expect: adminAction },
  { kind: "action", file: "app/admin/actions.ts", name: "setUserDisabledAction", expect: adminAction },
  { kind: "action", file: "app/admin/actions.ts", name: "resetUserPasswordAction", expect: adminAction },
  { kind: "action", file: "app/admin/actions.ts", name: "reassignClientAction", expect: adminAction },
  {
    kind: "action",
    file: "app/admin/actions.ts",
    name: "deleteClientAction",
    expect: adminAction,
    note: "erasure; the admin cell deletes a client of Ana's made for it",
  },
  { kind: "action", file: "app/admin/connection-actions.ts", name: "refreshConnectionAction", expect: adminAction },
  { kind: "action", file: "app/admin/connection-actions.ts", name: "forceConnectionAction", expect: adminAction },
  { kind: "action", file: "app/admin/connection-actions.ts", name: "deleteConnectionAction", expect: adminAction },
  {
    kind: "action",
    file: "app/admin/connection-actions.ts",
    name: "adoptUnknownCredentialsAction",
    expect: adminActionOnGoneCredentials,
    note: "the admin's adoption runs in e2e/admin-connections.spec.ts",
  },
  {
    kind: "action",
    file: "app/admin/connection-actions.ts",
    name: "deleteUnknownCredentialsAction",
    expect: adminActionOnGoneCredentials,
    note: "the admin's deletion at Flanks runs in e2e/admin-connections.spec.ts",
  },
  {
    kind: "action",
    file: "app/admin/connection-actions.ts",
    name: "reconcileAction",
    expect: adminAction,
    note: "the admin cell runs in e2e/exactly-once.exclusive.spec.ts (it exchanges every pending code at the sandbox, so it runs alone)",
  },
  {
    kind: "action",
    file: "app/connect/[token]/actions.ts",
    name: "consentAction",
    expect: { owner: "refused", other: "refused", admin: "refused", anonymous: "refused", disabled: "refused" },
    note: "public: the invitation token is the credential; a wrong token is refused alike for everyone",
  },
  {
    kind: "action",
    file: "app/locale-actions.ts",
    name: "setLocaleAction",
    expect: { owner: "ok", other: "ok", admin: "ok", anonymous: "ok", disabled: "ok" },
    note: "public: sets the language cookie; saved on the account only for a valid session",
  },
];

export function rowKey(row: TMatrixRow): string {
  if (row.kind === "page") return `page ${row.path}`;
  if (row.kind === "route") return `${row.method} ${row.path}`;
  return `action ${row.file}#${row.name}`;
}
