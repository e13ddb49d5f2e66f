import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";

// Recalculating a filled skema in a spreadsheet program without the add-in (tests/cli/genberegning*.test.ts).

/**
 * A throwaway LibreOffice profile that recalculates every formula of an OOXML (and ODF) file
 * on load (Tools > Options > Calc > Formula > "Recalculation on file load": Always = 0);
 * by default LibreOffice keeps an .xlsx file's cached results.
 */
export function profil(dir: string): string {
  mkdirSync(join(dir, "user"), { recursive: true });
  const item = (prop: string) => `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="${prop}" oor:op="fuse"><value>0</value></prop></item>`;
  writeFileSync(
    join(dir, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n${item("OOXMLRecalcMode")}\n${item("ODFRecalcMode")}\n</oor:items>\n`,
  );
  return `file://${dir}`;
}

/** Every cell of every sheet that holds an error value (`t="e"` in the sheet XML), as "sheet!A1 #NUM!". */
export async function fejlVaerdier(buf: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(buf);
  const fejl: string[] = [];
  for (const sti of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))) {
    const xml = await zip.file(sti)!.async("string");
    for (const m of xml.matchAll(/<c\b[^>]*\br="([A-Z]+\d+)"[^>]*\bt="e"[^>]*>(?:.*?<v>([^<]*)<\/v>)?/g)) fejl.push(`${sti}!${m[1]} ${m[2] ?? ""}`);
  }
  return fejl;
}
