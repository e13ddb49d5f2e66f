/**
 * Text from a workbook or a file name, made safe to print in a terminal: control characters
 * (C0, DEL, C1 such as the 8-bit CSI), line and paragraph separators and bidirectional
 * overrides are shown as \xHH / \uHHHH escapes, so a cell cannot recolour, move the cursor,
 * forge report lines or reorder what the reader sees.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const STYRETEGN = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function synlig(tekst: string): string {
  return tekst.replace(STYRETEGN, (c) => {
    const kode = c.charCodeAt(0);
    return kode <= 0xff ? `\\x${kode.toString(16).padStart(2, "0")}` : `\\u${kode.toString(16).padStart(4, "0")}`;
  });
}

/**
 * JSON for the terminal: JSON.stringify already escapes C0; the rest of the characters above
 * only occur inside strings, where a \\u escape means the same.
 */
export function synligJson(vaerdi: unknown): string {
  return JSON.stringify(vaerdi).replace(STYRETEGN, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
