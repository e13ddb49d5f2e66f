import { celleFor, CELLER } from "../../src/takstskema";
import { valider } from "./hjaelp";

describe("plausible amounts and takster (issue 26)", () => {
  it("refuses TS_Loen = 1e308 as a wrong value (TS002) naming its cell, instead of takster of 1e304 kr.", () => {
    const r = valider({ TS_Loen: 1e308 });
    const fund = r.findings.filter((f) => f.field === "TS_Loen");
    expect(fund.map((f) => `${f.code} ${f.severity} ${f.cell}`)).toEqual([`TS002 error ${CELLER.TS_Loen}`]);
    expect(fund[0]!.message).toContain("1.000.000.000.000 kr.");
    expect(r.findings.some((f) => f.code === "TS032")).toBe(false);
  });
  it("refuses a negative amount beyond the bound the same way (TS_Regulering may be negative, not -1e15)", () => {
    expect(valider({ TS_Regulering: -1e15 }).findings.filter((f) => f.field === "TS_Regulering").map((f) => f.code)).toEqual(["TS002"]);
  });
  it("is an error (TS032) naming the takst cell when a takst is above 1.000.000 kr. per day", () => {
    // 20 mia. kr. of løn over 24 pladser × 365 × 0,96 = 8.409,6 belægningsdage: about 2,4 mio. kr. per day.
    const r = valider({ TS_Loen: 20_000_000_000 });
    const ts032 = r.findings.filter((f) => f.code === "TS032");
    expect(ts032.map((f) => `${f.severity} ${f.field} ${f.cell}`)).toEqual([`error TS_Ydelser_Takst ${celleFor("TS_Ydelser_Takst", 0)}`]);
    expect(ts032[0]!.message).toMatch(/over 1\.000\.000 kr\./);
  });
  it("leaves a takst of 999.999 kr. per day alone (the limit is above, not at)", () => {
    // 8.409,6 belægningsdage × 999.000 kr. ≈ 8,4 mia. kr.: a takst just under the limit.
    const r = valider({ TS_Loen: 8_000_000_000 });
    expect(r.findings.filter((f) => f.code === "TS032")).toEqual([]);
  });
});
