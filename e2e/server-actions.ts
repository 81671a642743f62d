import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, type APIRequestContext } from "@playwright/test";
import { E2E_BASE_URL } from "../playwright.config";

/**
 * Calls a server action the way a script would, without its page: POST with the `Next-Action`
 * header and the action id from the build's manifest, the arguments encoded as React encodes them.
 * Whatever a form showed or hid, this is what an attacker can send.
 */
type TManifestEntry = { workers: Record<string, unknown>; filename?: string; exportedName?: string };

export function readActionManifest(): Record<string, TManifestEntry> {
  const file = join(process.env.NEXT_DIST_DIR ?? ".next", "server", "server-reference-manifest.json");
  return (JSON.parse(readFileSync(file, "utf8")) as { node: Record<string, TManifestEntry> }).node;
}

export type TActionRef = { id: string; page: string };

/** The id of `file#name` and a page (worker) that serves it, e.g. "app/admin/users/page". */
export function actionRef(file: string, name: string, preferPage?: string): TActionRef {
  const manifest = readActionManifest();
  const found = Object.entries(manifest).find(([, entry]) => entry.filename === file && entry.exportedName === name);
  if (!found) throw new Error(`server action ${file}#${name} is not in the build's manifest`);
  const workers = Object.keys(found[1].workers);
  // Prefer a page without dynamic segments.
  const page = (preferPage && workers.find((worker) => worker === preferPage)) || workers.find((worker) => !worker.includes("[")) || workers[0]!;
  return { id: found[0], page };
}

/** "app/(advisor)/clients/[clientId]/details/page" → "/clients/<id>/details". */
export function pathOfWorker(worker: string, params: Record<string, string>): string {
  const segments = worker
    .replace(/^app\//, "")
    .replace(/\/?page$/, "")
    .split("/")
    .filter((segment) => segment && !/^\(.*\)$/.test(segment))
    .map((segment) => {
      const param = segment.match(/^\[(?:\.\.\.)?(\w+)\]$/)?.[1];
      if (!param) return segment;
      const value = params[param];
      if (!value) throw new Error(`no value for [${param}] in ${worker}`);
      return value;
    });
  return `/${segments.join("/")}`;
}

export type TActionResult =
  { kind: "state"; state: Record<string, unknown> } | { kind: "redirect"; location: string } | { kind: "http"; status: number; body: string };

export type TActionCall = { shape?: "state" | "formData"; params?: Record<string, string>; headers?: Record<string, string> };

/**
 * `shape: "state"` (default): the action is `(previousState, formData)` as `useActionState` calls it;
 * "formData": `(formData)` as a plain `<form action>` calls it.
 */
export async function callAction(
  request: APIRequestContext,
  ref: TActionRef,
  fields: Record<string, string>,
  options: TActionCall = {},
): Promise<TActionResult> {
  // A FormData keeps the order: the fields first, then the root row "0" that refers to them (an object would put "0" first).
  const multipart = new FormData();
  for (const [key, value] of Object.entries(fields)) multipart.append(`_1_${key}`, value);
  multipart.append("0", JSON.stringify(options.shape === "formData" ? ["$K1"] : [{ status: "idle" }, "$K1"]));
  const response = await request.post(pathOfWorker(ref.page, options.params ?? {}), {
    headers: { "Next-Action": ref.id, Origin: E2E_BASE_URL, Accept: "text/x-component", ...options.headers },
    multipart,
    maxRedirects: 0,
  });
  const body = await response.text();
  const actionRedirect = response.headers()["x-action-redirect"];
  if (actionRedirect) return { kind: "redirect", location: actionRedirect.split(";")[0]! };
  if (response.status() >= 300 && response.status() < 400) return { kind: "redirect", location: response.headers().location ?? "" };
  // After the action, Next may render the page for the new state; that page's own status (a 404 for an advisor on
  // an admin page) does not change what the action returned.
  if (!response.headers()["content-type"]?.includes("text/x-component")) return { kind: "http", status: response.status(), body };
  return { kind: "state", state: parseActionState(body) };
}

/**
 * Reads the action's return value out of the Flight answer: row 0 names it (`"a":"$@N"`), row N holds
 * it. Rows are `id:json\n`, except text rows `id:T<hex byte length>,<text>` (long strings), which
 * have no newline.
 */
export function parseActionState(flight: string): Record<string, unknown> {
  const bytes = Buffer.from(flight, "utf8");
  const rows = new Map<string, string>();
  let at = 0;
  while (at < bytes.length) {
    const colon = bytes.indexOf(":", at);
    if (colon < 0) break;
    const id = bytes.subarray(at, colon).toString("utf8").trim();
    if (bytes[colon + 1] === 0x54 /* T */) {
      const comma = bytes.indexOf(",", colon);
      const length = parseInt(bytes.subarray(colon + 2, comma).toString("utf8"), 16);
      rows.set(id, JSON.stringify(bytes.subarray(comma + 1, comma + 1 + length).toString("utf8")));
      at = comma + 1 + length;
      continue;
    }
    const newline = bytes.indexOf("\n", colon);
    const end = newline < 0 ? bytes.length : newline;
    rows.set(id, bytes.subarray(colon + 1, end).toString("utf8"));
    at = end + 1;
  }
  const root = JSON.parse(rows.get("0") ?? "{}") as { a?: string };
  const reference = root.a?.match(/^\$@([0-9a-f]+)$/)?.[1];
  const value = reference ? rows.get(reference) : undefined;
  if (value === undefined) return {};
  const parsed = JSON.parse(value) as unknown;
  return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : { value: parsed };
}

/** The id at the end of a redirect like "/clients/<id>/details?created=1". */
export function clientIdFromRedirect(result: TActionResult): string {
  expect(result.kind, JSON.stringify(result)).toBe("redirect");
  const id = (result as { location: string }).location.match(/\/clients\/([a-z0-9]+)/)?.[1];
  expect(id).toBeTruthy();
  return id!;
}
