import { performance } from "node:perf_hooks";
import { buildApp } from "../src/server/app";
import { aabnPglite } from "../src/server/db";
import { opretToken } from "../src/server/tokens";
import { FELTER } from "../src/takstskema";
import { fjendtligKrop } from "../tests/server/fixtures";

/**
 * Issue 16: the red team's 121 KB body (every number field 4.000 characters of spaces ending in
 * a letter, the e-mail a long run of dots), which cost 0,6 s of server CPU per request before
 * the length caps and linear patterns. Median over 30 requests through app.inject (no network).
 */
export async function run(): Promise<Record<string, unknown>> {
  const db = await aabnPglite();
  const app = await buildApp({ db, statiskMappe: null });
  const { token } = await opretToken(db, { rolle: "kommune", driftsherre: "Odense Kommune" });
  const payload = JSON.stringify(fjendtligKrop(FELTER));
  const send = () => app.inject({ method: "POST", url: "/api/v1/indberetninger", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, payload });
  for (let i = 0; i < 5; i++) await send(); // warm-up
  const tider: number[] = [];
  let status = 0;
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    const r = await send();
    tider.push(performance.now() - t0);
    status = r.statusCode;
  }
  await app.close();
  await db.close();
  tider.sort((a, b) => a - b);
  const median = (tider[14]! + tider[15]!) / 2;
  return {
    hostile_body_ms: Math.round(median * 10) / 10,
    hostile_body: {
      bytes: Buffer.byteLength(payload),
      status,
      runs: 30,
      p90_ms: Math.round(tider[26]! * 10) / 10,
      note: "hostile_body_ms = median server time (app.inject, PGlite in memory) for the 121 KB body of tests/server/fixtures.ts fjendtligKrop; answered 422 with findings naming the caps. The same body against vaerdier.ts before issue 16 (commit e793bce) measured 1174.7 ms median on this machine.",
      before_issue_16_ms: 1174.7, // measured once by hand with the old vaerdier.ts; kept as the comparison
    },
  };
}
