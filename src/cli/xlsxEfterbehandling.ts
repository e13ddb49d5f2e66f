import { randomUUID } from "node:crypto";
import type JSZip from "jszip";
import { CT_TASKPANES, CT_WEBEXTENSION, REL_TASKPANES, taskpanesRelsXml, taskpanesXml, webextensionXml } from "./webudvidelse";

/**
 * Parts ExcelJS does not write, added to the zip it produced:
 * - the web extension and task pane parts (webudvidelse.ts), related from the package root;
 * - dynamic-array formulas: every array formula ExcelJS wrote (`<f t="array" ref=…>`) gets
 *   `cm="1"` on its cell, pointing at the XLDAPR cell metadata in `xl/metadata.xml`, so Excel
 *   shows `=SOC.…(…)` and spills instead of adding the implicit intersection `=@SOC.…(…)`.
 */

const CT_METADATA = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml";
const REL_METADATA = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata";

/**
 * The metadata part as Excel, XlsxWriter and SheetJS write it: one metadata type XLDAPR, one
 * future-metadata block with `dynamicArrayProperties fDynamic="1"`, and cell metadata record 1
 * (the `cm="1"` of a cell) pointing at it.
 */
export const METADATA_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
  '<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray">' +
  '<metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes>' +
  '<futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata>' +
  '<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata>' +
  "</metadata>";

export interface Efterbehandling {
  /** Add the web extension and its task pane (default true). */
  tilfoejelse?: boolean;
  /** Instance id of the web extension (a GUID); a fresh one per file by default. */
  instansId?: string;
}

async function tekst(zip: JSZip, sti: string): Promise<string> {
  const f = zip.file(sti);
  if (!f) throw new Error(`Delen ${sti} mangler i .xlsx-filen.`);
  return f.async("string");
}

/** The next free "rIdN" of a relationships part. */
function naesteId(rels: string): string {
  let maks = 0;
  for (const m of rels.matchAll(/Id="rId(\d+)"/g)) maks = Math.max(maks, Number(m[1]));
  return `rId${maks + 1}`;
}

function tilfoejRelation(rels: string, type: string, target: string): string {
  if (rels.includes(`Type="${type}"`)) return rels;
  return rels.replace("</Relationships>", `<Relationship Id="${naesteId(rels)}" Type="${type}" Target="${target}"/></Relationships>`);
}

function tilfoejIndholdstype(ct: string, del: string, type: string): string {
  if (ct.includes(`PartName="${del}"`)) return ct;
  return ct.replace("</Types>", `<Override PartName="${del}" ContentType="${type}"/></Types>`);
}

/** Mark every array-formula cell of a sheet as a dynamic array (cm="1"). Returns the count. */
export function markerDynamiske(arkXml: string): { xml: string; antal: number } {
  let antal = 0;
  const xml = arkXml.replace(/<c\b([^>]*)>(\s*<f\b[^>]*\bt="array")/g, (hele, attrs: string, f: string) => {
    if (/\bcm="/.test(attrs)) return hele;
    antal++;
    return `<c${attrs} cm="1">${f}`;
  });
  return { xml, antal };
}

/** Post-process the bytes of an .xlsx written by ExcelJS. */
export async function efterbehandl(xlsx: Buffer | Uint8Array, opt: Efterbehandling = {}): Promise<Buffer> {
  // Loaded here: only the commands that write a workbook need it, not `valider`.
  const { default: JSZip } = await import("jszip");
  const zip = await JSZip.loadAsync(xlsx);
  let ct = await tekst(zip, "[Content_Types].xml");

  let dynamiske = 0;
  for (const sti of Object.keys(zip.files).filter((s) => /^xl\/worksheets\/[^/]+\.xml$/.test(s))) {
    const { xml, antal } = markerDynamiske(await tekst(zip, sti));
    if (antal > 0) zip.file(sti, xml);
    dynamiske += antal;
  }
  if (dynamiske > 0) {
    zip.file("xl/metadata.xml", METADATA_XML);
    ct = tilfoejIndholdstype(ct, "/xl/metadata.xml", CT_METADATA);
    zip.file("xl/_rels/workbook.xml.rels", tilfoejRelation(await tekst(zip, "xl/_rels/workbook.xml.rels"), REL_METADATA, "metadata.xml"));
  }

  if (opt.tilfoejelse !== false) {
    zip.file("xl/webextensions/webextension1.xml", webextensionXml(opt.instansId ?? randomUUID().toUpperCase()));
    zip.file("xl/webextensions/taskpanes.xml", taskpanesXml());
    zip.file("xl/webextensions/_rels/taskpanes.xml.rels", taskpanesRelsXml());
    ct = tilfoejIndholdstype(ct, "/xl/webextensions/taskpanes.xml", CT_TASKPANES);
    ct = tilfoejIndholdstype(ct, "/xl/webextensions/webextension1.xml", CT_WEBEXTENSION);
    // From the package root, not from the workbook: that is where Excel relates the task panes.
    zip.file("_rels/.rels", tilfoejRelation(await tekst(zip, "_rels/.rels"), REL_TASKPANES, "xl/webextensions/taskpanes.xml"));
  }
  zip.file("[Content_Types].xml", ct);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
