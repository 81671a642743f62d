// Calendar helpers on whole UTC days; generated data is dated, never timed, except timestamps.
const DAY_MS = 86_400_000;

export function dayNumber(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
}

const isoDays = new Map<number, string>();

/** Memoized: a 100 000-record history has only a few thousand distinct days, and Date formatting was a tenth of generating it. */
export function isoDay(day: number): string {
  let text = isoDays.get(day);
  if (text === undefined) {
    text = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (isoDays.size >= 100_000) isoDays.clear();
    isoDays.set(day, text);
  }
  return text;
}

export function isoDayOfMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function hhmmOfMs(ms: number): string {
  return new Date(ms).toISOString().slice(11, 16);
}

export const DAY_IN_MS = DAY_MS;
