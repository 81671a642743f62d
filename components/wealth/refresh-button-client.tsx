"use client";

import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { TMessages } from "@/lib/i18n/messages";
import type { TRefreshMessage } from "./refresh-progress";

export type TRefreshLabels = Pick<TMessages["wealth"], "refresh" | "products">;

// The progress watcher (react-query's polling) is downloaded when a refresh starts, not with
// every client tab that shows the button.
const RefreshProgress = dynamic(() => import("./refresh-progress").then((module) => module.RefreshProgress), { ssr: false });

/** The advisor's "refresh": starts a sync of every connection, then shows its progress until it ends. */
export function RefreshButtonClient({ clientId, labels }: { clientId: string; labels: TRefreshLabels }) {
  const router = useRouter();
  const [phase, setPhase] = useState<"idle" | "starting" | "watching">("idle");
  const [startedAt, setStartedAt] = useState<string | null>(null);
  const [message, setMessage] = useState<TRefreshMessage | null>(null);

  const start = async () => {
    setPhase("starting");
    setMessage(null);
    const response = await fetch(`/api/clients/${clientId}/sync`, { method: "POST", headers: { "content-type": "application/json" } }).catch(() => null);
    const body = ((await response?.json().catch(() => ({}))) ?? {}) as { startedAt?: string; error?: { code?: string } };
    if (!response?.ok) {
      const code = body.error?.code;
      setPhase("idle");
      setMessage({
        tone: "error",
        text: code === "RATE_LIMITED" ? labels.refresh.rateLimited : code === "CONFLICT" ? labels.refresh.nothing : labels.refresh.error,
      });
      return;
    }
    setStartedAt(body.startedAt ?? new Date().toISOString());
    setPhase("watching");
  };
  const finish = (result: TRefreshMessage) => {
    setPhase("idle");
    setMessage(result);
    router.refresh();
  };

  return (
    <div className="flex flex-col items-end gap-1">
      <Button variant="secondary" onClick={() => void start()} disabled={phase !== "idle"} aria-describedby="refresh-status">
        {phase === "idle" ? labels.refresh.button : labels.refresh.starting}
      </Button>
      <div id="refresh-status" role="status" aria-live="polite" className="min-h-5 text-right text-sm">
        {phase === "watching" && startedAt ? (
          <RefreshProgress clientId={clientId} startedAt={startedAt} labels={labels} onFinish={finish} />
        ) : phase === "starting" ? (
          <span className="text-slate-700">{labels.refresh.starting}</span>
        ) : message ? (
          <span className={message.tone === "error" ? "text-red-800" : "text-emerald-800"}>{message.text}</span>
        ) : null}
      </div>
    </div>
  );
}
