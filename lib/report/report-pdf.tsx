import { Canvas, Document, Font, Page, Rect, renderToBuffer, StyleSheet, Svg, Text, View } from "@react-pdf/renderer";
import type { ReactElement } from "react";
import { interpolate } from "@/lib/i18n/messages";
import type { TReportModel, TReportSection } from "./report-model";

/*
 * The client report as a PDF, drawn on the server by @react-pdf/renderer (decision 055): no browser,
 * the standard PDF fonts (Helvetica: €, ñ, accents), bars drawn with its SVG primitives and each
 * bar's figures written beside it. It lays out the content model and adds nothing of its own.
 */

// Whole words only: the default hyphenation is English's, which splits Spanish words wrongly ("an-ualizada"),
// and a figure or a name cut in two reads worse than a shorter line.
Font.registerHyphenationCallback((word) => [word]);

const BAR_WIDTH = 150;
const FONT_SIZE = 8.5;
/** A table row's vertical padding, both sides together, its bottom border included. */
const ROW_PADDING = 5.5;
const BRAND = "#047857";

const styles = StyleSheet.create({
  page: { paddingTop: 40, paddingBottom: 48, paddingHorizontal: 40, fontFamily: "Helvetica", fontSize: FONT_SIZE, color: "#0f172a" },
  firm: { fontSize: 10, fontFamily: "Helvetica-Bold", color: BRAND },
  title: { fontSize: 18, fontFamily: "Helvetica-Bold", marginTop: 6, marginBottom: 6 },
  headerLine: { fontSize: 9, color: "#334155", marginBottom: 1 },
  section: { marginTop: 14 },
  sectionTitle: { fontSize: 11, fontFamily: "Helvetica-Bold", marginBottom: 4, color: "#0f172a" },
  note: { fontSize: 7.5, color: "#475569", marginBottom: 3 },
  figures: { flexDirection: "row", gap: 12 },
  figure: { flexGrow: 1, flexBasis: 0 },
  figureLabel: { fontSize: 7.5, color: "#475569", textTransform: "uppercase" },
  figureValue: { fontSize: 13, fontFamily: "Helvetica-Bold", marginTop: 2 },
  barRow: { flexDirection: "row", alignItems: "center", paddingVertical: 2 },
  barLabel: { width: 150, paddingRight: 6 },
  barValue: { width: 90, textAlign: "right" },
  barShare: { width: 50, textAlign: "right" },
  item: { marginBottom: 4 },
  itemTitle: { fontFamily: "Helvetica-Bold" },
  footer: { position: "absolute", bottom: 20, left: 40, right: 40, flexDirection: "row", justifyContent: "space-between", fontSize: 7, color: "#64748b" },
});

/** A section is never split from its title: each stays whole, a long table's pages being cut beforehand (planPages). */
function Section({ section }: { section: TReportSection }) {
  return (
    <View style={styles.section} wrap={false}>
      <Text style={styles.sectionTitle}>{section.title}</Text>
      {section.notes.map((note) => (
        <Text key={note} style={styles.note}>
          {note}
        </Text>
      ))}
      <SectionBody section={section} />
    </View>
  );
}

const TEXT_COLOUR = "#0f172a";
const HEAD_COLOUR = "#334155";

/**
 * A table's rows drawn in one Canvas with pdfkit's own text (real, selectable text in the PDF):
 * react-pdf lays out each Text node with its full text engine, about half a millisecond of CPU a
 * cell, 1–2 s for the big client's 2 400 cells; drawn here the same table takes under 0.1 s
 * (decision 055). Each row is as high as its estimated lines; a cell longer than that ends with "…".
 */
function TableRows({ section, rows, isHead = false }: { section: TTableSection; rows: readonly (readonly string[])[]; isHead?: boolean }) {
  const heights = rows.map((row) => estimatedRowHeight(section, row));
  return (
    <Canvas
      style={{ width: CONTENT_WIDTH, height: heights.reduce((sum, height) => sum + height, 0) }}
      paint={(painter: TPainter) => {
        let y = 0;
        rows.forEach((row, rowIndex) => {
          const height = heights[rowIndex]!;
          let x = 0;
          painter
            .font(isHead ? "Helvetica-Bold" : "Helvetica")
            .fontSize(FONT_SIZE)
            .fillColor(isHead ? HEAD_COLOUR : TEXT_COLOUR);
          row.forEach((text, index) => {
            const width = columnWidth(section, index);
            const align = section.columns[index]?.isNumeric ? "right" : "left";
            painter.text(text, x, y + ROW_PADDING / 2, { width: width - 4, height: height - ROW_PADDING, ellipsis: true, align });
            x += width;
          });
          y += height;
          painter
            .moveTo(0, y - 0.5)
            .lineTo(CONTENT_WIDTH, y - 0.5)
            .lineWidth(isHead ? 1 : 0.5)
            .strokeColor(isHead ? "#94a3b8" : "#e2e8f0")
            .stroke();
        });
        return null;
      }}
    />
  );
}

/** The pdfkit calls a Canvas's paint function may make (react-pdf types the painter as any). */
type TPainter = {
  font(name: string): TPainter;
  fontSize(size: number): TPainter;
  fillColor(colour: string): TPainter;
  strokeColor(colour: string): TPainter;
  lineWidth(width: number): TPainter;
  moveTo(x: number, y: number): TPainter;
  lineTo(x: number, y: number): TPainter;
  stroke(): TPainter;
  text(text: string, x: number, y: number, options: { width: number; height: number; ellipsis: boolean; align: "left" | "right" }): TPainter;
};

function SectionBody({ section }: { section: TReportSection }): ReactElement {
  switch (section.kind) {
    case "figures":
      return (
        <View style={styles.figures}>
          {section.figures.map((figure) => (
            <View key={figure.label} style={styles.figure}>
              <Text style={styles.figureLabel}>{figure.label}</Text>
              <Text style={styles.figureValue}>{figure.value}</Text>
            </View>
          ))}
        </View>
      );
    case "table":
      if (section.rows.length === 0) return <Text>{section.empty}</Text>;
      return (
        <View>
          <TableRows section={section} rows={[section.columns.map((column) => column.label)]} isHead />
          <TableRows section={section} rows={section.rows} />
        </View>
      );
    case "bars":
      if (section.bars.length === 0) return <Text>{section.empty}</Text>;
      return (
        <View>
          {section.bars.map((bar) => (
            <View key={bar.label} style={styles.barRow} wrap={false}>
              <Text style={styles.barLabel}>{bar.label}</Text>
              <Svg width={BAR_WIDTH} height={9}>
                <Rect x={0} y={0} width={BAR_WIDTH} height={9} fill="#e2e8f0" />
                <Rect x={0} y={0} width={Math.max(0, Math.min(1, bar.ratio)) * BAR_WIDTH} height={9} fill={BRAND} />
              </Svg>
              <Text style={styles.barValue}>{bar.value}</Text>
              <Text style={styles.barShare}>{bar.share}</Text>
            </View>
          ))}
        </View>
      );
    case "list":
      if (section.items.length === 0) return <Text>{section.empty}</Text>;
      return (
        <View>
          {section.items.map((item, index) => (
            <View key={index} style={styles.item} wrap={false}>
              <Text style={styles.itemTitle}>{item.title}</Text>
              {item.lines.map((line, lineIndex) => (
                <Text key={lineIndex}>{line}</Text>
              ))}
            </View>
          ))}
        </View>
      );
  }
}

/*
 * A long table gets pages of its own, cut here: a table's rows are one Canvas (TableRows), which
 * react-pdf cannot break, and its own page breaking re-laid out what follows each break anyway (the
 * big client's 400 positions took 8–12 s that way on this machine). Rows are packed by an estimate
 * of their height (estimatedLines, wrapping at spaces with a generous average character width, filling at
 * most 95 % of the page); a cell longer than its row's estimated lines ends with "…".
 */
const PAGE = { width: 595.28, height: 841.89 };
const LINE_HEIGHT = FONT_SIZE * 1.2;
const CONTENT_WIDTH = PAGE.width - 2 * 40;
/** The page's height less its margins, the section's title, a note and the header row, with room to spare. */
const ROWS_HEIGHT = (PAGE.height - 40 - 48 - 70) * 0.95;

type TTableSection = Extract<TReportSection, { kind: "table" }>;

/** A column's share of the page's width, by its weight. */
function columnWidth(section: TTableSection, index: number): number {
  const totalWeight = section.columns.reduce((sum, column) => sum + column.weight, 0);
  return (CONTENT_WIDTH * (section.columns[index]?.weight ?? 1)) / totalWeight;
}

/** An average character's width: Helvetica's is about half an em; bold headers and capitals need the margin. */
const CHAR_WIDTH = FONT_SIZE * 0.58;

/** The lines a cell's text takes when wrapped at spaces as pdfkit wraps it ("TestBank (sandbox scenarios)" takes three, not two). */
export function estimatedLines(text: string, width: number): number {
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const wordWidth = word.length * CHAR_WIDTH;
    if (used > 0 && used + CHAR_WIDTH + wordWidth <= width) {
      used += CHAR_WIDTH + wordWidth;
      continue;
    }
    if (used > 0) lines++;
    // A word wider than the column is broken inside itself.
    const extra = Math.max(0, Math.ceil(wordWidth / width) - 1);
    lines += extra;
    used = wordWidth - extra * width;
  }
  return lines;
}

function estimatedRowHeight(section: TTableSection, row: readonly string[]): number {
  const lines = row.map((text, index) => estimatedLines(text, columnWidth(section, index) - 4));
  return Math.max(...lines) * LINE_HEIGHT + ROW_PADDING;
}

/** A long table's rows in pages, in order, each page's estimated height within ROWS_HEIGHT. */
export function chunkRows(section: TTableSection): string[][][] {
  const chunks: string[][][] = [];
  let chunk: string[][] = [];
  let height = 0;
  for (const row of section.rows) {
    const rowHeight = estimatedRowHeight(section, row);
    if (chunk.length > 0 && height + rowHeight > ROWS_HEIGHT) {
      chunks.push(chunk);
      chunk = [];
      height = 0;
    }
    chunk.push(row);
    height += rowHeight;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

type TPagePlan = { key: string; sections: TReportSection[]; isFirst: boolean };

/** The sections in order, a long table's rows spread over pages of their own, the rest flowing together. */
export function planPages(sections: readonly TReportSection[]): TPagePlan[] {
  const pages: TPagePlan[] = [];
  let flow: TReportSection[] = [];
  const flush = () => {
    if (flow.length > 0 || pages.length === 0) pages.push({ key: `flow-${pages.length}`, sections: flow, isFirst: pages.length === 0 });
    flow = [];
  };
  for (const section of sections) {
    // A table taller than half a page would be pushed whole onto the next one, or past it: it is cut into pages of its own.
    const height = section.kind === "table" ? section.rows.reduce((sum, row) => sum + estimatedRowHeight(section, row), 0) : 0;
    if (section.kind !== "table" || height <= ROWS_HEIGHT / 2) {
      flow.push(section);
      continue;
    }
    flush();
    chunkRows(section).forEach((rows, index) => {
      pages.push({ key: `${section.id}-${index}`, sections: [{ ...section, rows, notes: index === 0 ? section.notes : [] }], isFirst: false });
    });
  }
  flush();
  return pages;
}

export function ReportDocument({ model }: { model: TReportModel }) {
  return (
    <Document
      title={`${model.title} · ${model.headerLines[0] ?? ""}`}
      author={model.firmName}
      creator={model.firmName}
      producer={model.firmName}
      language={model.lang}
    >
      {planPages(model.sections).map((plan) => (
        <Page key={plan.key} size="A4" style={styles.page}>
          {plan.isFirst ? (
            <>
              <Text style={styles.firm}>{model.firmName}</Text>
              <Text style={styles.title}>{model.title}</Text>
              {model.headerLines.map((line) => (
                <Text key={line} style={styles.headerLine}>
                  {line}
                </Text>
              ))}
            </>
          ) : null}
          {plan.sections.map((section) => (
            <Section key={section.id} section={section} />
          ))}
          <View style={styles.footer} fixed>
            <Text style={{ maxWidth: 440 }}>{model.footer}</Text>
            <Text render={({ pageNumber, totalPages }) => interpolate(model.page, { page: pageNumber, pages: totalPages })} />
          </View>
        </Page>
      ))}
    </Document>
  );
}

/** The report as PDF bytes. */
export async function renderReportPdf(model: TReportModel): Promise<Buffer> {
  return renderToBuffer(<ReportDocument model={model} />);
}
