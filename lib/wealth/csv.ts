/**
 * One CSV line (RFC 4180, CRLF). Text cells that a spreadsheet would run as a formula (=, +, -, @,
 * tab, CR) get a leading apostrophe; `numeric` columns hold our own decimal strings and stay as they are.
 */
export function csvLine(cells: readonly (string | null | undefined)[], numeric: ReadonlySet<number> = new Set()): string {
  return (
    cells
      .map((cell, index) => {
        if (cell === null || cell === undefined) return "";
        let text = cell;
        if (!numeric.has(index) && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
        return /[",\r\n;]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
      })
      .join(",") + "\r\n"
  );
}
