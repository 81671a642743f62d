"use client";

// The charts' client islands. recharts (~120 kB compressed) is its own chunk, requested only when a
// chart comes near the viewport: the overview's figures are all in tables beside the charts, so
// the page is usable (and measured) without it, and a phone that never scrolls to a chart never
// downloads it. The placeholder has the chart's exact height, so nothing moves when it arrives.
import dynamic from "next/dynamic";
import { useEffect, useRef, useState, type ComponentType } from "react";
import type { THorizontalBarProps } from "./bar-chart-impl";
import type { TGroupedBarProps } from "./grouped-bar-impl";
import type { TLineChartProps } from "./line-chart-impl";
import { GROUPED_BAR_HEIGHT, horizontalBarHeight, LINE_CHART_HEIGHT } from "./sizes";

function Placeholder() {
  return <div aria-hidden="true" className="h-full animate-pulse rounded-md bg-slate-200" />;
}

function whenNearViewport<P extends object>(Chart: ComponentType<P>, heightOf: (props: P) => number) {
  return function LazyChart(props: P) {
    const ref = useRef<HTMLDivElement>(null);
    const [isNear, setIsNear] = useState(false);
    useEffect(() => {
      const element = ref.current;
      if (!element || typeof IntersectionObserver === "undefined") return setIsNear(true);
      const observer = new IntersectionObserver(
        (entries) => {
          if (entries.some((entry) => entry.isIntersecting)) {
            setIsNear(true);
            observer.disconnect();
          }
        },
        { rootMargin: "200px 0px" },
      );
      observer.observe(element);
      return () => observer.disconnect();
    }, []);
    const height = heightOf(props);
    return (
      <div ref={ref} style={{ height }}>
        {isNear ? <Chart {...props} /> : <Placeholder />}
      </div>
    );
  };
}

// next/dynamic needs its options written out as an object literal at each call.
export const HorizontalBarChart = whenNearViewport(
  dynamic<THorizontalBarProps>(() => import("./bar-chart-impl"), { ssr: false, loading: Placeholder }),
  (props) => horizontalBarHeight(props.data.length),
);
export const WealthLineChart = whenNearViewport(
  dynamic<TLineChartProps>(() => import("./line-chart-impl"), { ssr: false, loading: Placeholder }),
  () => LINE_CHART_HEIGHT,
);
export const GroupedBarChart = whenNearViewport(
  dynamic<TGroupedBarProps>(() => import("./grouped-bar-impl"), { ssr: false, loading: Placeholder }),
  () => GROUPED_BAR_HEIGHT,
);
