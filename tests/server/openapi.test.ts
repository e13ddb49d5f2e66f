import "./jestCookie";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { aabnPglite } from "../../src/server/db";
import { OPENAPI_STI } from "../../src/server/kontrakt";
import { apiMiljoe } from "./apiMiljoe";

/**
 * The validator (@seriousme/openapi-schema-validator) is an ES module, which Jest's module system
 * cannot load here: it runs in a plain Node child on the description given on stdin.
 */
function valider(doc: unknown): { valid: boolean; errors?: unknown } {
  const program = `const { Validator } = require("@seriousme/openapi-schema-validator");
let ind = ""; process.stdin.on("data", (d) => (ind += d)).on("end", async () => {
  const r = await new Validator().validate(JSON.parse(ind));
  process.stdout.write(JSON.stringify({ valid: r.valid, errors: r.errors }));
});`;
  const r = spawnSync(process.execPath, ["-e", program], { input: JSON.stringify(doc), encoding: "utf8", cwd: join(__dirname, "..", "..") });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

/** Fastify's /a/:id as OpenAPI writes it: /a/{id}. */
const somOpenapi = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, "{$1}");

describe("the OpenAPI description at /api/v1/openapi.json", () => {
  let app: FastifyInstance;
  apiMiljoe(aabnPglite, async () => null, (m) => ({ app } = m), undefined, false);

  async function beskrivelse(): Promise<{ openapi: string; paths: Record<string, Record<string, { security?: unknown; responses?: Record<string, unknown> }>> }> {
    const r = await app.inject({ url: OPENAPI_STI });
    expect(r.statusCode).toBe(200);
    return r.json();
  }

  it("is valid OpenAPI 3.1", async () => {
    const doc = await beskrivelse();
    expect(doc.openapi).toBe("3.1.0");
    expect(valider(doc)).toEqual({ valid: true });
  });

  it("names every route the service registered, with its method", async () => {
    const doc = await beskrivelse();
    const ruter = alleRuter(app);
    // The parse itself: it must find the routes of every concern, nested ones included.
    expect(ruter.get("/api/v1/indberetninger/:id/status")).toEqual(["POST"]);
    expect(ruter.size).toBeGreaterThan(15);
    const mangler: string[] = [];
    for (const [url, metoder] of ruter) {
      // HEAD is Fastify's own twin of GET; OPTIONS * is CORS's preflight.
      for (const m of metoder) if (m !== "HEAD" && m !== "OPTIONS" && !doc.paths[somOpenapi(url)]?.[m.toLowerCase()]) mangler.push(`${m} ${url}`);
    }
    expect(mangler).toEqual([]);
  });

  it("says which routes need a token, and describes the receipt and the refusal of a submission", async () => {
    const doc = await beskrivelse();
    const post = doc.paths["/api/v1/indberetninger"]!.post!;
    expect(post.security).toEqual([{ token: [] }]);
    expect(Object.keys(post.responses!).sort()).toEqual(["200", "201", "400", "401", "403", "413", "415", "422", "503"]);
    expect(doc.paths["/api/v1/health"]!.get!.security).toBeUndefined();
  });

  it("describes the bodies and query strings the handlers parse themselves", async () => {
    const doc = (await beskrivelse()) as unknown as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties?: object } }> }; parameters?: { name: string; in: string }[] }>> };
    const krop = (sti: string, metode: string) => doc.paths[sti]![metode]!.requestBody?.content["application/json"]?.schema;
    expect(Object.keys(krop("/api/v1/indberetninger/{id}/status", "post")?.properties ?? {}).sort()).toEqual(["bemaerkning", "status"]);
    expect(Object.keys(krop("/api/v1/offentliggoerelse", "post")?.properties ?? {})).toEqual(["takstaar", "bekraeft"]);
    expect(krop("/api/v1/indberetninger", "post")).toBeDefined();
    expect(doc.paths["/api/v1/takstoversigt.csv"]!.get!.parameters).toEqual([
      expect.objectContaining({ name: "takstaar", in: "query" }), expect.objectContaining({ name: "dato", in: "query", required: false }),
    ]);
  });

  it("describes a municipality's own objektiv finansiering (issue 23): the answer the pane and the overview page parse, and its query", async () => {
    type Skema = { properties: Record<string, { items?: Skema }>; required: string[] };
    const doc = (await beskrivelse()) as unknown as { paths: Record<string, Record<string, { parameters?: { name: string; in: string; required?: boolean }[]; responses: Record<string, { content: Record<string, { schema: Skema }> }> }>> };
    const mine = doc.paths["/api/v1/tilsyn/mine"]!.get!;
    const svar = mine.responses["200"]?.content?.["application/json"]?.schema;
    expect(svar?.required).toEqual(["budgetaar", "objektivFinansiering"]);
    expect(svar?.properties.objektivFinansiering?.items?.required).toEqual(["socialtilsyn", "kommune", "beloeb"]);
    expect(Object.keys(mine.responses).sort()).toEqual(["200", "400", "401", "403"]);
    expect(mine.parameters).toEqual([expect.objectContaining({ name: "budgetaar", in: "query", required: true })]);
  });
});

/**
 * url → methods of every route, read from Fastify's own route table (printRoutes: one node a
 * line, a child's segment indented 4 per level under its parent's).
 */
function alleRuter(app: FastifyInstance): Map<string, string[]> {
  const ud = new Map<string, string[]>();
  const sti: string[] = [];
  for (const linje of app.printRoutes({ commonPrefix: false }).split("\n")) {
    const m = /^([│ ]*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(linje);
    if (!m) continue;
    const dybde = m[1]!.length / 4;
    sti.length = dybde;
    sti.push(m[2]!);
    if (m[3]) ud.set(sti.join(""), m[3].split(", "));
  }
  return ud;
}
