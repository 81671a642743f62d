// Control endpoints: exist only in the sandbox, for tests, benchmarks and the demo seed.
import { z } from "zod";
import { findBank } from "./banks";
import { createFaultRule, ZFaultRequestSchema } from "./faults";
import { createShapeFault, ZShapeFaultRequestSchema } from "./shape-faults";
import { errorJson, json } from "./http";
import { connect, evolvedDataFor, type TSandboxContext } from "./sandbox-context";
import { evaluateLogin } from "./scenarios";

const ZClockSchema = z.object({ advanceSeconds: z.number().finite() });
const ZEvolveSchema = z.object({ username: z.string().trim().min(1).max(200), bank: z.string().min(1).max(100).optional() });
const ZCreateCredentialsSchema = z.object({
  bank: z.string().min(1),
  username: z.string().min(1).max(200),
  password: z.string().min(1).max(200),
  extra: z.record(z.string(), z.string()).optional(),
  external_id: z.string().min(1).max(200).optional(),
});

async function readJson(request: Request): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const text = await request.text();
  if (text.trim() === "") return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, response: errorJson(400, "Body is not valid JSON") };
  }
}

async function parse<T>(request: Request, schema: z.ZodType<T>): Promise<{ ok: true; value: T } | { ok: false; response: Response }> {
  const body = await readJson(request);
  if (!body.ok) return body;
  const result = schema.safeParse(body.value);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  return { ok: false, response: errorJson(400, `Invalid request: ${issue?.path.join(".") || "body"}: ${issue?.message ?? "invalid"}`) };
}

export async function handleControl(ctx: TSandboxContext, request: Request, path: string): Promise<Response> {
  const method = request.method.toUpperCase();
  const state = ctx.store.state;
  const route = `${method} ${path}`;
  switch (route) {
    case "POST _control/faults": {
      const parsed = await parse(request, ZFaultRequestSchema);
      if (!parsed.ok) return parsed.response;
      const rule = createFaultRule(parsed.value, ctx.options.basePath);
      state.faults.push(rule);
      ctx.store.save();
      return json(201, { fault: rule });
    }
    case "GET _control/faults":
      return json(200, { faults: state.faults });
    case "DELETE _control/faults":
      state.faults = [];
      ctx.store.save();
      return json(200, { message: "Faults cleared" });
    case "POST _control/shape-faults": {
      const parsed = await parse(request, ZShapeFaultRequestSchema);
      if (!parsed.ok) return parsed.response;
      const fault = createShapeFault(parsed.value, ctx.options.basePath);
      state.shapeFaults.push(fault);
      ctx.store.save();
      return json(201, { fault });
    }
    case "GET _control/shape-faults":
      return json(200, { faults: state.shapeFaults });
    case "DELETE _control/shape-faults":
      state.shapeFaults = [];
      ctx.store.save();
      return json(200, { message: "Shape faults cleared" });
    case "POST _control/expire-token":
      if (state.accessToken) {
        state.accessToken.expiresAt = ctx.now() - 1;
        ctx.store.save();
      }
      return json(200, { expired: state.accessToken !== null });
    case "GET _control/counters": {
      const counts = Object.fromEntries([...ctx.counters.entries()].sort(([a], [b]) => a.localeCompare(b)));
      const total = [...ctx.counters.values()].reduce((sum, n) => sum + n, 0);
      return json(200, { counts, total });
    }
    case "POST _control/counters/reset":
      ctx.counters.clear();
      return json(200, { counts: {}, total: 0 });
    case "POST _control/clock": {
      const parsed = await parse(request, ZClockSchema);
      if (!parsed.ok) return parsed.response;
      state.clockOffsetMs += Math.round(parsed.value.advanceSeconds * 1000);
      ctx.store.save();
      return json(200, { now: new Date(ctx.now()).toISOString(), offsetSeconds: state.clockOffsetMs / 1000 });
    }
    case "GET _control/clock":
      return json(200, { now: new Date(ctx.now()).toISOString(), offsetSeconds: state.clockOffsetMs / 1000 });
    case "POST _control/credentials": {
      // The Link without a browser: any SCA challenge of the scenario counts as passed, unless it always fails.
      const parsed = await parse(request, ZCreateCredentialsSchema);
      if (!parsed.ok) return parsed.response;
      const bank = findBank(parsed.value.bank);
      if (!bank) return errorJson(400, "Unknown bank", { code: "UNKNOWN_BANK" });
      const outcome = evaluateLogin(bank, parsed.value.password);
      if (outcome.kind === "error") return errorJson(400, outcome.error, { code: outcome.error });
      if (outcome.challengeAlwaysFails) return errorJson(400, "INVALID_SCA", { code: "INVALID_SCA" });
      const result = connect(ctx, {
        bank: bank.id,
        username: parsed.value.username,
        post: outcome.post,
        externalId: parsed.value.external_id ?? null,
        extra: parsed.value.extra ?? {},
        linkToken: ctx.options.linkToken,
        reauth: null,
      });
      if (!result.ok) return errorJson(409, result.error, { code: result.error });
      return json(201, { code: result.code });
    }
    case "POST _control/evolve": {
      // The data of these credentials moves on once (evolve.ts), and Flanks' daily refresh happens now:
      // last_update changes, so the app's next status check or refresh syncs the new data.
      const parsed = await parse(request, ZEvolveSchema);
      if (!parsed.ok) return parsed.response;
      const username = parsed.value.username.toLowerCase();
      const matches = Object.values(state.credentials).filter(
        (c) => c.username.trim().toLowerCase() === username && (parsed.value.bank === undefined || c.bank === parsed.value.bank),
      );
      if (matches.length === 0) return errorJson(404, "No credentials with this username", { code: "UNKNOWN_CREDENTIALS" });
      if (matches.length > 1) return errorJson(409, "Several banks have credentials with this username: name the bank", { code: "AMBIGUOUS_USERNAME" });
      const credentials = matches[0]!;
      if (credentials.post.empty) return errorJson(409, "An empty bank has nothing to move on", { code: "EMPTY_BANK" });
      const now = ctx.now();
      credentials.evolutions = [...(credentials.evolutions ?? []), now];
      credentials.lastRefreshAt = now;
      ctx.store.save();
      const { lastEvolution } = evolvedDataFor(ctx, credentials);
      return json(200, { evolutions: credentials.evolutions.length, lastUpdate: new Date(now).toISOString(), changes: lastEvolution });
    }
    default:
      return errorJson(404, `No control endpoint ${route}`);
  }
}
