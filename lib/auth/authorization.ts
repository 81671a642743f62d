import { AppError } from "@/lib/errors/app-error";

export type TActor = { id: string; role: "ADVISOR" | "ADMIN" };

/**
 * A scheduled job acting on no one's behalf. A service that jobs call takes `TActor | TSystemActor`, so
 * no service is reached without an actor; the audit log records a system actor as none (actor null).
 */
export type TSystemActor = { kind: "system"; job: string };

export function systemActor(job: string): TSystemActor {
  return { kind: "system", job };
}

export function isSystemActor(actor: TActor | TSystemActor): actor is TSystemActor {
  return "kind" in actor && actor.kind === "system";
}

/** Admins reach every client; an advisor only the clients assigned to them. */
export function canAccessClient(actor: TActor, client: { advisorId: string }): boolean {
  return actor.role === "ADMIN" || client.advisorId === actor.id;
}

/** A client the actor may not reach is reported exactly like one that does not exist. */
export function assertClientAccess<T extends { advisorId: string }>(actor: TActor, client: T | null): T {
  if (!client || !canAccessClient(actor, client)) throw new AppError("NOT_FOUND", "Client not found");
  return client;
}

export function assertAdmin(actor: TActor): void {
  if (actor.role !== "ADMIN") throw new AppError("NOT_FOUND", "Not found");
}

/** The Prisma filter that limits a client query to what the actor may see. */
export function clientScope(actor: TActor): { advisorId?: string } {
  return actor.role === "ADMIN" ? {} : { advisorId: actor.id };
}
