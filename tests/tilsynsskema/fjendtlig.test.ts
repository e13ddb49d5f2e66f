import { join } from "node:path";
import { laesRegelsaetMappe, REGELSAET_MAPPE } from "../../src/regelsaet/fraMappe";
import { stCelle, validerTilsynsskema } from "../../src/tilsynsskema";
import { SYD_2018 } from "./saed";

// Bad input never crashes: every value a cell or a JSON body can hold, in every ST_ field,
// gives findings that name a cell on the sheet, never an exception.
const REGISTER = laesRegelsaetMappe(join(REGELSAET_MAPPE, "tilsyn"));
const VAERDIER: unknown[] = [null, "", "abc", "1.150.000 kr.", -1, 0, 0.5, 1e300, -1e300, true, { error: "#VALUE!" }, [1, 2], ["x"], new Date(0), "=1+1"];

describe("validerTilsynsskema on hostile values", () => {
  it.each(Object.keys(SYD_2018))("%s: any value gives findings with cells, never an exception", (navn) => {
    for (const v of VAERDIER) {
      const res = validerTilsynsskema({ ...SYD_2018, [navn]: v }, REGISTER);
      for (const f of res.findings) expect(f.cell).not.toContain("?");
      expect(typeof res.ok).toBe("boolean");
    }
  });
  it("særlige indtægter larger than the tilbud area are a Danish finding on that field", () => {
    const res = validerTilsynsskema({ ...SYD_2018, ST_SkoennedeSaerligeIndtaegter: 30_000_000 }, REGISTER);
    expect(res.findings).toEqual([expect.objectContaining({ code: "TS002", cell: stCelle("ST_SkoennedeSaerligeIndtaegter"), message: expect.stringContaining("større end tilbudsområdets behov") })]);
  });
  it("no plejefamilier at all is a Danish finding on ST_Plejefamilier", () => {
    const res = validerTilsynsskema({ ...SYD_2018, ST_Plejefamilier: 0 }, REGISTER);
    expect(res.findings).toEqual([expect.objectContaining({ field: "ST_Plejefamilier", message: "Plejefamilier og nygodkendelser skal være større end 0." })]);
  });
});
