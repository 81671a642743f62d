import { z } from "zod";
import type { TFxRateRow } from "./fx-rates";

/*
 * The ECB's euro reference rates files (eurofxref-daily.xml, eurofxref-hist-90d.xml,
 * eurofxref-hist.xml) are one shape: nested <Cube> elements, a day's
 * <Cube time='2026-12-04'> holding <Cube currency='USD' rate='1.0823'/> per currency. Only those
 * elements matter, so they are read by a scanner of start tags and their attributes (single or
 * double quotes, any order, any namespace prefix), then every record goes through zod. An
 * unreadable record is counted and left out, never allowed to drop its siblings.
 */

const ZDaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((day) => !Number.isNaN(Date.parse(`${day}T00:00:00Z`)), "not a calendar day");
const ZRateRecordSchema = z.object({
  day: ZDaySchema,
  currency: z.string().regex(/^[A-Z]{3}$/),
  perEuro: z
    .string()
    .regex(/^\d{1,12}(\.\d{1,12})?$/)
    .refine((rate) => /[1-9]/.test(rate), "a rate of zero"),
});

export type TEcbParseResult = { rows: TFxRateRow[]; skipped: number };

const CUBE_TAG = /<(?:[A-Za-z_][\w.-]*:)?Cube\b([^>]*)>/g;
const ATTRIBUTE = /([A-Za-z_][\w.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function attributesOf(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const match of text.matchAll(ATTRIBUTE)) out[match[1]!] = match[2] ?? match[3] ?? "";
  return out;
}

/** Reads an ECB euro reference rates XML document. Throws when it holds no day at all (not that file, or an error page). */
export function parseEcbRatesXml(xml: string): TEcbParseResult {
  const rows: TFxRateRow[] = [];
  let skipped = 0;
  let day: string | null = null;
  let days = 0;
  for (const match of xml.matchAll(CUBE_TAG)) {
    const attributes = attributesOf(match[1] ?? "");
    if (attributes.time !== undefined) {
      const parsed = ZDaySchema.safeParse(attributes.time);
      day = parsed.success ? parsed.data : null;
      if (parsed.success) days++;
      else skipped++;
      continue;
    }
    if (attributes.currency === undefined && attributes.rate === undefined) continue;
    const record = ZRateRecordSchema.safeParse({ day, currency: attributes.currency, perEuro: attributes.rate });
    if (record.success) rows.push(record.data);
    else skipped++;
  }
  if (days === 0) throw new Error("Not an ECB euro reference rates file: no <Cube time=…> element");
  return { rows, skipped };
}

/** Writes rates in the ECB's shape (the sandbox serves its deterministic rates so; a test reads them back). */
export function toEcbRatesXml(days: readonly { day: string; rates: readonly { currency: string; perEuro: string }[] }[]): string {
  const cubes = days
    .map((entry) => {
      const rates = entry.rates.map((rate) => `\t\t\t<Cube currency='${rate.currency}' rate='${rate.perEuro}'/>`).join("\n");
      return `\t\t<Cube time='${entry.day}'>\n${rates}\n\t\t</Cube>`;
    })
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
\t<gesmes:subject>Reference rates</gesmes:subject>
\t<gesmes:Sender>
\t\t<gesmes:name>European Central Bank</gesmes:name>
\t</gesmes:Sender>
\t<Cube>
${cubes}
\t</Cube>
</gesmes:Envelope>
`;
}
