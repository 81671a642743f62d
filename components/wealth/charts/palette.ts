/**
 * Okabe–Ito: eight colours told apart with every common colour-vision deficiency. Charts also never
 * rely on colour alone: bars are labelled on their axis, lines differ by dash pattern and a legend.
 */
export const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"] as const;
export const DASHES = ["", "6 4", "2 3", "10 3 2 3"] as const;

export const colorAt = (index: number): string => PALETTE[index % PALETTE.length] ?? "#0072B2";
