// Answers shaped as an independent imitation of Flanks sent them (issue 15): nulls in fields the
// reference does not mark nullable, unknown keys in the status flags, a page size capped without a
// word, a 404 on one endpoint (e.g. one spelling of mifid/raw). Switched on under
// /sandbox/_control/shape-faults; kept apart from the transport faults of faults.ts.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { normalizePath } from "./faults";

const ZEndpointSchema = z.string().min(1).max(200);

export const ZShapeFaultRequestSchema = z.discriminatedUnion("kind", [
  z.object({
    /** Sets `fields` to null in the records at `indices` (0-based) of one list endpoint's answer. */
    kind: z.literal("null-fields"),
    endpoint: ZEndpointSchema,
    fields: z.array(z.string().min(1).max(100)).min(1).max(50),
    indices: z.array(z.number().int().min(0)).min(1).max(1_000),
  }),
  z.object({
    /** Adds flags the reference does not document to `created` / `errored` of the status (and the list). */
    kind: z.literal("unknown-status-flags"),
    product: z.record(z.string().min(1).max(50), z.boolean()).default({}),
    transaction: z.record(z.string().min(1).max(50), z.boolean()).default({}),
  }),
  z.object({
    /** Serves at most `maxPageSize` account transactions a page, whatever `page_size` asks: silently. */
    kind: z.literal("page-size-cap"),
    maxPageSize: z.number().int().min(1).max(10_000),
  }),
  z.object({
    /** Answers 404 on one endpoint, as an endpoint a Flanks deployment does not serve. */
    kind: z.literal("not-found"),
    endpoint: ZEndpointSchema,
  }),
]);
export type TShapeFaultRequest = z.infer<typeof ZShapeFaultRequestSchema>;
export type TShapeFault = TShapeFaultRequest & { id: string };

export function createShapeFault(request: TShapeFaultRequest, basePath: string): TShapeFault {
  const withPath =
    "endpoint" in request ? { ...request, endpoint: normalizePath(request.endpoint.replace(/^(GET|POST|PUT|DELETE)\s+/i, ""), basePath) } : request;
  return { ...withPath, id: randomUUID() };
}

const STATUS_PATHS = new Set(["v0/bank/credentials/status", "v0/bank/credentials/list"]);

/** True when some fault changes this path's request or answer (the hot path stays untouched otherwise). */
export function touchesPath(faults: readonly TShapeFault[], path: string): boolean {
  return faults.some((fault) =>
    fault.kind === "page-size-cap"
      ? path === "v0/bank/credentials/data"
      : fault.kind === "unknown-status-flags"
        ? STATUS_PATHS.has(path)
        : fault.endpoint === path,
  );
}

export function isNotFound(faults: readonly TShapeFault[], path: string): boolean {
  return faults.some((fault) => fault.kind === "not-found" && fault.endpoint === path);
}

/** Caps `page_size` (query) silently, as a Flanks with a maximum page size would. */
export function capPageSize(faults: readonly TShapeFault[], url: URL): void {
  for (const fault of faults) {
    if (fault.kind !== "page-size-cap") continue;
    const asked = Number(url.searchParams.get("page_size") ?? "0");
    if (!asked || asked > fault.maxPageSize) url.searchParams.set("page_size", String(fault.maxPageSize));
  }
}

function addFlags(status: Record<string, unknown>, fault: Extract<TShapeFault, { kind: "unknown-status-flags" }>): void {
  for (const group of ["created", "errored"] as const) {
    const flags = status[group] as Record<string, Record<string, unknown>> | undefined;
    if (!flags || typeof flags !== "object") continue;
    if (flags.product)
      Object.assign(flags.product, group === "created" ? fault.product : Object.fromEntries(Object.keys(fault.product).map((key) => [key, false])));
    const transactionKey = "transaction" in flags ? "transaction" : "transactions";
    if (flags[transactionKey])
      Object.assign(
        flags[transactionKey],
        group === "created" ? fault.transaction : Object.fromEntries(Object.keys(fault.transaction).map((key) => [key, false])),
      );
  }
}

/** Reshapes a JSON answer of `path` as the faults say. */
export function reshapeAnswer(faults: readonly TShapeFault[], path: string, body: unknown): unknown {
  for (const fault of faults) {
    if (fault.kind === "null-fields" && fault.endpoint === path && Array.isArray(body)) {
      for (const index of fault.indices) {
        const record = body[index] as Record<string, unknown> | undefined;
        if (record && typeof record === "object") for (const field of fault.fields) record[field] = null;
      }
    }
    if (fault.kind === "unknown-status-flags" && STATUS_PATHS.has(path) && body && typeof body === "object") {
      if (path === "v0/bank/credentials/status") addFlags(body as Record<string, unknown>, fault);
      else
        for (const item of ((body as { items?: unknown[] }).items ?? []) as Array<{ status?: Record<string, unknown> | null }>)
          if (item.status) addFlags(item.status, fault);
    }
  }
  return body;
}
