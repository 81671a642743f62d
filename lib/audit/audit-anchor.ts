import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { PrismaClient } from "@/lib/db/create-prisma-client";

/*
 * The audit anchor: the latest event's id and hash, written out regularly to a file outside the
 * database (AUDIT_ANCHOR_FILE). The chain proves that no event before the tail was edited or
 * removed; only a remembered tail shows that events were cut from the end. `npm run audit:verify`
 * requires the anchored event to be in the log with that hash.
 */
const ZAuditAnchorSchema = z.object({ lastId: z.number().int().positive(), lastHash: z.string().regex(/^[0-9a-f]{64}$/), writtenAt: z.iso.datetime() });
export type TAuditAnchor = z.infer<typeof ZAuditAnchorSchema>;

export function readAuditAnchor(file: string): TAuditAnchor | null {
  if (!existsSync(file)) return null;
  const parsed = ZAuditAnchorSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success)
    throw new Error(`${file} is not an audit anchor: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
  return parsed.data;
}

/** Does the log still hold the anchored event, unchanged? */
export async function isAnchorInLog(db: PrismaClient, anchor: TAuditAnchor): Promise<boolean> {
  const row = await db.auditEvent.findUnique({ where: { id: anchor.lastId }, select: { hash: true } });
  return row?.hash === anchor.lastHash;
}

export type TAnchorWrite = { written: TAuditAnchor } | { unchanged: TAuditAnchor } | { empty: true };

/**
 * Writes the log's current tail as the anchor (in one rename, mode 600). It never moves the
 * anchor onto a log that no longer holds the previous anchored event: that would erase the
 * evidence of a cut or a rewrite, so it throws instead and the old anchor stays.
 */
export async function writeAuditAnchor(db: PrismaClient, file: string, now = new Date()): Promise<TAnchorWrite> {
  const previous = readAuditAnchor(file);
  if (previous && !(await isAnchorInLog(db, previous))) {
    throw new Error(
      `the audit log no longer holds event #${previous.lastId} as anchored in ${file} at ${previous.writtenAt}: it was cut or rewritten (run npm run audit:verify); the anchor is kept`,
    );
  }
  const tail = await db.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true, hash: true } });
  if (!tail) return { empty: true };
  if (previous && previous.lastId === tail.id) return { unchanged: previous };
  const anchor: TAuditAnchor = { lastId: tail.id, lastHash: tail.hash, writtenAt: now.toISOString() };
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(anchor, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, file);
  return { written: anchor };
}
