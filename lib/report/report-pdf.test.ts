import { describe, expect, it } from "vitest";
import type { TReportSection } from "./report-model";
import { estimatedLines, planPages } from "./report-pdf";

const table = (id: string, rows: number, name = (i: number) => `Position ${i}`): TReportSection => ({
  id,
  kind: "table",
  title: id,
  notes: ["a note"],
  columns: [
    { label: "Name", isNumeric: false, weight: 4 },
    { label: "Value", isNumeric: true, weight: 2 },
  ],
  rows: Array.from({ length: rows }, (_, i) => [name(i), `${i} €`]),
  empty: "—",
});
const figures: TReportSection = { id: "net", kind: "figures", title: "Net", notes: [], figures: [] };

describe("planPages", () => {
  it("gives a long table pages of its own, every row once and in order, the note on its first page only; the rest flows", () => {
    const pages = planPages([figures, table("small", 3), table("positions", 400), table("liabilities", 2)]);
    expect(pages[0]).toMatchObject({ isFirst: true, sections: [{ id: "net" }, { id: "small" }] });
    expect(pages.at(-1)).toMatchObject({ isFirst: false, sections: [{ id: "liabilities" }] });
    const chunks = pages.slice(1, -1).map((page) => page.sections[0] as Extract<TReportSection, { kind: "table" }>);
    expect(chunks.flatMap((chunk) => chunk.rows.map((row) => row[0]))).toEqual(Array.from({ length: 400 }, (_, i) => `Position ${i}`));
    expect(chunks.map((chunk) => chunk.notes.length)).toEqual([1, ...Array(chunks.length - 1).fill(0)]);
    // One-line rows: about 44 to a page.
    expect(chunks.length).toBe(Math.ceil(400 / chunks[0]!.rows.length));
    expect(chunks[0]!.rows.length).toBeGreaterThan(35);
  });

  it("gives a table pages of its own by its estimated height, not its count of rows", () => {
    const wrapping = (i: number) => `A long position name number ${i} that cannot fit on one line of its column at all`;
    expect(planPages([figures, table("positions", 20)]).map((page) => page.sections.map((section) => section.id))).toEqual([["net", "positions"]]);
    expect(planPages([figures, table("positions", 20, wrapping)]).map((page) => page.sections.map((section) => section.id))).toEqual([["net"], ["positions"]]);
  });

  it("puts fewer rows on a page when their names wrap", () => {
    const long = planPages([table("positions", 100, (i) => `A long position name number ${i} that cannot fit on one line of its column at all`)]);
    const short = planPages([table("positions", 100)]);
    expect(long.length).toBeGreaterThan(short.length);
  });
});

describe("estimatedLines", () => {
  it("wraps at spaces, as pdfkit does, and breaks a word wider than the column", () => {
    expect(estimatedLines("Fondo Global", 200)).toBe(1);
    // Each word fits the column, two of them side by side do not: three lines, where the length alone says two.
    expect(estimatedLines("TestBank (sandbox scenarios)", 72)).toBe(3);
    expect(estimatedLines("x".repeat(40), 72)).toBe(3);
    expect(estimatedLines("", 72)).toBe(1);
  });
});
