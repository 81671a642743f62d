import type { ReactNode } from "react";

const TONES = {
  info: "border-blue-300 bg-blue-50 text-blue-950",
  success: "border-emerald-300 bg-emerald-50 text-emerald-950",
  warning: "border-amber-300 bg-amber-50 text-amber-950",
  error: "border-red-300 bg-red-50 text-red-950",
} as const;

export function Alert({ tone = "info", title, children, live = false }: { tone?: keyof typeof TONES; title?: string; children?: ReactNode; live?: boolean }) {
  return (
    <div role={live ? (tone === "error" ? "alert" : "status") : undefined} className={`rounded-md border px-4 py-3 text-sm ${TONES[tone]}`}>
      {title ? <p className="font-semibold">{title}</p> : null}
      {children ? <div className={title ? "mt-1" : ""}>{children}</div> : null}
    </div>
  );
}
