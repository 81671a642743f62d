"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { QueryProvider } from "@/components/query/query-provider";
import { Button } from "@/components/ui/button";
import { interpolate, type TMessages } from "@/lib/i18n/messages";

export type TRefreshLabels = Pick<TMessages["wealth"], "refresh" | "products">;

type TProgress = {
  isRunning: boolean;
  connections: { connectionId: string; bank: string; status: string; done: number; total: number; current: string | null; error: string | null; finishedAt: string | null }[];
};

export function RefreshButtonClient(props: { clientId: string; labels: TRefreshLabels }) {
  return (
    <QueryProvider>
      <RefreshButtonInner {...props} />
    </QueryProvider>
  );
}

/** The advisor's "refresh": starts a sync of every connection, then shows its progress until it ends. */
function RefreshButtonInner({ clientId, labels }: { clientId: string; labels: TRefreshLabels }) {
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
      setMessage({ tone: "error", text: code === "RATE_LIMITED" ? labels.refresh.rateLimited : code === "CONFLICT" ? labels.refresh.nothing : labels.refresh.error });
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
    if (failed) setMessage({ tone: "error", text: interpolate(labels.refresh.failed, { bank: failed.bank, reason: failed.error ?? "error" }) });
    else setMessage({ tone: "ok", text: runs.some((run) => run.status === "PARTIAL") ? labels.refresh.partial : labels.refresh.done });
    router.refresh();
  }, [isFinished, runs, router, labels]);

  const running = runs.find((run) => run.status === "RUNNING");
  const productName = (key: string | null) => (key && key in labels.products ? labels.products[key as keyof typeof labels.products] : (key ?? ""));
  const isBusy = start.isPending || isWatching;

  return (
    <div className="flex flex-col items-end gap-1">
      <Button variant="secondary" onClick={() => start.mutate()} disabled={isBusy} aria-describedby="refresh-status">
        {isBusy ? labels.refresh.starting : labels.refresh.button}
      </Button>
      <div id="refresh-status" role="status" aria-live="polite" className="min-h-5 text-right text-sm">
        {isWatching && running ? (
          <span className="flex items-center gap-2 text-slate-700">
            <progress max={running.total} value={running.done} className="h-2 w-24" aria-hidden="true" />
            {interpolate(labels.refresh.running, { bank: running.bank, product: productName(running.current), done: running.done, total: running.total })}
          </span>
        ) : isWatching ? (
          <span className="text-slate-700">{labels.refresh.starting}</span>
        ) : message ? (
          <span className={message.tone === "error" ? "text-red-800" : "text-emerald-800"}>{message.text}</span>
        ) : null}
      </div>
    </div>
  );
}
