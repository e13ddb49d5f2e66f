import "./jestCookie";
import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import { FELT_NAVNE } from "../../src/takstskema";
import { type Db, aabnPglite } from "../../src/server/db";
import { antalIndberetninger } from "../../src/server/indberetninger/sql";
import { apiMiljoe } from "./apiMiljoe";
import { bearer, gyldigtSkema, lavTokens } from "./fixtures";

/**
 * Random and malformed bodies against POST /api/v1/indberetninger: never a 5xx, and nothing is
 * stored unless the answer was 201. 1,150 bodies in all.
 */
describe("fuzz: POST /api/v1/indberetninger", () => {
  let db: Db;
  let app: FastifyInstance;
  let token: string;
  apiMiljoe(aabnPglite, lavTokens, (m) => ({ db, app, t: { odense: token } } = m), undefined, false);

  const send = (payload: string, contentType = "application/json") =>
    app.inject({ method: "POST", url: "/api/v1/indberetninger", headers: { ...bearer(token), "content-type": contentType }, payload });

  async function ingenRaekkerOgIngen5xx(payload: string, contentType?: string): Promise<void> {
    const foer = await antalIndberetninger(db);
    const r = await send(payload, contentType);
    expect(r.statusCode).toBeLessThan(500);
    expect([400, 403, 413, 415, 422]).toContain(r.statusCode);
    expect(await antalIndberetninger(db)).toBe(foer);
  }

  const feltnavn = fc.oneof(fc.constantFrom(...FELT_NAVNE), fc.string({ maxLength: 20 }).map((s) => `TS_${s}`), fc.string({ maxLength: 12 }));
  const skidtVaerdi = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.string({ minLength: 3900, maxLength: 6000 }),
    fc.double(),
    fc.constantFrom("#VALUE!", "#DIV/0!", "1.234", "1,234", "NaN", "Infinity", "-0", "2018-13-45", "", " ", "\u0000", "a\u0000b", "\uD800", "x\uDC00", "💥"),
    fc.array(fc.integer(), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
  );

  it("random JSON at the root (300)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), async (v) => {
        // A random object could in theory be a valid skema; it is not, without TS_Regelsaet etc.
        await ingenRaekkerOgIngen5xx(JSON.stringify(v) ?? "null");
      }),
      { numRuns: 300 },
    );
  });

  it("objects of field names with wrong, nested and huge values (300)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(feltnavn, skidtVaerdi, { minKeys: 1, maxKeys: 25 }), async (o) => {
        await ingenRaekkerOgIngen5xx(JSON.stringify(o));
      }),
      { numRuns: 300 },
    );
  });

  it("raw text, broken JSON and other content types (250)", async () => {
    const indhold = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.constantFrom("{", "{\"TS_Takst\":", "[1,2", "\"\\u12\"", "{\"a\":1}}", "\u00ef\u00bb\u00bf{}", "{'TS_Takst': 1}"),
      fc.jsonValue().map((v) => (JSON.stringify(v) ?? "").slice(0, -1)),
      fc.nat(1000).map((n) => `{"TS_Maalgruppe":"${"x".repeat(300_000 + n)}"}`),
    );
    const type = fc.constantFrom(
      "application/json",
      "application/json; charset=utf-8",
      "text/plain",
      "application/xml",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/octet-stream",
      "application/jsonx",
    );
    await fc.assert(
      fc.asyncProperty(indhold, type, async (p, ct) => {
        await ingenRaekkerOgIngen5xx(p, ct);
      }),
      { numRuns: 250 },
    );
  });

  it("prototype-pollution keys (100)", async () => {
    const ondt = fc.constantFrom(
      '{"__proto__":{"admin":true}}',
      '{"TS_Takst":1,"__proto__":{"polluted":1}}',
      '{"constructor":{"prototype":{"polluted":1}}}',
      '{"TS_Regelsaet":"SYD-2018","constructor":{"prototype":{"x":1}}}',
      '{"TS___proto__":1}',
      '{"TS_Tilbud":{"__proto__":{"x":1}}}',
    );
    await fc.assert(
      fc.asyncProperty(ondt, fc.jsonValue({ maxDepth: 2 }), async (s, ekstra) => {
        await ingenRaekkerOgIngen5xx(s);
        // A computed key makes "__proto__" an own property, so JSON.stringify sends it.
        await ingenRaekkerOgIngen5xx(JSON.stringify({ ...gyldigtSkema(), ["__proto__"]: ekstra }));
      }),
      { numRuns: 100 },
    );
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("a valid skema with one field replaced by a random value (200): stored only on 201", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FELT_NAVNE), skidtVaerdi, fc.integer({ min: 0, max: 1e9 }), async (felt, v, n) => {
        const foer = await antalIndberetninger(db);
        const r = await send(JSON.stringify({ ...gyldigtSkema({ TS_Tilbud: `Fuzz ${n}` }), [felt]: v }));
        expect(r.statusCode).toBeLessThan(500);
        const efter = await antalIndberetninger(db);
        expect(efter - foer).toBe(r.statusCode === 201 ? 1 : 0);
        if (r.statusCode === 201 || r.statusCode === 200) {
          const fuld = await app.inject({ method: "GET", url: `/api/v1/indberetninger/${r.json().id}`, headers: bearer(token) });
          expect(fuld.json().payload).toBeDefined();
          expect(fuld.json().findings).toBeDefined();
        }
      }),
      { numRuns: 200 },
    );
  });
});
