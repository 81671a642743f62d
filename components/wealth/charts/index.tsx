"use client";

// The charts' client islands: recharts is loaded (as its own chunk) only on pages that show a chart,
// and only in the browser; the skeleton keeps the chart's size meanwhile.
import dynamic from "next/dynamic";
import { Skeleton } from "@/components/ui/skeleton";

export const HorizontalBarChart = dynamic(() => import("./bar-chart-impl"), { ssr: false, loading: () => <Skeleton className="h-64 w-full" /> });
export const WealthLineChart = dynamic(() => import("./line-chart-impl"), { ssr: false, loading: () => <Skeleton className="h-[300px] w-full" /> });
export const GroupedBarChart = dynamic(() => import("./grouped-bar-impl"), { ssr: false, loading: () => <Skeleton className="h-[320px] w-full" /> });
