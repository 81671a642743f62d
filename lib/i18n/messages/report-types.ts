import type { reportEn } from "./report-en";

type TWiden<T> = { [K in keyof T]: T[K] extends string ? string : TWiden<T[K]> };
export type TReportMessages = TWiden<typeof reportEn>;
