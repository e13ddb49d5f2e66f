import { constants, crc32, deflateRawSync } from "node:zlib";
import { ZipArkiv } from "../../src/cli/zip";

export interface ZipIndgang {
  navn: string;
  data: Buffer;
  /** Declared uncompressed size, when a test wants the directory to lie. */
  oplystStoerrelse?: number;
  /** Already deflated bytes (then `data` is ignored and `oplystStoerrelse` is required). */
  deflated?: Buffer;
}

/**
 * The fields a local header and its central directory entry share, in the same order
 * (version needed, UTF-8 flag, deflate, time/date 0, crc, sizes, name length); the central
 * entry has them two bytes later, after "version made by".
 */
function skrivFaellesFelter(
  b: Buffer,
  fra: number,
  f: { crc: number; komprimeret: number; stoerrelse: number; navnLaengde: number },
): void {
  b.writeUInt16LE(20, fra);
  b.writeUInt16LE(0x800, fra + 2);
  b.writeUInt16LE(8, fra + 4);
  b.writeUInt32LE(f.crc, fra + 10);
  b.writeUInt32LE(f.komprimeret, fra + 14);
  b.writeUInt32LE(f.stoerrelse, fra + 18);
  b.writeUInt16LE(f.navnLaengde, fra + 22);
}

/** A plain zip (deflate, no zip64) written by hand, so tests can build any .xlsx they need. */
export function skrivZip(indgange: ZipIndgang[]): Buffer {
  const lokale: Buffer[] = [];
  const katalog: Buffer[] = [];
  let pos = 0;
  for (const i of indgange) {
    const navn = Buffer.from(i.navn, "utf8");
    const komp = i.deflated ?? deflateRawSync(i.data, { level: 9 });
    const crc = i.deflated ? 0 : crc32(i.data);
    const stoerrelse = i.oplystStoerrelse ?? i.data.length;
    const faelles = { crc, komprimeret: komp.length, stoerrelse, navnLaengde: navn.length };
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    skrivFaellesFelter(lh, 4, faelles);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4); // version made by
    skrivFaellesFelter(ch, 6, faelles);
    ch.writeUInt32LE(pos, 42);
    lokale.push(lh, navn, komp);
    katalog.push(ch, navn);
    pos += 30 + navn.length + komp.length;
  }
  const kat = Buffer.concat(katalog);
  const slut = Buffer.alloc(22);
  slut.writeUInt32LE(0x06054b50, 0);
  slut.writeUInt16LE(indgange.length, 8);
  slut.writeUInt16LE(indgange.length, 10);
  slut.writeUInt32LE(kat.length, 12);
  slut.writeUInt32LE(pos, 16);
  return Buffer.concat([...lokale, kat, slut]);
}

/** An .xlsx with some parts' XML changed (each `aendr` gets and returns one part's text). */
export function aendrXlsx(xlsx: Buffer, aendr: Record<string, (xml: string) => string>): Buffer {
  const zip = new ZipArkiv(xlsx);
  const navne = new Set(zip.dele.map((d) => d.navn));
  const ud: ZipIndgang[] = zip.dele.map((d) => {
    const data = zip.del(d.navn)!;
    const f = aendr[d.navn];
    return { navn: d.navn, data: f ? Buffer.from(f(data.toString("utf8")), "utf8") : data };
  });
  for (const [navn, f] of Object.entries(aendr)) if (!navne.has(navn)) ud.push({ navn, data: Buffer.from(f(""), "utf8") });
  return skrivZip(ud);
}

/**
 * A deflate stream of `mb` MB of spaces, built without inflating anything: one
 * flushed 1 MB block repeated (a full flush makes each copy independent), then an empty final
 * block. About 1 KB per MB, so 2,500 MB is a ~2.5 MB zip bomb.
 */
export function bombeStroem(mb: number): Buffer {
  const blok = Buffer.alloc(1024 * 1024, " ");
  const komp = deflateRawSync(blok, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  return Buffer.concat([...Array.from({ length: mb }, () => komp), Buffer.from([0x03, 0x00])]);
}

/** An .xlsx whose sheet part is a zip bomb of `mb` MB; `loegn` declares the template's real size instead. */
export function zipBombe(xlsx: Buffer, mb: number, loegn = false): Buffer {
  const zip = new ZipArkiv(xlsx);
  return skrivZip(zip.dele.map((d) => {
    const data = zip.del(d.navn)!;
    if (d.navn !== "xl/worksheets/sheet1.xml") return { navn: d.navn, data };
    return { navn: d.navn, data, deflated: bombeStroem(mb), oplystStoerrelse: loegn ? data.length : mb * 1024 * 1024 };
  }));
}
