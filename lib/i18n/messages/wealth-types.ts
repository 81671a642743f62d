import type { wealthEn } from "./wealth-en";

type TWiden<T> = { [K in keyof T]: T[K] extends string ? string : TWiden<T[K]> };
export type TWealthMessages = TWiden<typeof wealthEn>;
