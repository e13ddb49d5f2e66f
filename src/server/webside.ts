// What the public pages share (no imports: the pages' modules and the plugins both use it).

/** Where every public page links its tilgængelighedserklæring (webtilgængelighedsloven § 4). */
export const ERKLAERING_STI = "/tilgaengelighed";

/** The public pages' common footer: the link to the tilgængelighedserklæring. */
export const SIDEFOD = `<footer><p><a href="${ERKLAERING_STI}">Tilgængelighedserklæring</a></p></footer>`;

/**
 * A wide table in its own scrolling region, so the page reflows at 320 px (WCAG 1.4.10) while the
 * table keeps its columns: focusable, so it scrolls by keyboard, and named like the table's caption
 * (`navn` already escaped by the page, which has its own escaping for text and attributes).
 */
export function rulleomraade(navn: string, tabel: string): string {
  return `<div class="tabel" role="region" aria-label="${navn}" tabindex="0">\n${tabel}\n</div>`;
}
