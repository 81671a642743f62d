/** What the UI receives about a client: plain data, nothing secret. */
export type TClientSummary = {
  id: string;
  displayName: string;
  contactEmail: string;
  externalRef: string | null;
  /** "es" | "en", or null: no language set (the report uses the advisor's). */
  language: string | null;
  archived: boolean;
  advisor: { id: string; name: string };
  createdAt: string;
  updatedAt: string;
};

export const CLIENT_SUMMARY_SELECT = {
  id: true,
  displayName: true,
  contactEmail: true,
  externalRef: true,
  language: true,
  archived: true,
  advisorId: true,
  createdAt: true,
  updatedAt: true,
  advisor: { select: { id: true, name: true } },
} as const;

type TClientRow = {
  id: string;
  displayName: string;
  contactEmail: string;
  externalRef: string | null;
  language: string | null;
  archived: boolean;
  createdAt: Date;
  updatedAt: Date;
  advisor: { id: string; name: string };
};

export function toClientSummary(row: TClientRow): TClientSummary {
  return {
    id: row.id,
    displayName: row.displayName,
    contactEmail: row.contactEmail,
    externalRef: row.externalRef,
    language: row.language,
    archived: row.archived,
    advisor: { id: row.advisor.id, name: row.advisor.name },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
