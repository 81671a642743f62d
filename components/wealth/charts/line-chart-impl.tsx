"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { colorAt, DASHES } from "./palette";
import { LINE_CHART_HEIGHT } from "./sizes";

export type TLineSeries = { key: string; name: string };
export type TLineChartProps = {
  /** A null value is a day without a figure (e.g. no exchange rate): the line breaks there. */
  data: Record<string, number | string | null>[];
  series: TLineSeries[];
  xKey: string;
  xLabel: string;
  yLabel: string;
  currency: string;
  locale: string;
};

/** Lines that differ by colour AND dash pattern, with a legend and labelled axes. */
export default function LineChartImpl({ data, series, xKey, xLabel, yLabel, currency, locale }: TLineChartProps) {
  const format = (value: number) => new Intl.NumberFormat(locale, { style: "currency", currency, notation: "compact", maximumFractionDigits: 1 }).format(value);
  return (
    <div style={{ width: "100%", height: LINE_CHART_HEIGHT }}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 24, bottom: 28, left: 24 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey={xKey} fontSize={12} label={{ value: xLabel, position: "insideBottom", offset: -16 }} />
          <YAxis tickFormatter={format} fontSize={12} width={80} label={{ value: yLabel, angle: -90, position: "insideLeft", offset: -16 }} />
          <Tooltip formatter={(value) => format(Number(value))} />
          <Legend verticalAlign="top" />
          {series.map((line, index) => (
            <Line
              key={line.key}
              type="monotone"
              dataKey={line.key}
              name={line.name}
              stroke={colorAt(index)}
              strokeDasharray={DASHES[index % DASHES.length]}
              strokeWidth={2}
              dot={data.length < 40}
              // Never across a day without a figure: a line there would claim a wealth nobody knows.
              connectNulls={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
