// Calendar helpers on whole UTC days; generated data is dated, never timed, except timestamps.
const DAY_MS = 86_400_000;

export function dayNumber(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
}

export function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function isoDayOfMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function hhmmOfMs(ms: number): string {
  return new Date(ms).toISOString().slice(11, 16);
}

export const DAY_IN_MS = DAY_MS;
