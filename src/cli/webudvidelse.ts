/**
 * The Office Open XML parts Excel writes for a workbook that uses a web add-in, so the file
 * names the add-in and opens its task pane when it is opened ([MS-OWEXML] 2.2.7 and 2.2.9;
 * Microsoft's "Automatically open a task pane with a document"). Pure strings; the zip step is
 * in xlsxEfterbehandling.ts. README "Tilføjelsesprogrammet følger filen" says what was checked.
 */

/** The add-in as manifest.xml names it (<Id>, <Version>); a test keeps the two equal. */
export const TILFOEJELSE = { id: "8b9832c1-9291-4279-8f4e-73694506ce14", version: "0.2.0.0" } as const;

/** Width of the task pane in points when it opens with the document. */
export const OPGAVERUDE_BREDDE = 350;

export const WE_NS = "http://schemas.microsoft.com/office/webextensions/webextension/2010/11";
export const WETP_NS = "http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11";
export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const REL_TASKPANES = "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes";
export const REL_WEBEXTENSION = "http://schemas.microsoft.com/office/2011/relationships/webextension";
export const CT_TASKPANES = "application/vnd.ms-office.webextensiontaskpanes+xml";
export const CT_WEBEXTENSION = "application/vnd.ms-office.webextension+xml";

const XML_HOVED = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

function attr(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
}

/**
 * `xl/webextensions/webextension1.xml`. The reference is the centrally deployed add-in
 * (store and storeType "EXCatalog", Microsoft's example for Centralized Deployment); the
 * alternate reference is the sideloaded one (store "developer", storeType "Registry", as Excel
 * writes it for a sideloaded manifest). `Office.AutoShowTaskpaneWithDocument` = true opens the
 * pane whose manifest TaskpaneId is that name. The extension `containsCustomFunctions` tells
 * Excel the add-in brings functions (the SOC.* formulas); Excel may ignore it.
 */
export function webextensionXml(instansId: string, t: { id: string; version: string } = TILFOEJELSE): string {
  const ref = (store: string, type: string) => `<we:reference id="${attr(t.id)}" version="${attr(t.version)}" store="${store}" storeType="${type}"/>`;
  return (
    XML_HOVED +
    `<we:webextension xmlns:we="${WE_NS}" id="{${attr(instansId)}}">` +
    ref("EXCatalog", "EXCatalog") +
    `<we:alternateReferences>${ref("developer", "Registry")}</we:alternateReferences>` +
    '<we:properties><we:property name="Office.AutoShowTaskpaneWithDocument" value="true"/></we:properties>' +
    "<we:bindings/>" +
    `<we:snapshot xmlns:r="${REL_NS}"/>` +
    '<we:extLst><a:ext xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" uri="{D87F86FE-615C-45B5-9D79-34F1136793EB}"><we:containsCustomFunctions/></a:ext></we:extLst>' +
    "</we:webextension>"
  );
}

/** `xl/webextensions/taskpanes.xml`: one pane, docked right, visible when the file opens. */
export function taskpanesXml(bredde = OPGAVERUDE_BREDDE): string {
  return (
    XML_HOVED +
    `<wetp:taskpanes xmlns:wetp="${WETP_NS}">` +
    `<wetp:taskpane dockstate="right" visibility="1" width="${bredde}" row="0">` +
    `<wetp:webextensionref xmlns:r="${REL_NS}" r:id="rId1"/>` +
    "</wetp:taskpane></wetp:taskpanes>"
  );
}

/** `xl/webextensions/_rels/taskpanes.xml.rels`: the pane's web extension. */
export function taskpanesRelsXml(): string {
  return (
    XML_HOVED +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    `<Relationship Id="rId1" Type="${REL_WEBEXTENSION}" Target="webextension1.xml"/>` +
    "</Relationships>"
  );
}
