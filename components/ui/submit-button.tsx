"use client";

import { useFormStatus } from "react-dom";
import { Button, type TButtonVariant } from "./button";

/** Disabled while its form is submitting, so a double click cannot send twice. */
export function SubmitButton({ label, pendingLabel, variant = "primary" }: { label: string; pendingLabel: string; variant?: TButtonVariant }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant={variant} disabled={pending} aria-disabled={pending}>
      {pending ? pendingLabel : label}
    </Button>
  );
}
