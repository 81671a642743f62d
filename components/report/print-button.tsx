"use client";

import { Button } from "@/components/ui/button";

/** Opens the browser's print dialog; the page's print CSS leaves only the report. */
export function PrintButton({ label }: { label: string }) {
  return (
    <Button onClick={() => window.print()} data-testid="report-print">
      {label}
    </Button>
  );
}
