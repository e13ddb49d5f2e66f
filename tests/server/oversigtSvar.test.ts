import "./jestCookie";
import { brotliDecompressSync } from "node:zlib";
import type { FastifyInstance } from "fastify";
import { oversigtRaekkeSchema } from "../../src/kontrakt";
import { buildApp } from "../../src/server/app";
import { aabnPglite } from "../../src/server/db";
import { opretToken } from "../../src/server/tokens";
import { AAR } from "../oversigt/saed";
import { saaStor } from "../oversigt/storSaed";

/**
 * GET /api/v1/oversigt is serialized with JSON.stringify and compressed with its own fast
 * setting (web.ts OVERSIGT_KOMPRIMERING; the schema's serializer and brotli 5 were most of the
 * API's time with 10,000 rows). What must hold all the same: a browser's offer gets br (a
 * route's own options replace the plugin's, which left zstd first), the same JSON as
 * uncompressed, and rows with exactly the contract's fields (the schema no longer strips).
 */
describe("the overview's answer as it leaves the service", () => {
  let app: FastifyInstance;
  let token: string;

  beforeAll(async () => {
    const db = await aabnPglite();
    app = await buildApp({ db, statiskMappe: null, logger: false, lukDb: true });
    token = (await opretToken(db, { rolle: "sekretariat" })).token;
    await saaStor(db, 40, (await opretToken(db, { rolle: "kommune", driftsherre: "Kommune 001" })).id);
  });
  afterAll(async () => {
    await app?.close();
  });

  const hent = (kodning: string) => app.inject({ method: "GET", url: `/api/v1/oversigt?takstaar=${AAR}`, headers: { authorization: `Bearer ${token}`, "accept-encoding": kodning } });

  it("answers Chromium's accept-encoding with br, the same JSON as the uncompressed answer", async () => {
    const raa = await hent("identity");
    const br = await hent("gzip, deflate, br, zstd");
    expect(raa.headers["content-encoding"]).toBeUndefined();
    expect(br.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(br.rawPayload).toString("utf8")).toBe(raa.body);
    expect(br.rawPayload.length).toBeLessThan(raa.rawPayload.length / 5);
  });

  it("sends each row with exactly the contract's fields", async () => {
    const svar = (await hent("identity")).json() as { indberetninger: unknown[] };
    expect(svar.indberetninger).toHaveLength(40);
    for (const r of svar.indberetninger) expect(oversigtRaekkeSchema.strict().safeParse(r).error?.issues ?? []).toEqual([]);
  });
});
