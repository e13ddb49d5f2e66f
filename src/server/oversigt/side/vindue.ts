/**
 * Windowed rendering (1,000 rows within 300 ms, npm run bench oversigt): of a long list only the items in view of a scroll container,
 * plus a margin on each side, are in the DOM. Scrolling renders the next ones. The list itself
 * (filtered and sorted in full by the caller) stays in memory, so search and sort cover every
 * item, not only the rendered ones.
 *
 * The caller draws a slice [fra, til) of the list; where the items sit (spacer rows in a table,
 * absolute y in an SVG) is the caller's business. Item height is an estimate the caller may
 * refine from what it measured, so rows of different heights (warning lists) still scroll right.
 */
export interface VindueValg {
  /** The element that scrolls (overflow: auto). */
  ramme: HTMLElement;
  /** The element the items are drawn into; its top is where item 0 starts (less `forskydning`). */
  krop: HTMLElement | SVGElement;
  /** Estimated height of one item in CSS pixels, given the container's current width. */
  hoejde: () => number;
  /** Items drawn beyond the visible ones, above and below. */
  margen: number;
  /** Draws items [fra, til) of the current list. */
  tegn: (fra: number, til: number) => void;
  /** Pixels between the top of `krop` and item 0 (an SVG's axis band). */
  forskydning?: () => number;
}

export class Vindue {
  private antal = 0;
  private fra = -1;
  private til = -1;
  private ventende = 0;

  constructor(private readonly v: VindueValg) {
    v.ramme.addEventListener("scroll", () => this.planlaeg(), { passive: true });
  }

  /** A new list of `antal` items (after filter or sort): drawn at once from the current scroll. */
  nyListe(antal: number, tilToppen = false): void {
    this.antal = antal;
    if (tilToppen) this.v.ramme.scrollTop = 0;
    this.fra = this.til = -1;
    this.opdater();
  }

  /** The slice now drawn (for tests and the focus keeper). */
  get tegnet(): { fra: number; til: number } {
    return { fra: this.fra, til: this.til };
  }

  /** At most one redraw per frame, however many scroll or resize events come. */
  planlaeg(): void {
    if (this.ventende) return;
    this.ventende = window.requestAnimationFrame(() => {
      this.ventende = 0;
      this.opdater();
    });
  }

  /** Which items are in view: from the container's scroll offset relative to the list's top. */
  opdater(): void {
    const { ramme, krop, margen } = this.v;
    const h = Math.max(1, this.v.hoejde());
    const rammeTop = ramme.getBoundingClientRect().top;
    const top = krop.getBoundingClientRect().top - rammeTop + (this.v.forskydning?.() ?? 0);
    // While the list is still short or empty the container is only as tall as its content, so
    // the window's height stands in for the container's (at most the viewport is ever seen).
    const synligt = Math.max(ramme.clientHeight, window.innerHeight);
    // Item 0 is `top` px below the container's visible top (negative once scrolled past).
    const foerste = Math.floor(Math.max(0, -top) / h);
    const sidste = Math.ceil((Math.max(0, -top) + synligt) / h);
    const fra = Math.max(0, Math.min(this.antal, foerste - margen));
    const til = Math.max(fra, Math.min(this.antal, sidste + margen));
    // Redraw only when the drawn slice no longer covers the view with half the margin to
    // spare, so small scrolls cost nothing.
    const halv = Math.floor(margen / 2);
    const behov = [Math.max(0, foerste - halv), Math.min(this.antal, sidste + halv)] as const;
    if (this.fra >= 0 && this.fra <= behov[0] && this.til >= behov[1]) return;
    this.fra = fra;
    this.til = til;
    this.v.tegn(fra, til);
  }
}
