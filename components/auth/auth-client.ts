// The two calls the browser makes to next-auth (v4's REST endpoints under /api/auth), without
// next-auth/react: its session provider, broadcast channel and ES5 helpers were ~11 kB of
// compressed JavaScript on every page that only signs in or out.
const AUTH_BASE = "/api/auth";

async function postForm(path: string, fields: Record<string, string>): Promise<{ response: Response; url: string | undefined }> {
  const csrf = (await (await fetch(`${AUTH_BASE}/csrf`, { cache: "no-store" })).json()) as { csrfToken?: string };
  const response = await fetch(`${AUTH_BASE}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...fields, csrfToken: csrf.csrfToken ?? "", json: "true" }),
  });
  const body = (await response.json().catch(() => ({}))) as { url?: string };
  return { response, url: body.url };
}

/** Signs in with the credentials provider; `error` is next-auth's code ("CredentialsSignin", "throttled"…) or null. */
export async function signInWithCredentials(email: string, password: string): Promise<{ error: string | null }> {
  const { response, url } = await postForm("/callback/credentials", { email, password, callbackUrl: window.location.href });
  const error = url ? new URL(url, window.location.origin).searchParams.get("error") : "CredentialsSignin";
  return { error: response.ok ? error : (error ?? "CredentialsSignin") };
}

/** Ends the session and loads the sign-in page (a full load, so no signed-in page stays in memory). */
export async function signOutTo(callbackUrl: string): Promise<void> {
  const { url } = await postForm("/signout", { callbackUrl });
  window.location.href = url ?? callbackUrl;
}
