import type { householdsEn } from "./households-en";

type TWiden<T> = { [K in keyof T]: T[K] extends string ? string : TWiden<T[K]> };
export type THouseholdsMessages = TWiden<typeof householdsEn>;
