import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { assertAdmin, assertClientAccess, canAccessClient, clientScope } from "./authorization";

const ana = { id: "ana", role: "ADVISOR" as const };
const admin = { id: "root", role: "ADMIN" as const };
const client = { id: "c1", advisorId: "ana" };

describe("authorization rules", () => {
  it("an advisor reaches only their own clients; an admin reaches all", () => {
    expect(canAccessClient(ana, client)).toBe(true);
    expect(canAccessClient({ id: "luis", role: "ADVISOR" }, client)).toBe(false);
    expect(canAccessClient(admin, client)).toBe(true);
  });

  it("someone else's client looks exactly like a missing one", () => {
    const denied = () => assertClientAccess({ id: "luis", role: "ADVISOR" }, client);
    const missing = () => assertClientAccess(ana, null);
    expect(denied).toThrow(AppError);
    expect(missing).toThrow(AppError);
    try {
      denied();
    } catch (error) {
      expect((error as AppError).code).toBe("NOT_FOUND");
      expect((error as AppError).status).toBe(404);
    }
  });

  it("scopes queries by advisor", () => {
    expect(clientScope(ana)).toEqual({ advisorId: "ana" });
    expect(clientScope(admin)).toEqual({});
  });

  it("admin-only operations refuse advisors", () => {
    expect(() => assertAdmin(ana)).toThrow(AppError);
    expect(() => assertAdmin(admin)).not.toThrow();
  });
});
