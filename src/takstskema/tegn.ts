/**
 * Characters an .xlsx file (XML 1.0) cannot hold, and PostgreSQL text cannot hold NUL: C0
 * controls other than tab, line feed and carriage return; U+FFFE and U+FFFF; and half a
 * surrogate pair. Written into a workbook they make LibreOffice drop the rest of the sheet and
 * Excel ask to repair it, so they are refused where text enters and removed where text is written.
 */
// eslint-disable-next-line no-control-regex -- the control characters are exactly what is matched
export const UGYLDIGE_TEGN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const ALLE_UGYLDIGE = new RegExp(UGYLDIGE_TEGN.source, "g");

export function harUgyldigeTegn(s: string): boolean {
  return UGYLDIGE_TEGN.test(s);
}

/** The text with every forbidden character removed (for writers: never put them in a file). */
export function udenUgyldigeTegn(s: string): string {
  return s.replace(ALLE_UGYLDIGE, "");
}
