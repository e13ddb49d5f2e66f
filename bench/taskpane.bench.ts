import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/**
 * Task pane figures: round trips to Excel (context.sync) for reading the skema (what Valider
 * does), inserting the template and writing the receipt, counted on the office-addin-mock host
 * of tests/taskpane/excelMock.ts; and the gzip size of the built task pane bundle.
 */
export async function run(): Promise<Record<string, unknown>> {
  const { lavExcel } = await import("../tests/taskpane/excelMock");
  const wb = await import("../src/taskpane/excel-workbook");
  const { FELTER, CELLER, KOLONNE_OMRAADER, YDELSE_KOLONNER, skabelonLayout } = await import("../src/takstskema");
  const { laesRegelsaetMappe } = await import("../src/regelsaet/fraMappe");
  const g = globalThis as { Excel?: unknown };

  const navne = [
    ...FELTER.map((f, i) => {
      const [ark, adresse] = CELLER[f.navn].split("!") as [string, string];
      return { navn: f.navn as string, ark, adresse, vaerdi: i as unknown };
    }),
    // The Ydelser table: one name per column over its 10 rows, three ydelser filled.
    ...YDELSE_KOLONNER.map((k, i) => {
      const [ark, adresse] = KOLONNE_OMRAADER[k.navn].split("!") as [string, string];
      return { navn: k.navn as string, ark, adresse, vaerdi: Array.from({ length: 10 }, (_, r) => (r < 3 ? i * 10 + r : "")) as unknown };
    }),
  ];

  let m = lavExcel({ navne, ark: ["Takstskema"] });
  g.Excel = m.excel;
  await wb.laesSkema();
  const validate = m.optaget.syncs;

  const layout = skabelonLayout(laesRegelsaetMappe().hent("SYD-2018"));
  m = lavExcel({ navne, ark: ["Takstskema"] });
  g.Excel = m.excel;
  await wb.indsaetSkabelon(layout);
  const insert = m.optaget.syncs;

  m = lavExcel({ navne, ark: ["Takstskema"] });
  g.Excel = m.excel;
  await wb.skrivKvittering("kvittering");
  const receipt = m.optaget.syncs;
  delete g.Excel;

  const dist = join(__dirname, "..", "dist");
  const js = join(dist, "taskpane.js");
  if (!existsSync(js)) throw new Error("dist/taskpane.js findes ikke: kør npm run build først.");
  const gz = (f: string) => gzipSync(readFileSync(f), { level: 9 }).length;
  const css = join(dist, "taskpane.css");

  return {
    excel_syncs_validate: validate,
    excel_syncs_insert: insert,
    excel_syncs_receipt: receipt,
    taskpane: {
      fields_read: navne.length,
      template_cells: layout.celler.length,
      template_names: layout.navne.length,
      template_validations: layout.valideringer.length,
      bundle_bytes: readFileSync(js).length,
      css_gzip_bytes: existsSync(css) ? gz(css) : null,
    },
    taskpane_bundle_gzip_bytes: gz(js),
  };
}
