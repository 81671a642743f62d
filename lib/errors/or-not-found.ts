import "server-only";
import { notFound } from "next/navigation";
import { isAppError } from "./app-error";

/** For pages: a NOT_FOUND from a service (missing, or someone else's) renders the 404 page. */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
