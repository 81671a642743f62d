import "server-only";
import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { getCurrentUser, type TSessionUser } from "@/lib/auth/current-user";
import { isAppError } from "@/lib/errors/app-error";
import { logError } from "@/lib/log/log-error";
import { jsonError } from "./json-error";

type THandler<TParams> = (input: { request: Request; user: TSessionUser; params: TParams }) => Promise<Response>;

/** Maps any thrown value to a JSON error: AppError and zod errors to their 4xx, the rest to a bare 500. */
export function toErrorResponse(error: unknown): NextResponse {
  if (isAppError(error)) return jsonError(error.status, error.code, error.message, error.fieldErrors);
  if (error instanceof ZodError) {
    return jsonError(400, "BAD_REQUEST", "Invalid input", Object.fromEntries(error.issues.map((issue) => [issue.path.join(".") || "input", [issue.message]])));
  }
  logError("route handler failed", error);
  return jsonError(500, "INTERNAL", "Something went wrong");
}

/** Every JSON route handler is wrapped here: session re-checked, role enforced, errors mapped. */
export function withUser<TParams = Record<string, never>>(handler: THandler<TParams>, options: { role?: "ADMIN" } = {}) {
  return async (request: Request, context: { params: Promise<TParams> }): Promise<Response> => {
    try {
      const user = await getCurrentUser();
      if (!user) return jsonError(401, "UNAUTHENTICATED", "Sign in first");
      if (options.role && user.role !== options.role) return jsonError(404, "NOT_FOUND", "Not found");
      return await handler({ request, user, params: await context.params });
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}
