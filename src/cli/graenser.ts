import { type ZipArkiv, type ZipDel, pakUd } from "./zip";

/**
 * Limits checked before any .xlsx is parsed. A takstskema is ~300 cells in ~30 KB; the limits
 * leave room for workbooks with a few extra sheets of data, and keep ExcelJS (which builds an
 * object per cell, and per cell of every merged range) well under a gigabyte.
 */
export const GRAENSER = {
  /** The file on disk. */
  filBytes: 50 * 1024 * 1024,
  /** Parts in the zip. */
  dele: 2_000,
  /** One part, uncompressed. */
  delBytes: 50 * 1024 * 1024,
  /** All parts, uncompressed. */
  iAltBytes: 150 * 1024 * 1024,
  /** Uncompressed / compressed for parts above 1 MB (Apache POI uses 100 as well). */
  forhold: 100,
  /** Cells in all sheets, counting each cell of a merged range. */
  celler: 500_000,
  /** Characters of text in one cell before any pattern sees it (the service's limit too). */
  tekstTegn: 4_000,
} as const;

const MB = (n: number) => `${(n / 1024 / 1024).toLocaleString("da-DK", { maximumFractionDigits: 1 })} MB`;
const TAL = (n: number) => n.toLocaleString("da-DK");

/** A file refused for its size: exit code 2 with this Danish reason. */
export class ForStorFejl extends Error {
  override name = "ForStorFejl";
}

/** What the zip directory declares, checked before a byte is inflated. */
export function tjekKatalog(dele: ZipDel[]): void {
  if (dele.length > GRAENSER.dele) throw new ForStorFejl(`den har ${TAL(dele.length)} dele (højst ${TAL(GRAENSER.dele)})`);
  let iAlt = 0;
  for (const d of dele) {
    // The ratio first: a zip bomb is named as one.
    if (d.ukomprimeret > 1024 * 1024 && d.ukomprimeret > GRAENSER.forhold * Math.max(d.komprimeret, 1)) {
      throw new ForStorFejl(`delen ${d.navn} pakkes ud fra ${MB(d.komprimeret)} til ${MB(d.ukomprimeret)} (mere end ${GRAENSER.forhold} gange; en zip-bombe)`);
    }
    if (d.ukomprimeret > GRAENSER.delBytes) throw new ForStorFejl(`delen ${d.navn} fylder ${MB(d.ukomprimeret)} udpakket (højst ${MB(GRAENSER.delBytes)})`);
    iAlt += d.ukomprimeret;
  }
  if (iAlt > GRAENSER.iAltBytes) throw new ForStorFejl(`den fylder ${MB(iAlt)} udpakket (højst ${MB(GRAENSER.iAltBytes)})`);
}

/** Cells a sheet's XML makes ExcelJS build: each <c>, plus every cell of each merged range. */
export function tael(xml: string): number {
  let celler = 0;
  for (let i = xml.indexOf("<c"); i >= 0; i = xml.indexOf("<c", i + 2)) {
    const n = xml.charCodeAt(i + 2);
    if (n === 0x20 || n === 0x3e || n === 0x2f || n === 0x09 || n === 0x0a || n === 0x0d) celler++;
  }
  // Bounded attribute run, so a hostile part cannot make this pattern quadratic.
  const flet = /<mergeCell\s[^>]{0,200}?ref="\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?"/g;
  for (let m = flet.exec(xml); m; m = flet.exec(xml)) {
    const k1 = kolonne(m[1]!);
    const r1 = Number(m[2]);
    const k2 = m[3] ? kolonne(m[3]) : k1;
    const r2 = m[4] ? Number(m[4]) : r1;
    celler += (Math.abs(k2 - k1) + 1) * (Math.abs(r2 - r1) + 1);
  }
  return celler;
}

/** "A" → 1, "XFD" → 16384. */
export function kolonne(bogstaver: string): number {
  let n = 0;
  for (let i = 0; i < bogstaver.length; i++) n = n * 26 + (bogstaver.charCodeAt(i) - 64);
  return n;
}

/**
 * The sheets hold no more cells than the limit, merged ranges counted cell by cell (ExcelJS
 * builds an object for each; a 15 KB file with one sheet-wide merge would take gigabytes).
 * With `alleDele`, every other part is inflated too, so a directory lying about a part's size
 * is caught with bounded memory before ExcelJS (which trusts it) sees the file. Throws
 * ZipFejl or ForStorFejl.
 */
export function tjekIndhold(zip: ZipArkiv, alleDele: boolean): void {
  let celler = 0;
  for (const d of zip.dele) {
    const ark = /^xl\/worksheets\/[^/]+\.xml$/i.test(d.navn);
    if (ark) {
      celler += tael(zip.tekst(d.navn)!);
      if (celler > GRAENSER.celler) throw new ForStorFejl(`arkene har mere end ${TAL(GRAENSER.celler)} celler (flettede områder talt celle for celle)`);
    } else if (alleDele) pakUd(zip.buf, d);
  }
}
