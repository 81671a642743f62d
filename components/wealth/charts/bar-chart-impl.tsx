"use client";

import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { colorAt } from "./palette";
import { horizontalBarHeight } from "./sizes";

export type THorizontalBarProps = {
  data: { label: string; value: number }[];
  valueLabel: string;
  categoryLabel: string;
  formatValue: "money" | "percent";
  currency?: string;
  locale: string;
};

/** Horizontal bars, one per category, its name on the axis: readable without telling colours apart. */
export default function HorizontalBarChartImpl({ data, valueLabel, categoryLabel, formatValue, currency, locale }: THorizontalBarProps) {
  const format = (value: number) =>
    formatValue === "money"
      ? new Intl.NumberFormat(locale, { style: "currency", currency: currency ?? "EUR", notation: "compact", maximumFractionDigits: 1 }).format(value)
      : new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(value);
  const height = horizontalBarHeight(data.length);
  return (
    <div style={{ width: "100%", height }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 24, bottom: 28, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tickFormatter={format} label={{ value: valueLabel, position: "insideBottom", offset: -16 }} fontSize={12} />
          <YAxis
            type="category"
            dataKey="label"
            width={190}
            fontSize={12}
            label={{ value: categoryLabel, angle: -90, position: "insideLeft", offset: 0, style: { display: "none" } }}
          />
          <Tooltip formatter={(value) => format(Number(value))} />
          <Bar dataKey="value" name={valueLabel} isAnimationActive={false}>
            {data.map((entry, index) => (
              <Cell key={entry.label} fill={colorAt(index)} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
