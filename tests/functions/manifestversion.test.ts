import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROD } from "./dist";

// Excel (and Microsoft 365's central deployment) only takes a changed add-in when the manifest's
// <Version> is higher, so a manifest changed since the last release must carry a raised version.
//
// What "the last release" is: the newest git tag v* when the clone has one, because the tag holds
// the released manifest itself. A fresh clone in CI may have no tags (they are not always
// fetched or pushed), so otherwise the newest released entry of CHANGELOG.md is the reference: it
// records the manifest's version and the SHA-256 of the released manifest.xml, which tells
// "changed" from "unchanged" without git history. Line endings are normalised first, so a checkout
// with CRLF is not a change.

interface Udgivelse {
  kilde: string;
  version: string;
  sha256: string;
}

const versionAf = (xml: string): string => {
  const v = /<Version>\s*([^<\s]+)\s*<\/Version>/.exec(xml)?.[1];
  if (!v || !/^\d+(\.\d+){3}$/.test(v)) throw new Error(`manifest.xml har ingen gyldig <Version> (fire tal adskilt af punktum): ${v ?? "mangler"}`);
  return v;
};
const sha256 = (xml: string): string => createHash("sha256").update(xml.replace(/\r\n/g, "\n")).digest("hex");

function sammenlign(a: string, b: string): number {
  const x = a.split(".").map(Number);
  const y = b.split(".").map(Number);
  for (let i = 0; i < 4; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return 0;
}

/** Why the manifest may not go out as it is, or undefined when it may. */
function manifestFejl(xml: string, udgivet: Udgivelse): string | undefined {
  const version = versionAf(xml);
  if (sha256(xml) === udgivet.sha256) return undefined;
  if (sammenlign(version, udgivet.version) > 0) return undefined;
  return `manifest.xml er ændret siden ${udgivet.kilde} (version ${udgivet.version}), men <Version> er ${version}: hæv den (fx ${udgivet.version.replace(/\.(\d+)\.\d+$/, (_, m: string) => `.${Number(m) + 1}.0`)}) og skriv den under "Ikke udgivet" i CHANGELOG.md. (Er det en ny udgivelse, er dens linje: Manifest: ${version}, sha256 \`${sha256(xml)}\`)`;
}

/** The newest tag v* (by version order) and its manifest.xml, or undefined without tags or git. */
function fraTag(mappe: string): Udgivelse | undefined {
  const git = (...args: string[]) => execFileSync("git", args, { cwd: mappe, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  let tag: string | undefined;
  try {
    tag = git("tag", "--list", "v*", "--sort=-v:refname").split("\n")[0]?.trim();
  } catch {
    return undefined;
  }
  if (!tag) return undefined;
  const xml = git("show", `${tag}:manifest.xml`);
  return { kilde: `tagget ${tag}`, version: versionAf(xml), sha256: sha256(xml) };
}

/** The newest released entry of CHANGELOG.md (the first "## [X.Y.Z]") and its "Manifest:" line. */
function fraChangelog(tekst: string): Udgivelse {
  const afsnit = tekst.split(/^(?=## \[)/m).find((a) => /^## \[\d+\.\d+\.\d+\]/.test(a));
  if (!afsnit) throw new Error("CHANGELOG.md har ingen udgivelse (## [X.Y.Z] – dato)");
  const navn = /^## \[([^\]]+)\]/.exec(afsnit)![1]!;
  const m = /^Manifest: (\d+(?:\.\d+){3}), sha256 `([0-9a-f]{64})`/m.exec(afsnit);
  if (!m) throw new Error(`Udgivelse ${navn} i CHANGELOG.md mangler linjen "Manifest: X.Y.Z.0, sha256 \`…\`"`);
  return { kilde: `udgivelse ${navn} i CHANGELOG.md`, version: m[1]!, sha256: m[2]! };
}

const MANIFEST = readFileSync(join(ROD, "manifest.xml"), "utf8");
const CHANGELOG = readFileSync(join(ROD, "CHANGELOG.md"), "utf8");

describe("manifest version against the last release", () => {
  it("manifest.xml changed since the last release (tag v*, else CHANGELOG.md) has a raised <Version>", () => {
    const udgivet = fraTag(ROD) ?? fraChangelog(CHANGELOG);
    expect(manifestFejl(MANIFEST, udgivet)).toBeUndefined();
  });

  it("CHANGELOG.md's newest release records a manifest no newer than today's, and there is an 'Ikke udgivet' section", () => {
    const udgivet = fraChangelog(CHANGELOG);
    expect(sammenlign(versionAf(MANIFEST), udgivet.version)).toBeGreaterThanOrEqual(0);
    const ikkeUdgivet = CHANGELOG.indexOf("## [Ikke udgivet]");
    expect(ikkeUdgivet).toBeGreaterThan(-1);
    expect(ikkeUdgivet).toBeLessThan(CHANGELOG.search(/^## \[\d/m));
  });

  describe("the check itself", () => {
    const udgivet = (xml: string): Udgivelse => ({ kilde: "udgivelse 1.0.0", version: versionAf(xml), sha256: sha256(xml) });
    const gammel = "<OfficeApp><Version>1.0.0.0</Version><Set Name=\"ExcelApi\" MinVersion=\"1.8\" /></OfficeApp>\n";

    it("refuses a changed manifest whose version was not raised, naming both versions", () => {
      const ny = gammel.replace('"1.8"', '"1.9"');
      expect(manifestFejl(ny, udgivet(gammel))).toMatch(/ændret siden udgivelse 1\.0\.0 \(version 1\.0\.0\.0\), men <Version> er 1\.0\.0\.0: hæv den \(fx 1\.0\.1\.0\)/);
      expect(manifestFejl(ny.replace("1.0.0.0", "0.9.0.0"), udgivet(gammel))).toMatch(/<Version> er 0\.9\.0\.0/);
    });
    it("accepts an unchanged manifest (also with CRLF line endings) and a changed one with a higher version", () => {
      expect(manifestFejl(gammel, udgivet(gammel))).toBeUndefined();
      expect(manifestFejl(gammel.replace(/\n/g, "\r\n"), udgivet(gammel))).toBeUndefined();
      expect(manifestFejl(gammel.replace('"1.8"', '"1.9"').replace("1.0.0.0", "1.0.10.0"), udgivet(gammel.replace("1.0.0.0", "1.0.9.0")))).toBeUndefined();
    });
    it("compares versions as numbers, not text (1.0.10.0 is above 1.0.9.0)", () => {
      expect(sammenlign("1.0.10.0", "1.0.9.0")).toBeGreaterThan(0);
      expect(sammenlign("0.2.0.0", "0.10.0.0")).toBeLessThan(0);
    });
    it("reads the release record of the newest released entry, not of 'Ikke udgivet' or an older one", () => {
      const a = "a".repeat(64);
      const b = "b".repeat(64);
      const tekst = `# Ændringslog\n\n## [Ikke udgivet]\n\nManifest: 0.3.0.0 (ændret)\n\n## [0.2.0] – 2026-12-01\n\nManifest: 0.2.0.0, sha256 \`${a}\`\n\n## [0.1.0] – 2026-11-22\n\nManifest: 0.1.0.0, sha256 \`${b}\`\n`;
      expect(fraChangelog(tekst)).toEqual({ kilde: "udgivelse 0.2.0 i CHANGELOG.md", version: "0.2.0.0", sha256: a });
      expect(() => fraChangelog("## [Ikke udgivet]\n\n## [0.1.0] – 2026-11-22\n\nIngen linje\n")).toThrow(/0\.1\.0 i CHANGELOG\.md mangler linjen "Manifest:/);
    });
    it("takes the newest tag v* by version order and its manifest, and has none in a repository without tags", () => {
      const mappe = mkdtempSync(join(tmpdir(), "manifestversion-"));
      try {
        const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.invalid", ...args], { cwd: mappe, stdio: "pipe" });
        git("init", "-q");
        writeFileSync(join(mappe, "manifest.xml"), gammel.replace("1.0.0.0", "1.0.9.0"));
        git("add", "manifest.xml");
        git("commit", "-q", "-m", "første");
        expect(fraTag(mappe)).toBeUndefined();
        git("tag", "-a", "v1.0.9", "-m", "1.0.9");
        writeFileSync(join(mappe, "manifest.xml"), gammel.replace("1.0.0.0", "1.0.10.0"));
        git("commit", "-q", "-am", "anden");
        git("tag", "-a", "v1.0.10", "-m", "1.0.10");
        writeFileSync(join(mappe, "manifest.xml"), gammel.replace("1.0.0.0", "1.0.11.0"));
        const tag = fraTag(mappe)!;
        expect(tag).toEqual({ kilde: "tagget v1.0.10", version: "1.0.10.0", sha256: sha256(gammel.replace("1.0.0.0", "1.0.10.0")) });
        // Changed after the tag without a raise: refused.
        expect(manifestFejl(gammel.replace("1.0.0.0", "1.0.10.0").replace('"1.8"', '"1.9"'), tag)).toMatch(/siden tagget v1\.0\.10/);
      } finally {
        rmSync(mappe, { recursive: true, force: true });
      }
    });
  });
});
