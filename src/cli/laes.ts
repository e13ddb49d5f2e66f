import { readFileSync, statSync } from "node:fs";
import { ARKNAVN, ENKELTTAKST_NAVNE, FELTER, type FeltDefinition, type Fund, type KolonneDefinition, YDELSE_KOLONNER, YDELSE_RAEKKER, celleFor, normaliserSocFormel, skemaDele } from "../takstskema";
import { ForStorFejl, GRAENSER, tjekIndhold, tjekKatalog } from "./graenser";
import { hurtigMappe } from "./hurtig";
import { type CelleVaerdi, type Omraade, type Projektmappe, adresse, delOmraade, normaliser } from "./projektmappe";
import { ZipArkiv, ZipFejl } from "./zip";

/** A file that cannot be read as a takstskema: exit code 2, Danish message. */
export class LaesFejl extends Error {
  override name = "LaesFejl";
}

export interface LaestSkema {
  /**
   * Defined name → cell value (`null` when empty). Every field of FELTER, plus each other
   * TS_ name that is one vertical range (a table column such as TS_Ydelser_Pladser) as an
   * array of its cells' values, top to bottom.
   */
  vaerdier: Record<string, CelleVaerdi | CelleVaerdi[]>;
  /** Findings from reading (TS005: the standard cell was used; TS002: a text too long to read). */
  fund: Fund[];
  /** Which reader gave the values: the fast one, or ExcelJS for what it does not handle. */
  laeser: "hurtig" | "exceljs";
  /** Defined name → the cell's formula, SOC calls in one form whatever prefix Excel stored (socFormel.ts). */
  formler: Record<string, string>;
}

/** The formula text of an ExcelJS cell value; undefined for a plain value. */
export function formelAf(v: unknown): string | undefined {
  if (v === null || typeof v !== "object") return undefined;
  const f = (v as { formula?: unknown }).formula;
  return typeof f === "string" ? f : undefined;
}

/** Longest vertical range read as a table column. */
const MAKS_KOLONNE = 1_000;

function typeAf(buf: Buffer): "xlsx" | "xls" | "andet" {
  if (buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04) return "xlsx";
  if (buf.length >= 4 && buf[0] === 0xd0 && buf[1] === 0xcf && buf[2] === 0x11 && buf[3] === 0xe0) return "xls";
  return "andet";
}

/** Names new with the Ydelser table: a workbook in the former single-takst shape lacks them, and its cells there mean something else. */
const NYE_NAVNE = new Set(["TS_Borgerrettet", "TS_Basisgrundlag"]);

/** Read a filled takstskema: values by workbook-level defined names, falling back to the standard cells. */
export async function laesSkema(sti: string): Promise<LaestSkema> {
  let buf: Buffer;
  try {
    const st = statSync(sti);
    if (st.isDirectory()) throw new LaesFejl(`${sti} er en mappe, ikke en fil.`);
    // Refused before it is read into memory.
    if (st.size > GRAENSER.filBytes) throw new LaesFejl(forStor(sti, `den fylder ${Math.round(st.size / 1024 / 1024)} MB (højst ${GRAENSER.filBytes / 1024 / 1024} MB)`));
    buf = readFileSync(sti);
  } catch (e) {
    if (e instanceof LaesFejl) throw e;
    throw new LaesFejl(`Filen ${sti} kan ikke åbnes: ${filfejl(e as NodeJS.ErrnoException)}.`);
  }
  // TAKSTSKEMA_LAESER=exceljs runs the old path alone: the reference of bench/takstskema.bench.ts.
  return laesSkemaBuffer(buf, sti, process.env.TAKSTSKEMA_LAESER === "exceljs" ? { laeser: "exceljs" } : {});
}

/** The operating system's reason in Danish (never the raw ENOENT text). */
export function filfejl(e: NodeJS.ErrnoException): string {
  switch (e.code) {
    case "ENOENT":
      return "den findes ikke";
    case "EACCES":
    case "EPERM":
      return "der er ikke adgang til den";
    case "EISDIR":
      return "det er en mappe";
    case "EMFILE":
    case "ENFILE":
      return "for mange åbne filer";
    default:
      return `styresystemet svarede ${e.code ?? "med en ukendt fejl"}`;
  }
}

function forStor(sti: string, grund: string): string {
  return `${sti} er for stor til at blive læst sikkert: ${grund}. Et takstskema fylder normalt under 100 KB; gem skemaet alene i en ny projektmappe.`;
}

function beskadiget(sti: string, grund: string): string {
  return `${sti} kan ikke læses som .xlsx; filen er beskadiget eller ikke gemt af et regneark (${grund}).`;
}

/**
 * Read a takstskema from the bytes of an .xlsx file; `sti` names it in messages. The zip
 * directory's sizes are checked first; then the fast reader reads the named cells, and only
 * what it does not handle goes to ExcelJS, after every part is checked to inflate within its
 * declared size and the sheets' cells (merged ranges included) are counted.
 */
export async function laesSkemaBuffer(buf: Buffer, sti = "Filen", valg: { laeser?: "hurtig" | "exceljs" } = {}): Promise<LaestSkema> {
  const type = typeAf(buf);
  if (type === "xls") throw new LaesFejl(`${sti} er i det gamle .xls-format. Åbn den i Excel og gem den som Excel-projektmappe (.xlsx).`);
  if (type !== "xlsx") throw new LaesFejl(`${sti} er ikke en Excel-projektmappe (.xlsx). Takstskemaet skal indsendes som .xlsx.`);
  try {
    if (buf.length > GRAENSER.filBytes) throw new ForStorFejl(`den fylder ${Math.round(buf.length / 1024 / 1024)} MB`);
    const zip = new ZipArkiv(buf);
    tjekKatalog(zip.dele);
    // Both readers accept and refuse the same files: the cell count is checked for either.
    tjekIndhold(zip, false);
    if (valg.laeser !== "exceljs") {
      try {
        return { ...byg(hurtigMappe(zip), sti), laeser: "hurtig" };
      } catch (e) {
        // A refusal stands (ExcelJS would trust a lying part); anything else the fast reader
        // meets, including a bug of its own, goes the ExcelJS way rather than losing the file.
        if (e instanceof LaesFejl || e instanceof ZipFejl || e instanceof ForStorFejl) throw e;
        if (valg.laeser === "hurtig") throw e;
      }
    }
    tjekIndhold(zip, true);
    return { ...byg(await exceljsMappe(buf, sti), sti), laeser: "exceljs" };
  } catch (e) {
    if (e instanceof ForStorFejl) throw new LaesFejl(forStor(sti, e.message));
    if (e instanceof ZipFejl) throw new LaesFejl(beskadiget(sti, e.message));
    throw e;
  }
}

/** A workbook through ExcelJS, for what the fast reader does not handle (also the tilsynsskema's fallback, tilsyn.ts). */
export async function exceljsMappe(buf: Buffer, sti: string): Promise<Projektmappe> {
  // Loaded only for the files the fast reader leaves alone (it is a large part of the CLI's start).
  const { Workbook } = (await import("exceljs")).default;
  const wb = new Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    throw new LaesFejl(beskadiget(sti, `ExcelJS: ${(e as Error).message}`));
  }
  const navne = new Map<string, (Omraade | null)[]>();
  for (const n of (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model) navne.set(n.name, n.ranges.map(delOmraade));
  return {
    navne,
    harArk: (ark) => wb.getWorksheet(ark) !== undefined,
    celler: (ark, adresser) => {
      const ws = wb.getWorksheet(ark)!;
      return adresser.map((a) => {
        const c = ws.getCell(a);
        // ExcelJS's formula value drops a cached result of 0 (it copies only truthy fields);
        // the cell's own `result` keeps it, as the fast reader does.
        const v = c.value;
        return normaliser(v !== null && typeof v === "object" && "formula" in v && !("result" in v) && c.result !== undefined ? { ...v, result: c.result } : v);
      });
    },
    formler: (ark, adresser) => {
      const ws = wb.getWorksheet(ark)!;
      return adresser.map((a) => formelAf(ws.getCell(a).value));
    },
  };
}

/** The cells of a rectangle, top to bottom. */
function cellerI(o: Omraade): string[] {
  const ud: string[] = [];
  for (let r = o.r1; r <= o.r2; r++) for (let k = o.k1; k <= o.k2; k++) ud.push(adresse(k, r));
  return ud;
}

/** Which cells to read, on which sheet, and where each value goes. */
interface Plan {
  navn: string;
  ark: string;
  adresser: string[];
  liste: boolean;
}

/** The named cell of a field, when the name points at exactly one cell on a sheet that exists. */
function enCelle(m: Projektmappe, navn: string) {
  const omr = m.navne.get(navn);
  const en = omr && omr.length === 1 && omr[0] && omr[0].k1 === omr[0].k2 && omr[0].r1 === omr[0].r2 ? omr[0] : undefined;
  return en && m.harArk(en.ark) ? en : undefined;
}

/** The Ydelser table's columns (or, in a workbook from before it, its single cells as row 1). */
function planYdelser(m: Projektmappe, plan: Plan[], felter: Set<string>, fund: Fund[], kolonner: readonly KolonneDefinition[]): boolean {
  // A workbook from before the Ydelser table: its single cells are read and become row 1.
  const enkeltTakst = !YDELSE_KOLONNER.some((k) => m.navne.has(k.navn)) && m.navne.has("TS_Ydelse");
  if (enkeltTakst) {
    for (const navn of ENKELTTAKST_NAVNE) {
      felter.add(navn);
      const en = enCelle(m, navn);
      if (en) plan.push({ navn, ark: en.ark, adresser: [adresse(en.k1, en.r1)], liste: false });
    }
  } else {
    for (const k of kolonner) {
      felter.add(k.navn);
      const omr = m.navne.get(k.navn);
      const o = omr && omr.length === 1 ? omr[0] : undefined;
      if (o && o.k1 === o.k2 && o.r2 > o.r1 && m.harArk(o.ark)) {
        plan.push({ navn: k.navn, ark: o.ark, adresser: cellerI(o).slice(0, YDELSE_RAEKKER), liste: true });
        continue;
      }
      const std = delOmraade(celleFor(k.navn))!;
      if (m.harArk(std.ark)) plan.push({ navn: k.navn, ark: std.ark, adresser: cellerI(std), liste: true });
      fund.push({
        code: "TS005",
        severity: "warning",
        field: k.navn,
        cell: celleFor(k.navn),
        message: `Navnet ${k.navn} (${k.etiket}) ${omr ? `peger ikke på en kolonne af ${YDELSE_RAEKKER} celler` : "findes ikke i projektmappen"}; standardcellerne ${celleFor(k.navn)} er læst i stedet.`,
      });
    }
  }
  return enkeltTakst;
}

/** The single-cell fields, by name or else at the template's standard cell (TS005). */
function planFelter(m: Projektmappe, plan: Plan[], felter: Set<string>, fund: Fund[], enkeltTakst: boolean, felterne: readonly FeltDefinition[]): void {
  for (const f of felterne) {
    felter.add(f.navn);
    const omr = m.navne.get(f.navn);
    const en = enCelle(m, f.navn);
    if (en) {
      plan.push({ navn: f.navn, ark: en.ark, adresser: [adresse(en.k1, en.r1)], liste: false });
      continue;
    }
    if (enkeltTakst && NYE_NAVNE.has(f.navn)) continue;
    if (!omr && f.senere) continue;
    const std = delOmraade(celleFor(f.navn))!;
    if (m.harArk(std.ark)) plan.push({ navn: f.navn, ark: std.ark, adresser: [adresse(std.k1, std.r1)], liste: false });
    fund.push({
      code: "TS005",
      severity: "warning",
      field: f.navn,
      cell: celleFor(f.navn),
      message: `Navnet ${f.navn} (${f.etiket}) ${omr ? "peger ikke på én celle" : "findes ikke i projektmappen"}; standardcellen ${celleFor(f.navn)} er læst i stedet.`,
    });
  }
}

/** Other TS_ names that point at a column: read as lists (the validator says what they are). */
function planOevrige(m: Projektmappe, plan: Plan[], felter: Set<string>): void {
  for (const [navn, omr] of m.navne) {
    const o = omr.length === 1 ? omr[0] : undefined;
    if (felter.has(navn) || !navn.startsWith("TS_") || !o || o.k1 !== o.k2 || o.r1 === o.r2 || o.r2 - o.r1 >= MAKS_KOLONNE || !m.harArk(o.ark)) continue;
    plan.push({ navn, ark: o.ark, adresser: cellerI(o), liste: true });
  }

}

/** The planned cells' values, text capped before any pattern sees it. */
function laesVaerdier(plan: Plan[], laest: Map<string, CelleVaerdi>, fund: Fund[]): Record<string, CelleVaerdi | CelleVaerdi[]> {
  const vaerdier: Record<string, CelleVaerdi | CelleVaerdi[]> = {};
  for (const p of plan) {
    const vs = p.adresser.map((a) => {
      const v = laest.get(`${p.ark}!${a}`) ?? null;
      // Capped before any pattern sees it (the service's limit): a TS002 here, not seconds of regex.
      if (typeof v === "string" && v.length > GRAENSER.tekstTegn) {
        fund.push({
          code: "TS002",
          severity: "error",
          field: p.navn,
          cell: `${p.ark}!${a}`,
          message: `Teksten i cellen er ${v.length.toLocaleString("da-DK")} tegn lang; højst ${GRAENSER.tekstTegn.toLocaleString("da-DK")} tegn læses.`,
        });
        return null;
      }
      return v;
    });
    vaerdier[p.navn] = p.liste ? vs : vs[0]!;
  }

  return vaerdier;
}

function laesFormler(m: Projektmappe, plan: Plan[], perArk: Map<string, string[]>): Record<string, string> {
  // The formulas of single-cell fields, SOC calls normalised (Excel may store _xldudf_, [1]!, …).
  const formler: Record<string, string> = {};
  for (const [ark, adresser] of perArk) {
    const unikke = [...new Set(adresser)];
    const fs = m.formler(ark, unikke);
    const plads = new Map(unikke.map((a, i) => [a, i]));
    for (const p of plan) {
      if (p.liste || p.ark !== ark) continue;
      const f = fs[plads.get(p.adresser[0]!)!];
      if (f !== undefined) formler[p.navn] = normaliserSocFormel(f);
    }
  }
  return formler;
}

/** From a workbook (either reader) to the takstskema's values and reading findings. */
function byg(m: Projektmappe, sti: string): Omit<LaestSkema, "laeser"> {
  const harNavne = FELTER.some((f) => m.navne.has(f.navn));
  if (!harNavne && !m.harArk(ARKNAVN)) {
    throw new LaesFejl(`${sti} er ikke et takstskema: den har hverken navnene TS_… eller et ark med navnet ${ARKNAVN}. Brug standardskabelonen (takstskema skabelon).`);
  }
  const fund: Fund[] = [];
  const plan: Plan[] = [];
  const felter = new Set<string>();
  // A regnskabsskema (its TS_Skematype name) is read with its own fields and columns.
  const dele = skemaDele(m.navne.has("TS_Skematype") ? "regnskab" : "budget");
  const enkeltTakst = planYdelser(m, plan, felter, fund, dele.kolonner);
  planFelter(m, plan, felter, fund, enkeltTakst, dele.felter);
  planOevrige(m, plan, felter);

  const perArk = new Map<string, string[]>();
  for (const p of plan) {
    const adresser = perArk.get(p.ark);
    if (adresser) adresser.push(...p.adresser);
    else perArk.set(p.ark, [...p.adresser]);
  }
  const laest = new Map<string, CelleVaerdi>();
  for (const [ark, adresser] of perArk) {
    const unikke = [...new Set(adresser)];
    m.celler(ark, unikke).forEach((v, i) => laest.set(`${ark}!${unikke[i]}`, v));
  }
  return { vaerdier: laesVaerdier(plan, laest, fund), fund, formler: laesFormler(m, plan, perArk) };
}
