import { readFileSync, statSync } from "node:fs";
import ExcelJS from "exceljs";
import { ARKNAVN, CELLER, FELTER, type FeltNavn, type Fund, celleFor, normaliserSocFormel } from "../takstskema";

/** A file that cannot be read as a takstskema: exit code 2, Danish message. */
export class LaesFejl extends Error {
  override name = "LaesFejl";
}

export interface LaestSkema {
  /** Defined name → raw ExcelJS cell value. */
  vaerdier: Record<string, unknown>;
  /** Findings from reading (TS005: a defined name is missing and the standard cell was used). */
  fund: Fund[];
  /** Defined name → the cell's formula, SOC calls in one form whatever prefix Excel stored (socFormel.ts). */
  formler: Record<string, string>;
}

/** The formula text of an ExcelJS cell value, normalised; undefined for a plain value. */
export function formelAf(v: unknown): string | undefined {
  if (v === null || typeof v !== "object") return undefined;
  const f = (v as { formula?: unknown }).formula;
  return typeof f === "string" ? normaliserSocFormel(f) : undefined;
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
  const formler: Record<string, string> = {};
  for (const f of FELTER) {
    const ranges = navne.get(f.navn);
    const ref = ranges && ranges.length === 1 ? delRef(ranges[0]!) : undefined;
    const ws = ref ? wb.getWorksheet(ref.ark) : undefined;
    if (ref && ws) {
      vaerdier[f.navn] = ws.getCell(ref.adresse).value;
      const formel = formelAf(vaerdier[f.navn]);
      if (formel !== undefined) formler[f.navn] = formel;
      continue;
    }
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
  return { vaerdier, fund, formler };
}
