// Minimal types for xml2js (present through office-addin-mock → office-addin-manifest), used
// only by the offline manifest test. Its sax parser runs in strict mode: a malformed document
// is rejected.
declare module "xml2js" {
  export interface XmlNode {
    "#name": string;
    $?: Record<string, string>;
    _?: string;
    $$?: XmlNode[];
  }
  export function parseStringPromise(xml: string, options?: Record<string, unknown>): Promise<Record<string, XmlNode>>;
}
