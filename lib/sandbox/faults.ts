// Faults on demand (latency, 5xx, 429 with Retry-After, hangs) for tests of the client's resilience.
import { randomUUID } from "node:crypto";
import { z } from "zod";

export const ZFaultRequestSchema = z.object({
  endpoint: z.string().min(1).max(200).optional(),
  latencyMs: z.number().int().min(0).max(300_000).optional(),
  status: z.union([z.literal(500), z.literal(502), z.literal(503), z.literal(429)]).optional(),
  retryAfterSeconds: z.number().int().min(0).max(3_600).optional(),
  hang: z.boolean().optional(),
  times: z.number().int().min(1).optional(),
});
export type TFaultRequest = z.infer<typeof ZFaultRequestSchema>;

export type TFaultRule = TFaultRequest & { id: string; method: string | null; path: string | null; remaining: number | null };

export type TFaultEffect = { latencyMs: number; hang: boolean; status: number | null; retryAfterSeconds: number | null };

/** `endpoint` is a path without the base path, optionally preceded by a method: "POST v0/token". */
export function createFaultRule(request: TFaultRequest, basePath: string): TFaultRule {
  let method: string | null = null;
  let path: string | null = null;
  if (request.endpoint !== undefined) {
    const match = /^(GET|POST|PUT|DELETE)\s+(.*)$/i.exec(request.endpoint.trim());
    method = match?.[1]?.toUpperCase() ?? null;
    path = normalizePath(match?.[2] ?? request.endpoint, basePath);
  }
  return { ...request, id: randomUUID(), method, path, remaining: request.times ?? null };
}

export function normalizePath(path: string, basePath: string): string {
  let p = path.trim().replace(/^https?:\/\/[^/]+/i, "");
  const base = basePath.replace(/\/+$/, "");
  if (base && p.startsWith(`${base}/`)) p = p.slice(base.length);
  return p.replace(/^\/+|\/+$/g, "");
}

/**
 * Consumes every rule matching this request (each counts one use) and combines them: latencies add
 * up, any hang hangs, the first status wins. Rules without an endpoint hit the API (v0/…) only.
 */
export function takeFaults(rules: TFaultRule[], method: string, path: string): { effect: TFaultEffect | null; changed: boolean } {
  let effect: TFaultEffect | null = null;
  let changed = false;
  for (const rule of rules) {
    const matches = rule.path === null ? path.startsWith("v0/") : rule.path === path && (rule.method === null || rule.method === method);
    if (!matches) continue;
    effect ??= { latencyMs: 0, hang: false, status: null, retryAfterSeconds: null };
    effect.latencyMs += rule.latencyMs ?? 0;
    effect.hang ||= rule.hang === true;
    if (effect.status === null && rule.status !== undefined) {
      effect.status = rule.status;
      effect.retryAfterSeconds = rule.retryAfterSeconds ?? null;
    }
    if (rule.remaining !== null) {
      rule.remaining -= 1;
      changed = true;
    }
  }
  if (changed) {
    const kept = rules.filter((rule) => rule.remaining === null || rule.remaining > 0);
    rules.splice(0, rules.length, ...kept);
  }
  return { effect, changed };
}

/** Resolves after `ms`, or early when the client goes away. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}
