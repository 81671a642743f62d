import type { reviewEn } from "./review-en";

type TWiden<T> = { [K in keyof T]: T[K] extends string ? string : TWiden<T[K]> };
export type TReviewMessages = TWiden<typeof reviewEn>;
