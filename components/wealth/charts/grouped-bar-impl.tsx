"use client";

import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { colorAt } from "./palette";
import { GROUPED_BAR_HEIGHT } from "./sizes";

export type TGroupedBarProps = {
  data: Record<string, number | string | null>[];
  series: { key: string; name: string }[];
  xKey: string;
  xLabel: string;
  yLabel: string;
  locale: string;
};

const PATTERNS = ["none", "url(#hatch-1)", "url(#hatch-2)", "url(#hatch-3)"];

/** Returns per period (x) for each group (bars), as percentages; groups differ by colour and by a hatch pattern. */
export default function GroupedBarChartImpl({ data, series, xKey, xLabel, yLabel, locale }: TGroupedBarProps) {
  const format = (value: number) => new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(value);
  return (
    <div style={{ width: "100%", height: GROUPED_BAR_HEIGHT }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 24, bottom: 28, left: 24 }}>
          <defs>
            {[1, 2, 3].map((n) => (
              <pattern key={n} id={`hatch-${n}`} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform={`rotate(${n * 45})`}>
                <rect width="6" height="6" fill={colorAt(n)} />
                <line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" strokeWidth="2" />
              </pattern>
            ))}
          </defs>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey={xKey} fontSize={12} label={{ value: xLabel, position: "insideBottom", offset: -16 }} />
          <YAxis tickFormatter={format} fontSize={12} width={70} label={{ value: yLabel, angle: -90, position: "insideLeft", offset: -12 }} />
          <ReferenceLine y={0} stroke="#334155" />
          <Tooltip formatter={(value) => (value === null ? "—" : format(Number(value)))} />
          <Legend verticalAlign="top" />
          {series.map((group, index) => (
            <Bar
              key={group.key}
              dataKey={group.key}
              name={group.name}
              fill={index % 4 === 0 ? colorAt(index) : (PATTERNS[index % 4] ?? colorAt(index))}
              stroke={colorAt(index)}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
