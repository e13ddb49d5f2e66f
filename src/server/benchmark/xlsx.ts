import type ExcelJS from "exceljs";
import type { Benchmark } from "../../kontrakt";
import { udenUgyldigeTegn } from "../../takstskema";
import { type ArkKolonne, nyArbejdsbog, rapportArk } from "../xlsxArk";
import { GRUND, POSITION, forklaring, titel } from "../../kontrakt/benchmarkTekster";

/**
 * Number formats that Danish Excel and LibreOffice show as 1.234 kr., 1.234,50 kr., 81,66 % and
 * 113,7: the figures are already rounded by the key figures and the statistics, the cells only
 * format them (a share with 4 decimals is a percent with 2).
 */
const KR = '#,##0 "kr."';
const KR2 = '#,##0.00 "kr."';
const ANDEL = "0.00%";
const INDEKS = "0.0";
const TO = "0.00";

const t = (s: string) => udenUgyldigeTegn(s);
const ark = (wb: ExcelJS.Workbook, navn: string, b: Benchmark, kolonner: readonly ArkKolonne[]) => rapportArk(wb, navn, titel(b), kolonner);

const GRUPPE: readonly ArkKolonne[] = [{ navn: "Lovgrundlag", bredde: 16 }, { navn: "Målgruppekategori", bredde: 22 }, { navn: "Takstenhed", bredde: 12 }];

/**
 * The comparison as a workbook: Grupper (the statistics), Takstniveauer (index, position and key
 * figures of the niveauer the caller may see), Ikke med (left out and why) and Om sammenligningen.
 */
export async function benchmarkXlsx(b: Benchmark): Promise<Buffer> {
  const wb = await nyArbejdsbog();
  wb.creator = "takst-server";

  const g = ark(wb, "Grupper", b, [
    ...GRUPPE, { navn: "Takstniveauer", bredde: 14, format: "0" }, { navn: "Tilbud", bredde: 10, format: "0" },
    { navn: "Mindste takst", bredde: 14, format: KR2 }, { navn: "1. kvartil", bredde: 14, format: KR2 }, { navn: "Median", bredde: 14, format: KR2 },
    { navn: "3. kvartil", bredde: 14, format: KR2 }, { navn: "Største takst", bredde: 14, format: KR2 }, { navn: "Bemærkning", bredde: 60 },
  ]);
  for (const x of b.grupper) {
    const s = x.statistik;
    g.addRow([t(x.lovgrundlag), t(x.maalgruppekategori), t(x.takstenhed), x.antal, x.antalTilbud, s?.min ?? null, s?.kvartil1 ?? null, s?.median ?? null, s?.kvartil3 ?? null, s?.max ?? null, x.besked]);
  }

  const n = ark(wb, "Takstniveauer", b, [
    ...GRUPPE, { navn: "Driftsherre", bredde: 24 }, { navn: "Tilbud", bredde: 28 }, { navn: "Ydelse", bredde: 28 },
    { navn: "Takst", bredde: 12, format: KR }, { navn: "Indeks (median = 100)", bredde: 12, format: INDEKS }, { navn: "Placering", bredde: 18 },
    { navn: "Omkostninger uden regulering", bredde: 16, format: KR2 }, { navn: "Pr. plads", bredde: 14, format: KR }, { navn: "Pr. belægningsdag", bredde: 14, format: KR2 },
    { navn: "Lønandel", bredde: 10, format: ANDEL }, { navn: "Administrationsandel", bredde: 12, format: ANDEL }, { navn: "Overheadandel", bredde: 11, format: ANDEL },
    { navn: "Kapitalandel", bredde: 11, format: ANDEL }, { navn: "Basisandel", bredde: 11, format: ANDEL }, { navn: "Belægning", bredde: 11, format: ANDEL },
    { navn: "Årlig takst pr. helårsborger", bredde: 16, format: KR2 }, { navn: "Normering pr. plads", bredde: 12, format: TO },
  ]);
  for (const x of b.grupper) {
    for (const y of x.niveauer) {
      const k = y.noegletal;
      n.addRow([
        t(x.lovgrundlag), t(x.maalgruppekategori), t(x.takstenhed), t(y.driftsherre), t(y.tilbud), t(y.ydelse),
        y.takst, y.indeks, y.position === null ? null : POSITION[y.position],
        k.omkostninger, k.prPlads, k.prBelaegningsdag, k.loenandel, k.administrationsandel, k.overheadandel,
        k.kapitalandel, k.basisandel, k.belaegning, k.aarligTakstPrHelaarsborger, k.normeringPrPlads,
      ]);
    }
  }

  const u = ark(wb, "Ikke med", b, [{ navn: "Driftsherre", bredde: 24 }, { navn: "Tilbud", bredde: 28 }, { navn: "Ydelse", bredde: 28 }, { navn: "Grund", bredde: 50 }]);
  for (const x of b.udeladt) u.addRow([t(x.driftsherre), t(x.tilbud), t(x.ydelse), GRUND[x.grund]]);

  const om = wb.addWorksheet("Om sammenligningen");
  om.getColumn(1).width = 110;
  om.addRow([titel(b)]).font = { bold: true, size: 14 };
  om.addRow([forklaring(b)]).alignment = { wrapText: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
