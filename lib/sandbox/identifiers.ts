// Realistic-looking identifiers with valid check digits, so a client validating them accepts ours.
import { hashString } from "./prng";

const ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** ISIN check digit (Luhn over the letters expanded to numbers). */
export function isinCheckDigit(body11: string): number {
  const expanded = body11
    .toUpperCase()
    .split("")
    .map((ch) => String(ALNUM.indexOf(ch)))
    .join("");
  let sum = 0;
  for (let i = 0; i < expanded.length; i++) {
    let digit = Number(expanded[expanded.length - 1 - i]);
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

export function isValidIsin(isin: string): boolean {
  return /^[A-Z]{2}[A-Z0-9]{9}\d$/.test(isin) && isinCheckDigit(isin.slice(0, 11)) === Number(isin[11]);
}

/** A stable ISIN for an instrument name: the same name always gets the same code. */
export function makeIsin(country: string, name: string): string {
  let body = "";
  // US codes embed a CUSIP (9 chars); keep them mostly numeric like real ones.
  for (let i = 0; body.length < 9; i++) {
    const h = hashString(`${name}#${i}`);
    body += i < 6 || country !== "US" ? String(h % 10) : ALNUM[h % 36];
  }
  const first11 = `${country}${body}`;
  return `${first11}${isinCheckDigit(first11)}`;
}

function mod97(numeric: string): number {
  let rest = 0;
  for (const ch of numeric) rest = (rest * 10 + Number(ch)) % 97;
  return rest;
}

const DC_WEIGHTS = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6] as const;
function ccDigit(ten: string): number {
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += Number(ten[i]) * (DC_WEIGHTS[i] ?? 0);
  const d = 11 - (sum % 11);
  return d === 11 ? 0 : d === 10 ? 1 : d;
}

/** A Spanish IBAN with a correct national control (DC) and correct IBAN check digits. */
export function makeSpanishIban(bankCode: string, branch: string, account10: string): string {
  const dc = `${ccDigit(`00${bankCode}${branch}`)}${ccDigit(account10)}`;
  const bban = `${bankCode}${branch}${dc}${account10}`;
  return `ES${ibanCheckDigits("ES", bban)}${bban}`;
}

export function ibanCheckDigits(country: string, bban: string): string {
  const rearranged = `${bban}${country}00`
    .split("")
    .map((ch) => String(ALNUM.indexOf(ch)))
    .join("");
  return String(98 - mod97(rearranged)).padStart(2, "0");
}

export function isValidIban(iban: string): boolean {
  const compact = iban.replace(/\s+/g, "").toUpperCase();
  const rearranged = `${compact.slice(4)}${compact.slice(0, 4)}`
    .split("")
    .map((ch) => String(ALNUM.indexOf(ch)))
    .join("");
  return mod97(rearranged) === 1;
}

/** Spanish CIF for a company (letter + 7 digits + numeric control). */
export function makeCif(letter: string, seven: string): string {
  let even = 0;
  let odd = 0;
  for (let i = 0; i < 7; i++) {
    const d = Number(seven[i]);
    if (i % 2 === 1) even += d;
    else {
      const doubled = d * 2;
      odd += Math.floor(doubled / 10) + (doubled % 10);
    }
  }
  const control = (10 - ((even + odd) % 10)) % 10;
  return `${letter}${seven}${control}`;
}
