"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { interpolate } from "@/lib/i18n/messages";

type TProgress = {
  isRunning: boolean;
  connections: { connectionId: string; bank: string; status: string; done: number; total: number; current: string | null; error: string | null; finishedAt: string | null }[];
};

/** The advisor's "refresh": starts a sync of every connection, then shows its progress until it ends. */
export function RefreshButton({ clientId }: { clientId: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [isWatching, setIsWatching] = useState(false);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const startedAt = useRef<string | null>(null);

  const start = useMutation({
    mutationFn: async () => {
      const response = await fetch(`/api/clients/${clientId}/sync`, { method: "POST", headers: { "content-type": "application/json" } });
      const body = (await response.json().catch(() => ({}))) as { startedAt?: string; error?: { code?: string } };
      if (!response.ok) throw new Error(body.error?.code ?? "ERROR");
      return body;
    },
    onSuccess: (body) => {
      startedAt.current = body.startedAt ?? new Date().toISOString();
      setMessage(null);
      setIsWatching(true);
    },
    onError: (error) => {
      const code = error instanceof Error ? error.message : "ERROR";
      setMessage({ tone: "error", text: code === "RATE_LIMITED" ? t.wealth.refresh.rateLimited : code === "CONFLICT" ? t.wealth.refresh.nothing : t.wealth.refresh.error });
    },
  });

  const progress = useQuery({
    queryKey: ["sync-progress", clientId],
    queryFn: async (): Promise<TProgress> => {
      const response = await fetch(`/api/clients/${clientId}/sync`, { cache: "no-store" });
      if (!response.ok) throw new Error(String(response.status));
      return (await response.json()) as TProgress;
    },
    enabled: isWatching,
    refetchInterval: isWatching ? 800 : false,
    staleTime: 0,
  });

  const data = progress.data;
  const runs = data?.connections.filter((c) => !startedAt.current || !c.finishedAt || c.finishedAt >= startedAt.current) ?? [];
  const isFinished = isWatching && data !== undefined && !data.isRunning && runs.length > 0;

  useEffect(() => {
    if (!isFinished) return;
    setIsWatching(false);
    const failed = runs.find((run) => run.status === "FAILED");
    if (failed) setMessage({ tone: "error", text: interpolate(t.wealth.refresh.failed, { bank: failed.bank, reason: failed.error ?? "error" }) });
    else setMessage({ tone: "ok", text: runs.some((run) => run.status === "PARTIAL") ? t.wealth.refresh.partial : t.wealth.refresh.done });
    router.refresh();
  }, [isFinished, runs, router, t]);

  const running = runs.find((run) => run.status === "RUNNING");
  const productName = (key: string | null) => (key && key in t.wealth.products ? t.wealth.products[key as keyof typeof t.wealth.products] : (key ?? ""));
  const isBusy = start.isPending || isWatching;

  return (
    <div className="flex flex-col items-end gap-1">
      <Button variant="secondary" onClick={() => start.mutate()} disabled={isBusy} aria-describedby="refresh-status">
        {isBusy ? t.wealth.refresh.starting : t.wealth.refresh.button}
      </Button>
      <div id="refresh-status" role="status" aria-live="polite" className="min-h-5 text-right text-sm">
        {isWatching && running ? (
          <span className="flex items-center gap-2 text-slate-700">
            <progress max={running.total} value={running.done} className="h-2 w-24" aria-hidden="true" />
            {interpolate(t.wealth.refresh.running, { bank: running.bank, product: productName(running.current), done: running.done, total: running.total })}
          </span>
        ) : isWatching ? (
          <span className="text-slate-700">{t.wealth.refresh.starting}</span>
        ) : message ? (
          <span className={message.tone === "error" ? "text-red-800" : "text-emerald-800"}>{message.text}</span>
        ) : null}
      </div>
    </div>
  );
}
