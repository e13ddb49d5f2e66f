import { join } from "node:path";
import { midlertidigMappe } from "../helpers/mappe";
import { MODULSPOR, pakker } from "../helpers/modulspor";
import { startServer } from "./barn";
import { ledigPort } from "./pgCluster";
import { opretTokenCli } from "./sikkerhedskopiRundtur";

/**
 * Issue 27, start-up: modules only an export, mail, personal login or PostgreSQL needs are loaded
 * when first used, not when `takst-server start` starts (ExcelJS alone was 0.55 s of it).
 */
describe("takst-server start loads export-only modules lazily", () => {
  const data = midlertidigMappe("takst-moduler-");

  it("answers /api/v1/health without ExcelJS, JSZip, nodemailer, openid-client or pg loaded, and loads ExcelJS at the first .xlsx export", async () => {
    const spor = join(data, "moduler.txt");
    const env = { NODE_OPTIONS: `--require "${MODULSPOR}"`, MODULSPOR_FIL: spor, SMTP_URL: "", OIDC_ISSUER: "" };
    const s = await startServer({ port: await ledigPort(), data, env });
    await s.stop();
    const vedStart = pakker(spor);
    // The list is the server's own (not empty): Fastify is there.
    expect(vedStart.has("fastify")).toBe(true);
    expect(["exceljs", "jszip", "nodemailer", "openid-client", "pg"].filter((p) => vedStart.has(p))).toEqual([]);

    const igen = await startServer({ port: await ledigPort(), data, env });
    try {
      const token = await opretTokenCli(["--rolle", "sekretariat"], ["--data", data]);
      const r = await fetch(`${igen.base}/api/v1/eksport/takster.xlsx`, { headers: { authorization: `Bearer ${token}` } });
      expect(r.status).toBe(200);
      // An .xlsx is a zip: "PK".
      expect(Buffer.from(await r.arrayBuffer()).subarray(0, 2).toString()).toBe("PK");
    } finally {
      await igen.stop();
    }
    expect(pakker(spor).has("exceljs")).toBe(true);
  }, 400_000);
});
