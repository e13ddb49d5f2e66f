import "./jestCookie";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../src/server/db";
import { syd2027 } from "../helpers/regelsaet";
import { apiMiljoe } from "./apiMiljoe";
import { type Tokens, bearer, gyldigtSkema, lavTokens } from "./fixtures";

/**
 * One PL per year through the service (issue 21, acceptance 2): the overview API, the public
 * takstoversigt (JSON, CSV, .xlsx) and the export (CSV, .xlsx) use the plSats of the ruleset
 * each submission was validated against, found by its stored id and version (a later version
 * does not change it), else the skema's TS_PLPct, else show no takstudvikling at all.
 *
 * gyldigtSkema: takst 1.682 kr., no TS_PLPct. With last year's takst stated as 1.600:
 * nominal 1.682 / 1.600 − 1 = +5,1 % (must never be shown as real); with plSats 3,9 %:
 * 1.682 / (1.600 × 1,039) = 1.682 / 1.662,4 − 1 = +1,179 % → 1,2 %.
 */
export function plSatsSuite(aabn: () => Promise<Db>): void {
  let app: FastifyInstance;
  let t: Tokens;
  apiMiljoe(aabn, lavTokens, (m) => ({ app, t } = m));

  const post = (url: string, body: unknown, token: string) =>
    app.inject({ method: "POST", url, headers: { "content-type": "application/json", ...bearer(token) }, payload: JSON.stringify(body) });
  const get = (url: string, token?: string) => app.inject({ method: "GET", url, headers: token ? bearer(token) : {} });

  /** The takstudvikling each surface shows for the year's one submission (null: none shown). */
  async function overalt(takstaar: number): Promise<Record<string, number | string | null>> {
    const oversigt = (await get(`/api/v1/oversigt?takstaar=${takstaar}`, t.sekretariat)).json().indberetninger[0];
    const detalje = (await get(`/api/v1/oversigt/indberetninger/${oversigt.id}`, t.sekretariat)).json();
    expect((await post("/api/v1/offentliggoerelse", { takstaar, bekraeft: true }, t.sekretariat)).statusCode).toBe(201);
    const takstoversigt = (await get(`/api/v1/takstoversigt?takstaar=${takstaar}`)).json().takster[0];
    const csv = (await get(`/api/v1/takstoversigt.csv?takstaar=${takstaar}`)).body.split("\r\n")[1]!.split(";");
    const xlsx = new ExcelJS.Workbook();
    await xlsx.xlsx.load((await get(`/api/v1/takstoversigt.xlsx?takstaar=${takstaar}`)).rawPayload as unknown as ArrayBuffer);
    const eksportCsv = (await get(`/api/v1/eksport/takster.csv?takstaar=${takstaar}`, t.sekretariat)).body.split("\r\n")[1]!.split(";");
    const eksportXlsx = new ExcelJS.Workbook();
    await eksportXlsx.xlsx.load((await get(`/api/v1/eksport/takster.xlsx?takstaar=${takstaar}`, t.sekretariat)).rawPayload as unknown as ArrayBuffer);
    return {
      oversigt: oversigt.takstudvikling,
      oversigtPl: oversigt.plPct,
      detaljePl: detalje.plPct,
      takstoversigt: takstoversigt.takstudvikling,
      takstoversigtCsv: csv[12]!,
      takstoversigtXlsx: xlsx.worksheets[0]!.getCell("M3").value as number | null,
      eksportCsv: eksportCsv[8]!,
      eksportCsvPl: eksportCsv[7]!,
      eksportXlsx: eksportXlsx.worksheets[0]!.getCell("I2").value as number | null,
    };
  }

  it("blank PL under a ruleset without plSats: no takstudvikling on any surface, TS050 and TS051 skipped", async () => {
    const r = await post("/api/v1/indberetninger", gyldigtSkema({ TS_SidsteAarsTakst: 1600 }), t.odense);
    expect(r.statusCode).toBe(201);
    expect(r.json().findings.map((f: { code: string }) => f.code)).not.toContain("TS050");
    const sprunget = (await get(`/api/v1/indberetninger/${r.json().id}`, t.odense)).json().sprunget as { code: string; message: string }[];
    expect(sprunget.filter((s) => s.message.includes("PL mangler")).map((s) => s.code)).toEqual(["TS050", "TS051"]);
    expect(await overalt(2018)).toEqual({
      oversigt: null, oversigtPl: null, detaljePl: null, takstoversigt: null, takstoversigtCsv: "", takstoversigtXlsx: null, eksportCsv: "", eksportCsvPl: "", eksportXlsx: null,
    });
  });

  it("the plSats of the ruleset version validated against, on every surface, though a later version has none", async () => {
    const v1 = syd2027();
    v1.parametre = { ...(v1.parametre as object), plSats: { vaerdi: 0.039, kilde: "Økonomiaftalen (testdata)", serie: "samlet" } };
    expect((await post("/api/v1/regelsaet", v1, t.sekretariat)).statusCode).toBe(201);
    const r = await post("/api/v1/indberetninger", gyldigtSkema({ TS_Regelsaet: "SYD-2027", TS_Takstaar: 2027, TS_SidsteAarsTakst: 1600 }), t.odense);
    expect(r.statusCode).toBe(201);
    // Version 2 drops plSats: the stored submission keeps version 1's PL (read from the database).
    // Dropping a parameter needs the explicit confirmation (issue 26).
    expect((await post("/api/v1/regelsaet", { ...syd2027({ version: 2 }), fjern: true }, t.sekretariat)).statusCode).toBe(201);
    expect(await overalt(2027)).toEqual({
      oversigt: 0.012, oversigtPl: 0.039, detaljePl: 0.039, takstoversigt: 0.012, takstoversigtCsv: "1,2", takstoversigtXlsx: 0.012, eksportCsv: "1,2", eksportCsvPl: "3,9", eksportXlsx: 0.012,
    });
  });
}
