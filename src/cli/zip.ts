import { inflateRawSync } from "node:zlib";

/** One entry of a zip's central directory, as the directory declares it. */
export interface ZipDel {
  navn: string;
  metode: number;
  komprimeret: number;
  ukomprimeret: number;
  lokalHoved: number;
}

/** Why a zip cannot be read here; the caller decides whether ExcelJS gets a try. */
export class ZipFejl extends Error {
  override name = "ZipFejl";
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOKAL = 0x04034b50;

/**
 * The central directory (not the local headers, which a hostile file may contradict). Zip64,
 * encrypted and split archives are refused: an .xlsx under the size limits never needs them.
 */
export function laesZipKatalog(buf: Buffer): ZipDel[] {
  // The end record is in the last 22 + 65,535 (comment) bytes.
  const min = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFejl("ingen slutpost i zip-kataloget");
  const antal = buf.readUInt16LE(eocd + 10);
  const stoerrelse = buf.readUInt32LE(eocd + 12);
  const start = buf.readUInt32LE(eocd + 16);
  if (antal === 0xffff || start === 0xffffffff || stoerrelse === 0xffffffff) throw new ZipFejl("zip64 understøttes ikke");
  if (buf.readUInt16LE(eocd + 4) !== 0 || buf.readUInt16LE(eocd + 6) !== 0) throw new ZipFejl("delt zip-arkiv");
  if (start + stoerrelse > eocd) throw new ZipFejl("zip-kataloget ligger uden for filen");
  const dele: ZipDel[] = [];
  let p = start;
  for (let n = 0; n < antal; n++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== CENTRAL) throw new ZipFejl("beskadiget zip-katalog");
    const flag = buf.readUInt16LE(p + 8);
    const metode = buf.readUInt16LE(p + 10);
    const komprimeret = buf.readUInt32LE(p + 20);
    const ukomprimeret = buf.readUInt32LE(p + 24);
    const navnLaengde = buf.readUInt16LE(p + 28);
    const ekstra = buf.readUInt16LE(p + 30);
    const kommentar = buf.readUInt16LE(p + 32);
    const lokalHoved = buf.readUInt32LE(p + 42);
    if (flag & 1) throw new ZipFejl("krypteret del");
    if (komprimeret === 0xffffffff || ukomprimeret === 0xffffffff || lokalHoved === 0xffffffff) throw new ZipFejl("zip64 understøttes ikke");
    if (p + 46 + navnLaengde > eocd) throw new ZipFejl("beskadiget zip-katalog");
    const navn = buf.toString(flag & 0x800 ? "utf8" : "latin1", p + 46, p + 46 + navnLaengde);
    dele.push({ navn, metode, komprimeret, ukomprimeret, lokalHoved });
    p += 46 + navnLaengde + ekstra + kommentar;
  }
  return dele;
}

/**
 * The bytes of one entry, never more than the directory declares: a part that inflates past
 * its declared size is a zip bomb lying about itself and throws.
 */
export function pakUd(buf: Buffer, del: ZipDel): Buffer {
  const h = del.lokalHoved;
  if (h + 30 > buf.length || buf.readUInt32LE(h) !== LOKAL) throw new ZipFejl(`beskadiget lokalt hoved for ${del.navn}`);
  const data = h + 30 + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28);
  if (data + del.komprimeret > buf.length) throw new ZipFejl(`${del.navn} rækker ud over filen`);
  const raa = buf.subarray(data, data + del.komprimeret);
  if (del.metode === 0) {
    if (del.komprimeret !== del.ukomprimeret) throw new ZipFejl(`${del.navn} har forkert størrelse`);
    return raa;
  }
  if (del.metode !== 8) throw new ZipFejl(`${del.navn} bruger en ukendt komprimering (${del.metode})`);
  let ud: Buffer;
  try {
    // One byte of slack, so a part longer than declared is caught rather than cut.
    ud = inflateRawSync(raa, { maxOutputLength: del.ukomprimeret + 1 });
  } catch (e) {
    throw new ZipFejl(`${del.navn} kan ikke pakkes ud (${(e as Error).message})`);
  }
  if (ud.length !== del.ukomprimeret) throw new ZipFejl(`${del.navn} fylder ${ud.length} byte udpakket, men kataloget siger ${del.ukomprimeret}`);
  return ud;
}

/** A zip opened once: its directory, and parts inflated at most once each. */
export class ZipArkiv {
  readonly dele: ZipDel[];
  private readonly efterNavn = new Map<string, ZipDel>();
  private readonly udpakket = new Map<string, Buffer>();
  private readonly tekster = new Map<string, string>();

  constructor(readonly buf: Buffer) {
    this.dele = laesZipKatalog(buf);
    // Like JSZip, a later entry of the same name wins.
    for (const d of this.dele) this.efterNavn.set(d.navn, d);
  }

  del(navn: string): Buffer | undefined {
    let b = this.udpakket.get(navn);
    if (b === undefined) {
      const d = this.efterNavn.get(navn);
      if (!d) return undefined;
      b = pakUd(this.buf, d);
      this.udpakket.set(navn, b);
    }
    return b;
  }

  /** A part as latin1 text (one byte, one character), made once: the cell count and the fast reader scan the same sheet. */
  tekst(navn: string): string | undefined {
    let t = this.tekster.get(navn);
    if (t === undefined) {
      t = this.del(navn)?.toString("latin1");
      if (t !== undefined) this.tekster.set(navn, t);
    }
    return t;
  }
}
