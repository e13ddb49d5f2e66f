import { readFileSync, statSync } from "node:fs";
import ExcelJS from "exceljs";
import { ARKNAVN, CELLER, ENKELTTAKST_NAVNE, FELTER, type FeltNavn, type Fund, KOLONNE_OMRAADER, YDELSE_KOLONNER, YDELSE_RAEKKER, celleFor } from "../takstskema";

/** A file that cannot be read as a takstskema: exit code 2, Danish message. */
export class LaesFejl extends Error {
  override name = "LaesFejl";
}

export interface LaestSkema {
  /** Defined name → raw ExcelJS cell value. */
  vaerdier: Record<string, unknown>;
  /** Findings from reading (TS005: a defined name is missing and the standard cell was used). */
  fund: Fund[];
}

function typeAf(buf: Buffer): "xlsx" | "xls" | "andet" {
  if (buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04) return "xlsx";
  if (buf.length >= 4 && buf[0] === 0xd0 && buf[1] === 0xcf && buf[2] === 0x11 && buf[3] === 0xe0) return "xls";
  return "andet";
}

/** "Takstskema!$D$14" or "'Takst skema'!D14" → sheet and address; ranges of several cells are refused. */
function delRef(ref: string): { ark: string; adresse: string } | undefined {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) return undefined;
  return { ark: (m[1] ?? m[2] ?? "").replace(/''/g, "'"), adresse: `${m[3]}${m[4]}` };
}

/** "Takstskema!$D$41:$D$50" → sheet and the cells of a vertical range (one column); other shapes are refused. */
function delOmraade(ref: string): { ark: string; adresser: string[] } | undefined {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Z]{1,3})\$?(\d+):\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m || m[3] !== m[5]) return undefined;
  const fra = Number(m[4]);
  const til = Number(m[6]);
  if (til < fra || til - fra >= 1000) return undefined;
  return { ark: (m[1] ?? m[2] ?? "").replace(/''/g, "'"), adresser: Array.from({ length: til - fra + 1 }, (_, i) => `${m[3]}${fra + i}`) };
}

/** Names new with the Ydelser table: a workbook in the former single-takst shape lacks them, and its cells there mean something else. */
const NYE_NAVNE = new Set(["TS_Borgerrettet", "TS_Basisgrundlag"]);

/** Read a filled takstskema: values by workbook-level defined names, falling back to the standard cells. */
export async function laesSkema(sti: string): Promise<LaestSkema> {
  let buf: Buffer;
  try {
    if (statSync(sti).isDirectory()) throw new LaesFejl(`${sti} er en mappe, ikke en fil.`);
    buf = readFileSync(sti);
  } catch (e) {
    if (e instanceof LaesFejl) throw e;
    throw new LaesFejl(`Filen ${sti} kan ikke åbnes: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "den findes ikke" : (e as Error).message}.`);
  }
  return laesSkemaBuffer(buf, sti);
}

/** Read a takstskema from the bytes of an .xlsx file; `sti` names it in messages. */
export async function laesSkemaBuffer(buf: Buffer, sti = "Filen"): Promise<LaestSkema> {
  const type = typeAf(buf);
  if (type === "xls") throw new LaesFejl(`${sti} er i det gamle .xls-format. Åbn den i Excel og gem den som Excel-projektmappe (.xlsx).`);
  if (type !== "xlsx") throw new LaesFejl(`${sti} er ikke en Excel-projektmappe (.xlsx). Takstskemaet skal indsendes som .xlsx.`);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    throw new LaesFejl(`${sti} kan ikke læses som .xlsx; filen er beskadiget eller ikke gemt af et regneark (${(e as Error).message}).`);
  }
  const navne = new Map<string, string[]>();
  for (const n of (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model) navne.set(n.name, n.ranges);
  const harNavne = FELTER.some((f) => navne.has(f.navn));
  if (!harNavne && !wb.getWorksheet(ARKNAVN)) {
    throw new LaesFejl(`${sti} er ikke et takstskema: den har hverken navnene TS_… eller et ark med navnet ${ARKNAVN}. Brug standardskabelonen (takstskema skabelon).`);
  }
  const vaerdier: Record<string, unknown> = {};
  const fund: Fund[] = [];
  // A workbook from before the Ydelser table: its single cells are read and become row 1.
  const enkeltTakst = !YDELSE_KOLONNER.some((k) => navne.has(k.navn)) && navne.has("TS_Ydelse");
  if (enkeltTakst) {
    for (const navn of ENKELTTAKST_NAVNE) {
      const ranges = navne.get(navn);
      const ref = ranges && ranges.length === 1 ? delRef(ranges[0]!) : undefined;
      const ws = ref ? wb.getWorksheet(ref.ark) : undefined;
      if (ref && ws) vaerdier[navn] = ws.getCell(ref.adresse).value;
    }
  } else {
    for (const k of YDELSE_KOLONNER) {
      const ranges = navne.get(k.navn);
      const omr = ranges && ranges.length === 1 ? delOmraade(ranges[0]!) : undefined;
      const ws = omr ? wb.getWorksheet(omr.ark) : undefined;
      if (omr && ws) {
        vaerdier[k.navn] = omr.adresser.slice(0, YDELSE_RAEKKER).map((a) => ws.getCell(a).value ?? null);
        continue;
      }
      const standard = delOmraade(KOLONNE_OMRAADER[k.navn])!;
      const std = wb.getWorksheet(standard.ark);
      if (std) vaerdier[k.navn] = standard.adresser.map((a) => std.getCell(a).value ?? null);
      fund.push({
        code: "TS005",
        severity: "warning",
        field: k.navn,
        cell: celleFor(k.navn),
        message: `Navnet ${k.navn} (${k.etiket}) ${ranges ? `peger ikke på en kolonne af ${YDELSE_RAEKKER} celler` : "findes ikke i projektmappen"}; standardcellerne ${celleFor(k.navn)} er læst i stedet.`,
      });
    }
  }
  for (const f of FELTER) {
    const ranges = navne.get(f.navn);
    const ref = ranges && ranges.length === 1 ? delRef(ranges[0]!) : undefined;
    const ws = ref ? wb.getWorksheet(ref.ark) : undefined;
    if (ref && ws) {
      vaerdier[f.navn] = ws.getCell(ref.adresse).value;
      continue;
    }
    if (enkeltTakst && NYE_NAVNE.has(f.navn)) continue;
    const standard = delRef(CELLER[f.navn as FeltNavn])!;
    const std = wb.getWorksheet(standard.ark);
    if (std) vaerdier[f.navn] = std.getCell(standard.adresse).value;
    fund.push({
      code: "TS005",
      severity: "warning",
      field: f.navn,
      cell: celleFor(f.navn),
      message: `Navnet ${f.navn} (${f.etiket}) ${ranges ? "peger ikke på én celle" : "findes ikke i projektmappen"}; standardcellen ${celleFor(f.navn)} er læst i stedet.`,
    });
  }
  return { vaerdier, fund };
}
