import type ExcelJS from "exceljs";
import type { TakstudviklingRapport } from "../../kontrakt";
import { udenUgyldigeTegn } from "../../takstskema";
import { type ArkKolonne, nyArbejdsbog, rapportArk } from "../xlsxArk";
import { GRUND, forklaring, nyTakstmodelTekst, plTekst, titel } from "./tekster";

/** Percent with two decimals (the report's figures) and kroner: Danish Excel shows −1,18 % and 1.234 kr. */
const PCT2 = "0.00%";
const KR = '#,##0 "kr."';
/** The report's percent figure as the fraction the cell's percent format shows: a format, no rounding. */
const broek = (procent: number | null): number | null => (procent === null ? null : procent / 100);
const t = (s: string) => udenUgyldigeTegn(s);

const ark = (wb: ExcelJS.Workbook, navn: string, r: TakstudviklingRapport, kolonner: readonly ArkKolonne[]) => rapportArk(wb, navn, titel(r), kolonner);

/**
 * The report as a workbook: Driftsherrer (with the region row and the mean without each),
 * Tilbud, Takstniveauer, Ikke med (what was left out and why) and Om rapporten (the PL used).
 */
export async function takstudviklingXlsx(r: TakstudviklingRapport): Promise<Buffer> {
  const wb = await nyArbejdsbog();
  wb.creator = "takst-server";
  const uden = new Map(r.region?.udenHver.map((u) => [u.driftsherre, u.udviklingPct]) ?? []);

  const d = ark(wb, "Driftsherrer", r, [{ navn: "Driftsherre", bredde: 30 }, { navn: "Takstniveauer", bredde: 14, format: "0" }, { navn: "Gennemsnitlig ændring", bredde: 22, format: PCT2 }, { navn: "Regionens gennemsnit uden driftsherren", bredde: 36, format: PCT2 }]);
  for (const x of r.driftsherrer) d.addRow([t(x.driftsherre), x.n, broek(x.udviklingPct), broek(uden.get(x.driftsherre) ?? null)]);
  const region = d.addRow(["Gennemsnit på tværs af driftsherrer", r.region?.n ?? null, broek(r.region?.udviklingPct ?? null), null]);
  region.font = { bold: true };

  const tb = ark(wb, "Tilbud", r, [{ navn: "Driftsherre", bredde: 30 }, { navn: "Tilbud", bredde: 30 }, { navn: "Takstniveauer", bredde: 14, format: "0" }, { navn: "Gennemsnitlig ændring", bredde: 22, format: PCT2 }, { navn: "Ny takstmodel", bredde: 14 }]);
  for (const x of r.tilbud) tb.addRow([t(x.driftsherre), t(x.tilbud), x.n, broek(x.udviklingPct), x.nyTakstmodel ? "Ja" : "Nej"]);

  const n = ark(wb, "Takstniveauer", r, [{ navn: "Driftsherre", bredde: 30 }, { navn: "Tilbud", bredde: 30 }, { navn: "Ydelse", bredde: 30 }, { navn: `Takst ${r.fra}`, bredde: 14, format: KR }, { navn: `Takst ${r.til}`, bredde: 14, format: KR }, { navn: "Ændring (reel)", bredde: 16, format: PCT2 }]);
  for (const x of r.niveauer) n.addRow([t(x.driftsherre), t(x.tilbud), t(x.ydelse), x.takstFra, x.takstTil, broek(x.udviklingPct)]);

  const u = ark(wb, "Ikke med", r, [{ navn: "Driftsherre", bredde: 30 }, { navn: "Tilbud", bredde: 30 }, { navn: "Ydelse", bredde: 30 }, { navn: "Grund", bredde: 34 }]);
  for (const x of r.udeladt) u.addRow([t(x.driftsherre), t(x.tilbud), t(x.ydelse), GRUND[x.grund]]);
  for (const x of r.nyTakstmodel) u.addRow([t(x.driftsherre), t(x.tilbud), null, t(nyTakstmodelTekst(x))]);

  const om = wb.addWorksheet("Om rapporten");
  om.getColumn(1).width = 110;
  om.addRow([titel(r)]).font = { bold: true, size: 14 };
  om.addRow([forklaring(r)]).alignment = { wrapText: true };
  om.addRow(["PL-regulering:"]).font = { bold: true };
  for (const p of r.pl) om.addRow([t(plTekst(p))]);
  if (r.plFaktor !== null) om.addRow([`Samlet PL-faktor: ${r.plFaktor.toLocaleString("da-DK", { maximumFractionDigits: 6 })}`]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
