"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useRef } from "react";
import { QueryProvider } from "@/components/query/query-provider";
import { interpolate } from "@/lib/i18n/messages";
import type { TRefreshLabels } from "./refresh-button-client";

export type TRefreshMessage = { tone: "ok" | "error"; text: string };

type TProgress = {
  isRunning: boolean;
  connections: {
    connectionId: string;
    bank: string;
    status: string;
    done: number;
    total: number;
    current: string | null;
    error: string | null;
    finishedAt: string | null;
  }[];
};

type TProps = { clientId: string; startedAt: string; labels: TRefreshLabels; onFinish: (message: TRefreshMessage) => void };

export function RefreshProgress(props: TProps) {
  return (
    <QueryProvider>
      <Progress {...props} />
    </QueryProvider>
  );
}

/** Polls the sync's progress until every run that started with this refresh has ended. */
function Progress({ clientId, startedAt, labels, onFinish }: TProps) {
  const progress = useQuery({
    queryKey: ["sync-progress", clientId],
    queryFn: async (): Promise<TProgress> => {
      const response = await fetch(`/api/clients/${clientId}/sync`, { cache: "no-store" });
      if (!response.ok) throw new Error(String(response.status));
      return (await response.json()) as TProgress;
    },
    refetchInterval: 800,
    staleTime: 0,
  });

  const data = progress.data;
  // Memoised: a new array on each render would make the effect below run again after every render.
  const runs = useMemo(() => data?.connections.filter((c) => !c.finishedAt || c.finishedAt >= startedAt) ?? [], [data, startedAt]);
  const isFinished = data !== undefined && !data.isRunning && runs.length > 0;

  const hasReported = useRef(false);
  useEffect(() => {
    if (!isFinished || hasReported.current) return;
    hasReported.current = true;
    const failed = runs.find((run) => run.status === "FAILED");
    if (failed) onFinish({ tone: "error", text: interpolate(labels.refresh.failed, { bank: failed.bank, reason: failed.error ?? "error" }) });
    else onFinish({ tone: "ok", text: runs.some((run) => run.status === "PARTIAL") ? labels.refresh.partial : labels.refresh.done });
  }, [isFinished, runs, onFinish, labels]);

  const running = runs.find((run) => run.status === "RUNNING");
  if (!running) return <span className="text-slate-700">{labels.refresh.starting}</span>;
  const product =
    running.current && running.current in labels.products ? labels.products[running.current as keyof typeof labels.products] : (running.current ?? "");
  return (
    <span className="flex items-center gap-2 text-slate-700">
      <progress max={running.total} value={running.done} className="h-2 w-24" aria-hidden="true" />
      {interpolate(labels.refresh.running, { bank: running.bank, product, done: running.done, total: running.total })}
    </span>
  );
}
