/**
 * Control characters (C0 other than tab, line feed and carriage return, and DEL) and half a
 * surrogate pair: PostgreSQL cannot store NUL in jsonb, and a workbook cannot hold the rest, so a
 * ruleset with one is refused with the place it is at (a 422 naming the field), never stored.
 */
// eslint-disable-next-line no-control-regex -- the control characters are exactly what is matched
const KONTROLTEGN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function harKontroltegn(s: string): boolean {
  return KONTROLTEGN.test(s);
}

/**
 * The paths (as "parametre.kategorier.0.navn") of every text and every key that holds a control
 * character, at most `maks`. Iterative, so a deeply nested body cannot overflow the stack.
 */
export function kontroltegnStier(raw: unknown, maks = 20): string[] {
  const stier: string[] = [];
  const stak: { v: unknown; sti: string }[] = [{ v: raw, sti: "" }];
  while (stak.length > 0 && stier.length < maks) {
    const { v, sti } = stak.pop()!;
    if (typeof v === "string") {
      if (harKontroltegn(v)) stier.push(sti || "(rod)");
    } else if (v !== null && typeof v === "object") {
      for (const [k, barn] of Object.entries(v)) {
        const under = sti ? `${sti}.${k}` : k;
        if (harKontroltegn(k)) stier.push(under);
        else stak.push({ v: barn, sti: under });
      }
    }
  }
  return stier;
}
