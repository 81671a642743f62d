"use client";

import { SegmentError } from "@/components/layout/segment-error";

export default function Error({ reset }: { error: Error; reset: () => void }) {
  return <SegmentError reset={reset} />;
}
