/** Danish number and date formats (da-DK): "1.234 kr.", "5,2 %", "22.11.2026 10.15". */

const kroner = new Intl.NumberFormat("da-DK", { maximumFractionDigits: 2 });
const procent = new Intl.NumberFormat("da-DK", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });
const procentFortegn = new Intl.NumberFormat("da-DK", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: "exceptZero" });
const andelFormat = new Intl.NumberFormat("da-DK", { style: "percent", minimumFractionDigits: 2, maximumFractionDigits: 2 });
const enDecimal = new Intl.NumberFormat("da-DK", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const heltal = new Intl.NumberFormat("da-DK", { maximumFractionDigits: 0 });
const tidspunkt = new Intl.DateTimeFormat("da-DK", { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Copenhagen" });

export const kr = (n: number | null): string => (n === null ? "–" : `${kroner.format(n)} kr.`);
export const antal = (n: number): string => heltal.format(n);
/** A fraction as a percentage with one decimal: 0.052 → "5,2 %". */
export const pct = (x: number | null): string => (x === null ? "–" : procent.format(x));
/** A share rounded to 4 decimals by the service, shown whole: 0.6123 → "61,23 %". */
export const andel = (x: number | null): string => (x === null ? "–" : andelFormat.format(x));
/** An index (own / median × 100) with its one decimal: 103.4 → "103,4". */
export const indeks = (x: number | null): string => (x === null ? "–" : enDecimal.format(x));
/** With a sign, for changes: 0.052 → "+5,2 %". */
export const aendring = (x: number | null): string => (x === null ? "–" : procentFortegn.format(x));
export const dato = (iso: string): string => tidspunkt.format(new Date(iso));

const ERSTAT: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
/** Every text from the API goes through this before it meets innerHTML. */
export const esc = (s: unknown): string => String(s ?? "").replace(/[&<>"']/g, (c) => ERSTAT[c]!);

/** "1 takst" / "2 takster". */
export const flertal = (n: number, en: string, flere: string): string => `${antal(n)} ${n === 1 ? en : flere}`;
