import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseStringPromise, type XmlNode } from "xml2js";
import { DIST, kraevBygget, ROD } from "./dist";

// Acceptance 4: an offline check of manifest.xml (the official validator needs a Microsoft web
// service). Runs on the source manifest and on the built dist/manifest.xml.

const UDVIKLING = "https://localhost:3000/";

async function parse(xml: string): Promise<XmlNode> {
  const doc = await parseStringPromise(xml, { explicitChildren: true, preserveChildrenOrder: true, explicitArray: true, strict: true });
  const rod = doc.OfficeApp;
  if (!rod) throw new Error("roden er ikke <OfficeApp>");
  return rod;
}

function alle(node: XmlNode): XmlNode[] {
  return [node, ...(node.$$ ?? []).flatMap(alle)];
}
function boern(node: XmlNode, navn: string): XmlNode[] {
  return (node.$$ ?? []).filter((c) => c["#name"] === navn);
}
function barn(node: XmlNode, navn: string): XmlNode {
  const c = boern(node, navn)[0];
  if (!c) throw new Error(`<${node["#name"]}> mangler <${navn}>`);
  return c;
}

/** Every URL in attribute values and texts, except the xmlns namespace names. */
function urler(rod: XmlNode): string[] {
  const ud: string[] = [];
  for (const n of alle(rod)) {
    for (const [k, v] of Object.entries(n.$ ?? {})) if (!k.startsWith("xmlns") && !k.startsWith("xsi:") && /^[a-z][a-z0-9+.-]*:/i.test(v)) ud.push(v);
    if (n._ && /^\s*[a-z][a-z0-9+.-]*:\/\//i.test(n._)) ud.push(n._.trim());
  }
  return ud;
}

async function tjekManifest(xml: string): Promise<XmlNode> {
  const rod = await parse(xml);
  const knuder = alle(rod);

  // Id is a GUID.
  expect(barn(rod, "Id")._?.trim()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);

  // Every resid used is defined once in <Resources>.
  const vo = barn(rod, "VersionOverrides");
  const ressourcer = barn(vo, "Resources");
  const definerede = alle(ressourcer).filter((n) => n.$?.id && n["#name"].startsWith("bt:")).map((n) => n.$!.id!);
  expect(new Set(definerede).size).toBe(definerede.length);
  const brugte = knuder.filter((n) => n.$?.resid).map((n) => n.$!.resid!);
  expect(brugte.length).toBeGreaterThan(5);
  expect(brugte.filter((r) => !definerede.includes(r))).toEqual([]);

  // All URLs are https.
  const u = urler(rod);
  expect(u.length).toBeGreaterThan(5);
  expect(u.filter((x) => !x.startsWith("https://"))).toEqual([]);

  // <Runtimes> comes first under <Host>, with the long-lived shared runtime on the task pane page.
  const host = barn(barn(vo, "Hosts"), "Host");
  expect(host.$?.["xsi:type"]).toBe("Workbook");
  expect(host.$$?.[0]?.["#name"]).toBe("Runtimes");
  const runtime = barn(barn(host, "Runtimes"), "Runtime");
  expect(runtime.$?.lifetime).toBe("long");
  expect(runtime.$?.resid).toBe("Taskpane.Url");
  const saet = boern(barn(rod, "Requirements"), "Sets").flatMap((s) => boern(s, "Set")).map((s) => `${s.$?.Name} ${s.$?.MinVersion}`);
  // The pane's print setup uses PageLayout and page breaks, members of ExcelApi 1.9 (issue 26;
  // data validation and unprotect of issue 16 are 1.8): declaring less lets Excel load it where they fail.
  expect(saet).toEqual(expect.arrayContaining(["SharedRuntime 1.1", "ExcelApi 1.9"]));

  // Support and "learn more" lead to the help page the service serves (README's user sections).
  expect(barn(rod, "SupportUrl").$?.DefaultValue).toMatch(/\/hjaelp$/);
  expect(alle(ressourcer).find((n) => n.$?.id === barn(alle(rod).find((n) => n["#name"] === "GetStarted")!, "LearnMoreUrl").$?.resid)?.$?.DefaultValue).toMatch(/\/hjaelp$/);

  // Custom functions in namespace SOC, Danish metadata for Danish Excel.
  const cf = alle(host).find((n) => n["#name"] === "ExtensionPoint" && n.$?.["xsi:type"] === "CustomFunctions");
  expect(cf).toBeDefined();
  const nsId = barn(cf!, "Namespace").$?.resid;
  const streng = (id: string) => alle(ressourcer).find((n) => n.$?.id === id);
  expect(streng(nsId!)?.$?.DefaultValue).toBe("SOC");
  const metaId = barn(barn(cf!, "Metadata"), "SourceLocation").$?.resid;
  const meta = streng(metaId!)!;
  expect(meta.$?.DefaultValue).toMatch(/\/functions\.json$/);
  const da = boern(meta, "bt:Override").find((o) => o.$?.Locale?.toLowerCase() === "da-dk");
  expect(da?.$?.Value).toMatch(/\/functions-da\.json$/);
  expect(barn(barn(cf!, "Page"), "SourceLocation").$?.resid).toBe("Taskpane.Url");

  // A ribbon button opens the task pane; Danish display name and description.
  const knap = alle(host).find((n) => n["#name"] === "Control" && n.$?.["xsi:type"] === "Button");
  expect(barn(knap!, "Action").$?.["xsi:type"]).toBe("ShowTaskpane");
  expect(barn(rod, "DefaultLocale")._).toBe("da-DK");
  expect(barn(rod, "DisplayName").$?.DefaultValue).toBe("SOC-takster");
  expect(barn(rod, "Description").$?.DefaultValue).toMatch(/på det specialiserede socialområde/);
  return rod;
}

describe("manifest.xml (source, development address)", () => {
  const xml = readFileSync(join(ROD, "manifest.xml"), "utf8");
  it("is well-formed and complete", async () => {
    const rod = await tjekManifest(xml);
    for (const u of urler(rod)) expect(u.startsWith(UDVIKLING)).toBe(true);
  });
  it("a malformed manifest is rejected (the parser is strict)", async () => {
    await expect(parse(xml.replace("</Hosts>", "</Host>"))).rejects.toThrow();
  });
});

describe("dist/manifest.xml after a build", () => {
  it("passes the same checks, and every file it points to exists in dist/", async () => {
    kraevBygget("manifest.xml");
    const xml = readFileSync(join(DIST, "manifest.xml"), "utf8");
    const rod = await tjekManifest(xml);
    const side = barn(barn(rod, "DefaultSettings"), "SourceLocation").$!.DefaultValue!;
    const base = side.replace(/taskpane\.html$/, "");
    expect(xml).toBe(readFileSync(join(ROD, "manifest.xml"), "utf8").split(UDVIKLING).join(base));
    const filer = urler(rod).map((u) => {
      expect(u.startsWith(base)).toBe(true);
      return u.slice(base.length).replace(/[?#].*$/, "");
    });
    expect(filer).toEqual(expect.arrayContaining(["functions.js", "functions.json", "functions-da.json", "taskpane.html"]));
    // hjaelp is a page of the service (src/server/hjaelp.ts), not a built file.
    expect(filer.filter((f) => f !== "hjaelp" && !existsSync(join(DIST, f)))).toEqual([]);
  });

  it("taskpane.html loads office.js from Microsoft's CDN and otherwise only files in dist/", () => {
    kraevBygget("taskpane.html");
    const html = readFileSync(join(DIST, "taskpane.html"), "utf8");
    // In-page anchors (#indhold) and data: URIs load nothing.
    const refs = [...html.matchAll(/\b(?:src|href)=["']?([^"'\s>]+)/g)].map((m) => m[1]!).filter((r) => !r.startsWith("#") && !r.startsWith("data:"));
    expect(refs).toContain("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    expect(refs).toContain("functions.js");
    const eksterne = refs.filter((r) => /^(https?:)?\/\//.test(r));
    expect(eksterne).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"]);
    expect(refs.filter((r) => !/^(https?:)?\/\//.test(r) && !existsSync(join(DIST, r)))).toEqual([]);
  });
});

describe("ADDIN_URL", () => {
  type Config = { plugins: { patterns?: { from: string; transform?: (b: Buffer) => string }[] }[] };
  const config = (url: string | undefined, port?: string): Config => {
    const foer = process.env.ADDIN_URL;
    const foerPort = process.env.PORT;
    if (url === undefined) delete process.env.ADDIN_URL;
    else process.env.ADDIN_URL = url;
    if (port === undefined) delete process.env.PORT;
    else process.env.PORT = port;
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const lav = require(join(ROD, "webpack.config.js")) as (env: unknown, argv: { mode: string }) => Config;
      return lav({}, { mode: "production" });
    } finally {
      if (foer === undefined) delete process.env.ADDIN_URL;
      else process.env.ADDIN_URL = foer;
      if (foerPort === undefined) delete process.env.PORT;
      else process.env.PORT = foerPort;
    }
  };
  const manifestFra = (c: Config) => {
    const p = c.plugins.flatMap((x) => x.patterns ?? []).find((x) => x.from === "manifest.xml");
    return p!.transform!(readFileSync(join(ROD, "manifest.xml")));
  };

  it("replaces the development address in every URL", async () => {
    const xml = manifestFra(config("https://takster.example.dk/addin"));
    expect(xml).not.toContain("localhost");
    const rod = await tjekManifest(xml);
    for (const u of urler(rod)) expect(u.startsWith("https://takster.example.dk/addin/")).toBe(true);
  });
  it("defaults to https://localhost:3000/", () => {
    expect(manifestFra(config(undefined))).toBe(readFileSync(join(ROD, "manifest.xml"), "utf8"));
  });
  it("follows PORT when ADDIN_URL is not set (PORT=4300 npm start)", () => {
    expect(manifestFra(config(undefined, "4300"))).toBe(readFileSync(join(ROD, "manifest.xml"), "utf8").split(UDVIKLING).join("https://localhost:4300/"));
    expect(manifestFra(config("https://takster.example.dk/", "4300"))).not.toContain("localhost");
  });
  it("refuses an address that is not https", () => {
    expect(() => config("http://takster.example.dk/")).toThrow(/https/);
  });
});
