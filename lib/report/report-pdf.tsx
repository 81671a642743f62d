import { Document, Font, Page, Rect, renderToBuffer, StyleSheet, Svg, Text, View } from "@react-pdf/renderer";
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
const BRAND = "#047857";

const styles = StyleSheet.create({
  page: { paddingTop: 40, paddingBottom: 48, paddingHorizontal: 40, fontFamily: "Helvetica", fontSize: 8.5, color: "#0f172a" },
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
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: "#e2e8f0", paddingVertical: 2.5 },
  headRow: { flexDirection: "row", borderBottomWidth: 1, borderBottomColor: "#94a3b8", paddingVertical: 2.5 },
  head: { fontFamily: "Helvetica-Bold", color: "#334155" },
  barRow: { flexDirection: "row", alignItems: "center", paddingVertical: 2 },
  barLabel: { width: 150, paddingRight: 6 },
  barValue: { width: 90, textAlign: "right" },
  barShare: { width: 50, textAlign: "right" },
  item: { marginBottom: 4 },
  itemTitle: { fontFamily: "Helvetica-Bold" },
  footer: { position: "absolute", bottom: 20, left: 40, right: 40, flexDirection: "row", justifyContent: "space-between", fontSize: 7, color: "#64748b" },
});

function Section({ section }: { section: TReportSection }) {
  return (
    <View style={styles.section}>
      {/* minPresenceAhead: a title is never left alone at the bottom of a page. */}
      <Text style={styles.sectionTitle} minPresenceAhead={40}>
        {section.title}
      </Text>
      {section.notes.map((note) => (
        <Text key={note} style={styles.note}>
          {note}
        </Text>
      ))}
      <SectionBody section={section} />
    </View>
  );
}

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
    case "table": {
      if (section.rows.length === 0) return <Text>{section.empty}</Text>;
      const cell = (index: number) => {
        const column = section.columns[index]!;
        return { flexGrow: column.weight, flexBasis: 0, paddingRight: 4, textAlign: column.isNumeric ? ("right" as const) : ("left" as const) };
      };
      return (
        <View>
          <View style={styles.headRow} wrap={false}>
            {section.columns.map((column, index) => (
              <Text key={column.label} style={[styles.head, cell(index)]}>
                {column.label}
              </Text>
            ))}
          </View>
          {section.rows.map((row, rowIndex) => (
            <View key={rowIndex} style={styles.row} wrap={false}>
              {row.map((text, index) => (
                <Text key={index} style={cell(index)}>
                  {text}
                </Text>
              ))}
            </View>
          ))}
        </View>
      );
    }
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

export function ReportDocument({ model }: { model: TReportModel }) {
  return (
    <Document
      title={`${model.title} · ${model.headerLines[0] ?? ""}`}
      author={model.firmName}
      creator={model.firmName}
      producer={model.firmName}
      language={model.lang}
    >
      <Page size="A4" style={styles.page}>
        <Text style={styles.firm}>{model.firmName}</Text>
        <Text style={styles.title}>{model.title}</Text>
        {model.headerLines.map((line) => (
          <Text key={line} style={styles.headerLine}>
            {line}
          </Text>
        ))}
        {model.sections.map((section) => (
          <Section key={section.id} section={section} />
        ))}
        <View style={styles.footer} fixed>
          <Text style={{ maxWidth: 440 }}>{model.footer}</Text>
          <Text render={({ pageNumber, totalPages }) => interpolate(model.pageTemplate, { page: pageNumber, pages: totalPages })} />
        </View>
      </Page>
    </Document>
  );
}

/** The report as PDF bytes. */
export async function renderReportPdf(model: TReportModel): Promise<Buffer> {
  return renderToBuffer(<ReportDocument model={model} />);
}
