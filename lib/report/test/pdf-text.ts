import { createRequire } from "node:module";
import path from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

// The standard fonts' metrics, read from the package itself (no network).
const STANDARD_FONTS = `${path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"))}/standard_fonts/`;

/**
 * The text of every page of a PDF, as a reader's copy would give it (pdfjs-dist, the text layer of
 * Firefox's viewer), page after page; spaces of any kind (no-break ones included) as one space.
 */
export async function pdfText(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
  const document = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, standardFontDataUrl: STANDARD_FONTS })
    .promise;
  let text = "";
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    // A figure may come as several runs ("1000,01", " ", "US$"): runs are joined, lines end where the PDF's do.
    for (const item of content.items) if ("str" in item) text += item.str + (item.hasEOL ? "\n" : "");
    text += "\n";
  }
  await document.destroy();
  return { pages: document.numPages, text: normalizeSpaces(text) };
}

/** Intl writes no-break and narrow no-break spaces (1 234,56 €); a PDF's text may give them back as plain ones. */
export function normalizeSpaces(text: string): string {
  return text.replace(/[\u00a0\u202f\u2009 ]+/g, " ");
}
