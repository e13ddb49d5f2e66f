import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { type AppOptions, buildApp } from "../../src/server/app";
import { aabnPglite, type Db } from "../../src/server/db";
import { opretToken } from "../../src/server/tokens";
import { indsendelser, PLAN } from "./saed";

export interface Tjeneste {
  app: FastifyInstance;
  db: Db;
  sekretariat: string;
  /** A municipality's token per driftsherre. */
  kommune: Map<string, string>;
  /** Receipt id per "driftsherre|tilbud|ydelse|takstår|takst" of every accepted submission. */
  kvitteringer: Map<string, string>;
  stop(): Promise<void>;
}

/**
 * The real service on a temporary PGlite data folder (or the database `aabn` opens);
 * `statiskMappe` null = API only.
 */
export async function startTjeneste(statiskMappe: string | null, aabn?: () => Promise<Db>, ekstra: Partial<AppOptions> = {}): Promise<Tjeneste> {
  const dataDir = mkdtempSync(join(tmpdir(), "takst-oversigt-"));
  const db = aabn ? await aabn() : await aabnPglite(join(dataDir, "pglite"));
  const app = await buildApp({ db, statiskMappe, logger: false, lukDb: true, ...ekstra });
  const sekretariat = (await opretToken(db, { rolle: "sekretariat", beskrivelse: "Rammeaftalesekretariatet" })).token;
  const kommune = new Map<string, string>();
  for (const d of new Set(PLAN.map((p) => p.driftsherre))) kommune.set(d, (await opretToken(db, { rolle: "kommune", driftsherre: d })).token);
  return {
    app,
    db,
    sekretariat,
    kommune,
    kvitteringer: new Map(),
    stop: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const noegle = (driftsherre: string, tilbud: string, ydelse: string, aar: number, takst: number) => `${driftsherre}|${tilbud}|${ydelse}|${aar}|${takst}`;

/**
 * Every planned skema through the real POST /api/v1/indberetninger with its municipality's
 * token: the server validates and stores them exactly as in production.
 */
export async function saaTjeneste(t: Tjeneste): Promise<void> {
  for (const s of indsendelser()) {
    const r = await t.app.inject({
      method: "POST",
      url: "/api/v1/indberetninger",
      headers: { authorization: `Bearer ${t.kommune.get(s.planer[0]!.driftsherre)}`, "content-type": "application/json" },
      payload: JSON.stringify(s.skema),
    });
    if (r.statusCode !== 201) throw new Error(`Seed afvist (${r.statusCode}) for ${s.planer[0]!.tilbud} ${s.aar}: ${r.body}`);
    s.planer.forEach((p, i) => t.kvitteringer.set(noegle(p.driftsherre, p.tilbud, p.ydelse, s.aar, s.takster[i]!), (r.json() as { id: string }).id));
  }
}
