import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { midlertidigMappe } from "../helpers/mappe";
import { MODULSPOR, pakker } from "../helpers/modulspor";

const ROD = join(__dirname, "..", "..");

/** `node bin/takstskema.js …` with the module trace: the packages it loaded. */
function koerMedSpor(mappe: string, args: string[]): { kode: number | null; pakker: Set<string> } {
  const fil = join(mappe, `moduler-${args[0]}.txt`);
  const r = spawnSync(process.execPath, ["--require", MODULSPOR, join(ROD, "bin", "takstskema.js"), ...args], { encoding: "utf8", env: { ...process.env, MODULSPOR_FIL: fil } });
  return { kode: r.status, pakker: pakker(fil) };
}

/** Issue 27, start-up: `takstskema valider` loads neither ExcelJS nor JSZip; only writing a workbook does. */
describe("takstskema loads the workbook writers only for the commands that write", () => {
  const mappe = midlertidigMappe("takstskema-moduler-");

  it("valider of a filled .xlsx reads it without ExcelJS or JSZip", () => {
    const r = koerMedSpor(mappe, ["valider", join(ROD, "examples", "botilbud-syd-2018.xlsx"), "--indsendt", "2017-11-10"]);
    expect(r.kode).toBe(0);
    expect(r.pakker.has("zod")).toBe(true);
    expect(["exceljs", "jszip"].filter((p) => r.pakker.has(p))).toEqual([]);
  });

  it("skabelon loads both, when it writes the workbook", () => {
    const r = koerMedSpor(mappe, ["skabelon", "--regelsaet", "SYD-2018", "--ud", join(mappe, "skema.xlsx")]);
    expect(r.kode).toBe(0);
    expect(["exceljs", "jszip"].filter((p) => r.pakker.has(p))).toEqual(["exceljs", "jszip"]);
  });
});
