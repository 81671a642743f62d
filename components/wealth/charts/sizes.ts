// The charts' heights, known before recharts loads, so the placeholder holds exactly their place.
export const LINE_CHART_HEIGHT = 300;
export const GROUPED_BAR_HEIGHT = 320;
export function horizontalBarHeight(categories: number): number {
  return Math.max(160, categories * 34 + 60);
}
