import { type CelleVaerdi, type Omraade, type Projektmappe, Uforstaaet, adresse, delOmraade } from "./projektmappe";
import type { ZipArkiv } from "./zip";

/**
 * A reader of only what the takstskema needs: workbook.xml's defined names, the sheets they
 * point at, and those cells (plus sharedStrings and, for number formats, styles). It gives the
 * values ExcelJS would give and throws `Uforstaaet` for anything where that is not certain
 * (dates, escapes, unusual XML, overlapping merges …), so the caller falls back to ExcelJS.
 * Measured on 1,000 files it is ~4× faster than ExcelJS's full load (bench/takstskema.bench.ts).
 */

const ENTITETER: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/**
 * XML text or attribute value with its entities resolved; what saxes would refuse or rewrite is
 * not guessed. The XML is scanned as latin1 (one byte, one character: V8 searches such strings
 * several times faster than the two-byte strings Danish text makes), so values are decoded
 * from UTF-8 here.
 */
function dekod(latin1: string): string {
  // Bytes above 0x7f are UTF-8 sequences.
  const s = /[\x80-\xff]/.test(latin1) ? Buffer.from(latin1, "latin1").toString("utf8") : latin1;
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  if (/[\r\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/.test(s)) throw new Uforstaaet("tegn, XML ikke tillader");
  if (!s.includes("&")) return s;
  let ud = "";
  let i = 0;
  for (let j = s.indexOf("&"); j >= 0; j = s.indexOf("&", i)) {
    const semi = s.indexOf(";", j);
    if (semi < 0 || semi - j > 10) throw new Uforstaaet("entitet");
    const e = s.slice(j + 1, semi);
    let tegn = ENTITETER[e];
    if (tegn === undefined && /^#(x[0-9a-fA-F]{1,6}|\d{1,7})$/.test(e)) {
      const kode = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      const gyldig = kode === 9 || kode === 10 || kode === 13 || (kode >= 0x20 && kode <= 0xd7ff) || (kode >= 0xe000 && kode <= 0xfffd) || (kode >= 0x10000 && kode <= 0x10ffff);
      if (gyldig) tegn = String.fromCodePoint(kode);
    }
    if (tegn === undefined) throw new Uforstaaet(`entitet &${e};`);
    ud += s.slice(i, j) + tegn;
    i = semi + 1;
  }
  return ud + s.slice(i);
}

/** Attributes of one start tag's text (`<c r="D14" t="s">` → r, t). */
function attributter(tag: string): Map<string, string> {
  const a = new Map<string, string>();
  const re = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(tag); m; m = re.exec(tag)) {
    const v = m[2] ?? m[3] ?? "";
    // saxes turns tabs and newlines in attributes into spaces; not worth copying.
    if (/[\t\n]/.test(v)) throw new Uforstaaet("blanktegn i attribut");
    // Most values are plain ASCII with nothing to decode.
    a.set(m[1]!, /^[\x20-\x25\x27-\x7e]*$/.test(v) ? v : dekod(v));
  }
  return a;
}

/** Each `<navn …>` / `<navn …/>` start tag of `xml` from `fra` to `til`: where it begins and ends (`>`), and whether it is `<navn …/>`; no string per tag. */
function efterTag(xml: string, navn: string, fra: number, til: number, hver: (i: number, gt: number, lukket: boolean) => void): void {
  const aabn = `<${navn}`;
  for (let i = xml.indexOf(aabn, fra); i >= 0 && i < til; i = xml.indexOf(aabn, i + aabn.length)) {
    const n = xml.charCodeAt(i + aabn.length);
    if (!(n === 0x20 || n === 0x3e || n === 0x2f || n === 0x09 || n === 0x0a || n === 0x0d)) continue;
    const gt = xml.indexOf(">", i);
    if (gt < 0) throw new Uforstaaet("ufuldstændigt tag");
    hver(i, gt, xml.charCodeAt(gt - 1) === 0x2f);
  }
}

/** Each `<navn …>` / `<navn …/>` start tag of `xml`: its attributes and where its content starts. */
function tags(xml: string, navn: string, fra = 0, til = xml.length): { attr: string; start: number; lukket: boolean }[] {
  const ud: { attr: string; start: number; lukket: boolean }[] = [];
  efterTag(xml, navn, fra, til, (i, gt, lukket) => ud.push({ attr: xml.slice(i + navn.length + 1, lukket ? gt - 1 : gt), start: gt + 1, lukket }));
  return ud;
}

/** The text between a start tag's end and `</navn>`. */
function indhold(xml: string, start: number, navn: string): string {
  const slut = xml.indexOf(`</${navn}>`, start);
  if (slut < 0) throw new Uforstaaet(`mangler </${navn}>`);
  return xml.slice(start, slut);
}

function rodErOk(xml: string, rod: string): boolean {
  // Comments, CDATA and DOCTYPE all start with "<!"; one search rules them out.
  if (xml.indexOf("<!") >= 0) return false;
  const m = /^(?:\xEF\xBB\xBF)?\s*(?:<\?xml[^>]{0,200}\?>\s*)?<([\w:.-]+)[\s>]/.exec(xml.slice(0, 512));
  return m?.[1] === rod;
}

/** ExcelJS's test of a date format (lib/utils/utils.js isDateFmt), copied so both agree. */
function erDatoformat(fmt: string): boolean {
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}
/** Built-in number formats ExcelJS knows and that are not dates. */
const IKKE_DATO = new Set([1, 2, 3, 4, 9, 10, 11, 12, 13, 37, 38, 39, 40, 41, 42, 43, 44, 48, 49]);

/** ExcelJS's sheet name rules (doc/worksheet.js): a workbook breaking them fails to load there. */
function arknavnOk(navn: string): boolean {
  return navn !== "" && navn !== "History" && navn.length <= 31 && !/[*?:/\\[\]]/.test(navn) && !/(^')|('$)/.test(navn);
}

export function hurtigMappe(zip: ZipArkiv): Projektmappe {
  const tekst = (navn: string): string | undefined => zip.tekst(navn);
  const wb = tekst("xl/workbook.xml");
  if (wb === undefined || !rodErOk(wb, "workbook")) throw new Uforstaaet("workbook.xml");

  const arkRel = new Map<string, string>();
  const smaa = new Set<string>();
  for (const t of tags(wb, "sheet")) {
    const a = attributter(t.attr);
    const navn = a.get("name");
    const rid = a.get("r:id");
    if (navn === undefined || rid === undefined || !arknavnOk(navn) || smaa.has(navn.toLowerCase())) throw new Uforstaaet("ark");
    smaa.add(navn.toLowerCase());
    arkRel.set(navn, rid);
  }

  const navne = new Map<string, (Omraade | null)[]>();
  for (const t of tags(wb, "definedName")) {
    const a = attributter(t.attr);
    const navn = a.get("name");
    if (navn === undefined) throw new Uforstaaet("navn uden name");
    // Only the skemaer's own names are read (TS_ takstskema, ST_ tilsynsskema); others do not change what ExcelJS gives for these.
    if (!navn.startsWith("TS_") && !navn.startsWith("ST_")) continue;
    if (t.lukket || a.has("localSheetId") || navne.has(navn)) throw new Uforstaaet(`navnet ${navn}`);
    const ref = dekod(indhold(wb, t.start, "definedName"));
    // ExcelJS keeps only absolute references ($D$14) and joins comma lists; only the plain form is read here.
    if (!/^(?:'[^']+'|[A-Za-z0-9_.]+)!\$[A-Z]{1,3}\$\d{1,7}(?::\$[A-Z]{1,3}\$\d{1,7})?$/.test(ref)) throw new Uforstaaet(`navnet ${navn}`);
    navne.set(navn, [delOmraade(ref)]);
  }

  const rels = new Map<string, string>();
  const relsXml = tekst("xl/_rels/workbook.xml.rels");
  if (relsXml !== undefined) {
    for (const t of tags(relsXml, "Relationship")) {
      const a = attributter(t.attr);
      if (a.get("Id") !== undefined && a.get("Target") !== undefined) rels.set(a.get("Id")!, a.get("Target")!);
    }
  }

  let delte: { xml: string; starter: number[] } | undefined;
  const deltTekst = (i: number): string => {
    if (!delte) {
      const xml = tekst("xl/sharedStrings.xml");
      if (xml === undefined || !rodErOk(xml, "sst")) throw new Uforstaaet("sharedStrings");
      const starter: number[] = [];
      efterTag(xml, "si", 0, xml.length, (_, gt, lukket) => starter.push(lukket ? -1 : gt + 1));
      delte = { xml, starter };
    }
    const start = delte.starter[i];
    if (start === undefined || start < 0) throw new Uforstaaet("delt tekst");
    return siTekst(indhold(delte.xml, start, "si"));
  };

  let formater: { xf: number[]; egne: Map<number, string> } | null | undefined;
  const erDato = (s: string | undefined): boolean => {
    const id = s === undefined ? NaN : parseInt(s, 10);
    if (!(id > 0)) return false;
    if (formater === undefined) {
      const xml = tekst("xl/styles.xml");
      if (xml === undefined) formater = null;
      else {
        if (!rodErOk(xml, "styleSheet")) throw new Uforstaaet("styles");
        const egne = new Map<number, string>();
        for (const t of tags(xml, "numFmt")) {
          const a = attributter(t.attr);
          egne.set(parseInt(a.get("numFmtId") ?? "", 10), a.get("formatCode") ?? "");
        }
        const xf: number[] = [];
        const cx = xml.indexOf("<cellXfs");
        if (cx >= 0) {
          const slut = xml.indexOf("</cellXfs>", cx);
          for (const t of tags(xml, "xf", cx, slut < 0 ? xml.length : slut)) xf.push(parseInt(attributter(t.attr).get("numFmtId") ?? "0", 10));
        }
        formater = { xf, egne };
      }
    }
    if (formater === null) return false;
    const fmt = formater.xf[id];
    if (fmt === undefined || !fmt) return false;
    const eget = formater.egne.get(fmt);
    if (eget !== undefined) return erDatoformat(eget);
    if (IKKE_DATO.has(fmt)) return false;
    throw new Uforstaaet(`talformat ${fmt}`);
  };

  const ark = new Map<string, string>();
  // The cells celler found, formulas included, so formler need not scan the sheet again.
  const fundetI = new Map<string, { soegt: Set<string>; fundne: Map<string, FundetCelle> }>();
  const arkXml = (navn: string): string => {
    let xml = ark.get(navn);
    if (xml === undefined) {
      const maal = rels.get(arkRel.get(navn) ?? "");
      const sti = maal === undefined ? undefined : `xl/${maal.replace(/^(\s|\/xl\/)+/, "")}`;
      if (sti === undefined || !/^xl\/worksheets\/sheet\d+\.xml$/.test(sti)) throw new Uforstaaet("arkets sti");
      xml = tekst(sti);
      if (xml === undefined || !rodErOk(xml, "worksheet")) throw new Uforstaaet("arket");
      ark.set(navn, xml);
    }
    return xml;
  };

  return {
    navne,
    harArk: (navn) => arkRel.has(navn),
    celler(navn, adresser) {
      const xml = arkXml(navn);
      const herre = flettetHerre(xml);
      const slaaOp = adresser.map((a) => herre(a));
      const soegt = new Set([...slaaOp, ...adresser]);
      const celler = find(xml, [...soegt]);
      fundetI.set(navn, { soegt, fundne: celler });
      const fundne = new Map<string, CelleVaerdi>();
      for (const r of slaaOp) {
        const t = celler.get(r);
        if (t === undefined || fundne.has(r)) continue;
        fundne.set(r, celleVaerdi(t.lukket ? "" : indhold(xml, t.start, "c"), t.a.get("t"), t.a.get("s"), deltTekst, erDato));
      }
      return slaaOp.map((r) => fundne.get(r) ?? null);
    },
    formler(navn, adresser) {
      const xml = arkXml(navn);
      const fundne = new Map<string, string>();
      const kendt = fundetI.get(navn);
      const celler = kendt && adresser.every((a) => kendt.soegt.has(a)) ? kendt.fundne : find(xml, adresser, false);
      for (const r of adresser) {
        const t = celler.get(r);
        if (t === undefined || t.lukket) continue;
        const slut = xml.indexOf("</c>", t.start);
        if (slut < 0) throw new Uforstaaet("mangler </c>");
        // A shared formula's followers (<f t="shared" si="0"/>) carry no text: as ExcelJS, no formula text.
        efterTag(xml, "f", t.start, slut, (_, gt, lukket) => {
          if (lukket) return;
          const f = xml.indexOf("</f>", gt);
          if (f < 0 || f > slut) throw new Uforstaaet("mangler </f>");
          fundne.set(r, dekod(xml.slice(gt + 1, f)));
        });
      }
      return adresser.map((a) => fundne.get(a));
    },
  };
}

/** A found `<c>`: its attributes and where its content starts. */
interface FundetCelle {
  a: Map<string, string>;
  start: number;
  lukket: boolean;
}

/**
 * "D14" → a number (row × 20,000 + column) from the characters at `i` up to `slut`, without
 * making a string; -1 where the text is not that plain form (leading zeros, lower case, `$` …).
 */
function celleNoegle(s: string, i: number, slut: number): number {
  let k = 0;
  let j = i;
  for (; j < slut && j - i < 3; j++) {
    const c = s.charCodeAt(j);
    if (c < 0x41 || c > 0x5a) break;
    k = k * 26 + (c - 64);
  }
  if (j === i || j === slut || j - i > 7 || s.charCodeAt(j) === 0x30 || slut - j > 7) return -1;
  let r = 0;
  for (; j < slut; j++) {
    const c = s.charCodeAt(j);
    if (c < 0x30 || c > 0x39) return -1;
    r = r * 10 + (c - 0x30);
  }
  return r * 20_000 + k;
}

/**
 * The `<c>` tags of `xml` whose address is one of `oensket`. Most cells are not wanted: where
 * every cell starts `<c r="…"` (as Excel, ExcelJS and LibreOffice write them), each address is
 * compared as a number and only wanted cells become strings; otherwise every tag is parsed.
 * With `streng`, a cell without an address or found twice is not guessed at.
 */
function find(xml: string, oensket: string[], streng = true): Map<string, FundetCelle> {
  const soeg = new Set(oensket);
  const noegler = new Set<number>();
  for (const a of soeg) noegler.add(celleNoegle(a, 0, a.length));
  const fundne = new Map<string, FundetCelle>();
  const tilfoej = (attr: string, start: number, lukket: boolean): void => {
    const a = attributter(attr);
    const r = a.get("r");
    if (r === undefined || !soeg.has(r)) throw new Uforstaaet("celleadresse");
    if (fundne.has(r)) throw new Uforstaaet(`cellen ${r} to gange`);
    fundne.set(r, { a, start, lukket });
  };
  if (!noegler.has(-1)) {
    let hurtigt = true;
    for (let i = xml.indexOf("<c"); i >= 0; i = xml.indexOf("<c", i + 2)) {
      const n = xml.charCodeAt(i + 2);
      if (!(n === 0x20 || n === 0x3e || n === 0x2f || n === 0x09 || n === 0x0a || n === 0x0d)) continue;
      if (n !== 0x20 || !xml.startsWith('r="', i + 3)) {
        hurtigt = false;
        break;
      }
      const q = xml.indexOf('"', i + 6);
      const k = q < 0 ? -1 : celleNoegle(xml, i + 6, q);
      // An address not in the plain form is compared as text, as below.
      if (k >= 0 && !noegler.has(k)) continue;
      if (k < 0 && !soeg.has(xml.slice(i + 6, q < 0 ? i + 6 : q))) continue;
      const gt = xml.indexOf(">", i);
      if (gt < 0) throw new Uforstaaet("ufuldstændigt tag");
      const lukket = xml.charCodeAt(gt - 1) === 0x2f;
      tilfoej(xml.slice(i + 2, lukket ? gt - 1 : gt), gt + 1, lukket);
    }
    if (hurtigt) return fundne;
    fundne.clear();
  }
  for (const t of tags(xml, "c")) {
    const ri = t.attr.indexOf(' r="');
    if (ri < 0) {
      if (streng) throw new Uforstaaet("celle uden adresse");
      continue;
    }
    if (!soeg.has(t.attr.slice(ri + 4, t.attr.indexOf('"', ri + 4)))) continue;
    tilfoej(t.attr, t.start, t.lukket);
  }
  return fundne;
}

/** Merged ranges send every cell to its top-left one, as ExcelJS's merged cells do. */
function flettetHerre(xml: string): (adr: string) => string {
  const omr: Omraade[] = [];
  for (const t of tags(xml, "mergeCell")) {
    const ref = attributter(t.attr).get("ref") ?? "";
    if (!/^[A-Z]{1,3}\d{1,7}:[A-Z]{1,3}\d{1,7}$/.test(ref) || omr.length >= 1000) throw new Uforstaaet("flettet område");
    omr.push(delOmraade(`x!${ref}`)!);
  }
  // ExcelJS refuses overlapping merges; the fallback then gives its answer.
  for (let i = 0; i < omr.length; i++) {
    for (let j = i + 1; j < omr.length; j++) {
      const [p, q] = [omr[i]!, omr[j]!];
      if (p.k1 <= q.k2 && q.k1 <= p.k2 && p.r1 <= q.r2 && q.r1 <= p.r2) throw new Uforstaaet("overlappende fletning");
    }
  }
  if (omr.length === 0) return (a) => a;
  return (a) => {
    const n = celleNoegle(a, 0, a.length);
    const c = n < 0 ? delOmraade(`x!${a}`)! : { k1: n % 20_000, r1: Math.floor(n / 20_000) };
    const o = omr.find((m) => c.k1 >= m.k1 && c.k1 <= m.k2 && c.r1 >= m.r1 && c.r1 <= m.r2);
    return o ? adresse(o.k1, o.r1) : a;
  };
}

/** The text of one shared string: plain `<t>` or rich-text runs joined (as `udpak` joins them). */
function siTekst(si: string): string {
  if (si.includes("_x") || si.includes("<rPh") || si.includes("<phoneticPr")) throw new Uforstaaet("delt tekst");
  const dele: string[] = [];
  const rig = si.includes("<r>") || si.includes("<r ");
  for (const t of tags(si, "t")) dele.push(t.lukket ? "" : dekod(indhold(si, t.start, "t")));
  if (dele.length === 0 || (!rig && dele.length !== 1)) throw new Uforstaaet("delt tekst");
  if (rig && (si.match(/<r[\s>]/g) ?? []).length !== dele.length) throw new Uforstaaet("rig tekst");
  return dele.join("");
}

/** A shared string's index. */
function delt(v: string): number {
  const i = parseInt(v, 10);
  if (!(i >= 0)) throw new Uforstaaet("delt tekst");
  return i;
}

/** A `<c>`'s children: whether it has a formula, and its raw value (undefined = none). */
function celleIndhold(xml: string, t: string | undefined): { formel: boolean; v: string | undefined } {
  let formel = false;
  let v: string | undefined;
  for (let i = xml.indexOf("<"); i >= 0; ) {
    const gt = xml.indexOf(">", i);
    if (gt < 0) throw new Uforstaaet("celle");
    const tag = xml.slice(i + 1, gt);
    const navn = /^[\w:]+/.exec(tag)?.[0];
    const lukket = tag.endsWith("/");
    if (navn === "f") {
      const a = attributter(tag.slice(1));
      const tekst = lukket ? "" : indhold(xml, gt + 1, "f");
      formel = formel || tekst !== "" || a.has("t");
      i = lukket ? xml.indexOf("<", gt) : xml.indexOf("<", xml.indexOf("</f>", gt) + 4);
    } else if (navn === "v" || (navn === "is" && t === "inlineStr")) {
      if (v !== undefined) throw new Uforstaaet("to værdier");
      if (lukket) v = undefined;
      else if (navn === "v") v = dekod(indhold(xml, gt + 1, "v"));
      else {
        const is = indhold(xml, gt + 1, "is");
        const m = /^\s*<t(?:\s[^>]*)?>([^<]*)<\/t>\s*$/.exec(is);
        if (!m || m[1]!.includes("_x")) throw new Uforstaaet("indlejret tekst");
        v = dekod(m[1]!);
      }
      const slut = navn === "v" ? "</v>" : "</is>";
      i = lukket ? xml.indexOf("<", gt) : xml.indexOf("<", xml.indexOf(slut, gt) + slut.length);
    } else throw new Uforstaaet(`<${navn ?? "?"}> i en celle`);
    if (v === "") v = undefined;
  }
  return { formel, v };
}

/** One `<c>`'s value the way ExcelJS's cell-xform parseClose and reconcile make it. */
function celleVaerdi(xml: string, t: string | undefined, s: string | undefined, deltTekst: (i: number) => string, erDato: (s: string | undefined) => boolean): CelleVaerdi {
  const { formel, v } = celleIndhold(xml, t);
  const tal = (x: string): number => {
    if (erDato(s)) throw new Uforstaaet("dato");
    return parseFloat(x);
  };
  const xmlTekst = (x: string): string => {
    // ExcelJS decodes "str" values a second time (utils.xmlDecode); such text goes the slow way.
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    if (/[<>&'"\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/.test(x)) throw new Uforstaaet("str-tekst");
    return x;
  };
  if (formel) {
    if (v === undefined) return null;
    if (t === "str") return xmlTekst(v);
    if (t === "b") return parseInt(v, 10) !== 0;
    if (t === "e") return { error: v };
    // Gnumeric stores a formula's text result as a shared string (ExcelJS reads its index as a
    // number); an empty one is an empty cell, as an empty "str" result is.
    if (t === "s") return deltTekst(delt(v)) || null;
    return tal(v);
  }
  if (v === undefined) return null;
  switch (t) {
    case "s":
      return deltTekst(delt(v));
    case "str":
      return xmlTekst(v);
    case "inlineStr":
      return v;
    case "b":
      return parseInt(v, 10) !== 0;
    case "e":
      return { error: v };
    case undefined:
    case "n":
      return tal(v);
    default:
      throw new Uforstaaet(`celletype ${t}`);
  }
}
