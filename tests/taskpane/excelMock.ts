import { OfficeMockObject } from "office-addin-mock";
import { CELLER, KOLONNE_OMRAADER } from "../../src/takstskema";
import { nulstilSyncs } from "../../src/taskpane/excel-workbook";

/**
 * An Excel host for the adapter tests, built with office-addin-mock. Loaded properties follow
 * the mock's rules (a value is there only after load() and context.sync()); collections,
 * which the mock does not model, are small functions that record what the adapter does.
 * `syncs` counts real calls of context.sync() on the mock, independent of the adapter.
 */

export interface Navn {
  navn: string;
  ark: string;
  adresse: string;
  vaerdi?: unknown;
  /** "Error" for a name whose sheet is gone (#REF!). */
  type?: "Range" | "Error";
}

export interface Optaget {
  ops: string[];
  /** "Ark!A1" → property path → value, for everything written to ranges. */
  skrevet: Map<string, Record<string, unknown>>;
  nyeNavne: { navn: string; ark: string; adresse: string }[];
  slettedeNavne: string[];
  valideringer: Map<string, Record<string, unknown>>;
  /** Sheet → pageLayout property path → value (orientation, zoom, headersFooters.defaultForAllPages.leftFooter, ...). */
  sidelayout: Map<string, Record<string, unknown>>;
  syncs: number;
}

/** The cell `r` rows down and `k` columns right of a range's top-left cell ("D41:D50", 2, 0 → "D43"). */
function flyt(adresse: string, r: number, k: number): string {
  const m = /^([A-Z]+)(\d+)/.exec(adresse);
  if (!m) throw new Error(`Ugyldig adresse ${adresse}`);
  const kol = [...m[1]!].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) + k;
  let bogstaver = "";
  for (let n = kol; n > 0; n = Math.floor((n - 1) / 26)) bogstaver = String.fromCharCode(65 + ((n - 1) % 26)) + bogstaver;
  return `${bogstaver}${Number(m[2]) + r}`;
}

type MockAny = OfficeMockObject & Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function lavExcel(opt: { navne?: Navn[]; ark?: string[] } = {}): { excel: MockAny; optaget: Optaget } {
  const navne = opt.navne ?? [];
  const ark = [...(opt.ark ?? ["Ark1"])];
  const optaget: Optaget = { ops: [], skrevet: new Map(), nyeNavne: [], slettedeNavne: [], valideringer: new Map(), sidelayout: new Map(), syncs: 0 };

  const skriv = (arkNavn: string, adresse: string, sti: string, v: unknown) => {
    const k = `${arkNavn}!${adresse}`;
    const m = optaget.skrevet.get(k) ?? {};
    m[sti] = v;
    optaget.skrevet.set(k, m);
  };

  /** A range that records every property written (format.fill.color, values, ...). */
  const optager = (arkNavn: string, adresse: string, sti: string[] = []): unknown =>
    new Proxy(
      {},
      {
        get(_t, prop) {
          if (typeof prop !== "string") return undefined;
          const hele = [...sti, prop].join(".");
          if (hele === "format.borders.getItem") return (kant: string) => optager(arkNavn, adresse, ["format", "borders", kant]);
          if (hele === "merge") return (across: boolean) => optaget.ops.push(`merge ${arkNavn}!${adresse} ${across}`);
          if (hele === "select") return () => optaget.ops.push(`select ${arkNavn}!${adresse}`);
          if (hele === "getCell") return (r: number, k: number) => optager(arkNavn, flyt(adresse, r, k));
          if (hele === "dataValidation") {
            return new Proxy(
              {},
              {
                set(_u, p, v) {
                  const k = `${arkNavn}!${adresse}`;
                  optaget.valideringer.set(k, { ...(optaget.valideringer.get(k) ?? {}), [String(p)]: v });
                  return true;
                },
              },
            );
          }
          if (["format", "format.fill", "format.font", "format.protection", "format.borders"].includes(hele) || hele.startsWith("format.borders.")) {
            return optager(arkNavn, adresse, [...sti, prop]);
          }
          throw new Error(`Optageren kan ikke læse ${hele} (${arkNavn}!${adresse})`);
        },
        set(_t, prop, v) {
          skriv(arkNavn, adresse, [...sti, String(prop)].join("."), v);
          return true;
        },
      },
    );

  /** A sheet's pageLayout: records properties written and the print area / title rows set. */
  const sidelayout = (arkNavn: string, sti: string[] = []): unknown =>
    new Proxy(
      {},
      {
        get(_t, prop) {
          if (typeof prop !== "string") return undefined;
          if (prop === "setPrintArea" || prop === "setPrintTitleRows") return (a: string) => optaget.ops.push(`${prop} ${arkNavn} ${a}`);
          if (["headersFooters", "defaultForAllPages"].includes(prop)) return sidelayout(arkNavn, [...sti, prop]);
          throw new Error(`pageLayout-optageren kan ikke læse ${[...sti, prop].join(".")}`);
        },
        set(_t, prop, v) {
          const m = optaget.sidelayout.get(arkNavn) ?? {};
          m[[...sti, String(prop)].join(".")] = v;
          optaget.sidelayout.set(arkNavn, m);
          return true;
        },
      },
    );

  const nytArk = (navn: string) => {
    let aktuelt = navn;
    return {
      get name() {
        return aktuelt;
      },
      set name(v: string) {
        optaget.ops.push(`rename ${aktuelt} → ${v}`);
        aktuelt = v;
      },
      getRange: (adresse: string) => {
        const r = optager(aktuelt, adresse) as Record<string, unknown>;
        // names.add needs to know where a range points.
        return new Proxy(r, { get: (t, p) => (p === "__sted" ? { ark: () => aktuelt, adresse } : (t as Record<string | symbol, unknown>)[p]) });
      },
      get pageLayout() {
        return sidelayout(aktuelt);
      },
      horizontalPageBreaks: { add: (a: string) => optaget.ops.push(`pagebreak ${aktuelt}!${a}`) },
      protection: {
        protect: (o: unknown) => optaget.ops.push(`protect ${aktuelt} ${JSON.stringify(o)}`),
        unprotect: () => optaget.ops.push(`unprotect ${aktuelt}`),
      },
      activate: () => optaget.ops.push(`activate ${aktuelt}`),
      delete: () => optaget.ops.push(`delete ${aktuelt}`),
    };
  };

  // Cells behind existing names are office-addin-mock objects: values only after load + sync.
  const omraader: Record<string, unknown> = {};
  // A name over a vertical range (a Ydelser column) holds one value per row: `vaerdi` is then an array.
  for (const n of navne) omraader[n.navn] = { values: Array.isArray(n.vaerdi) ? n.vaerdi.map((v: unknown) => [v ?? ""]) : [[n.vaerdi ?? ""]], address: `${n.ark}!${n.adresse}` };

  const data = {
    context: {
      workbook: {
        omraader,
        names: {
          load(spec: string) {
            optaget.ops.push(`names.load ${spec}`);
            // The mock has no collections: items appear at the next sync, as in Excel.
            ventende.push(() => {
              (excel.context.workbook.names as Record<string, unknown>).items = navne.map((n) => ({
                name: n.navn,
                type: n.type ?? "Range",
                getRange: () => {
                  if ((n.type ?? "Range") !== "Range") throw new Error("InvalidReference");
                  return excel.context.workbook.omraader[n.navn];
                },
                delete: () => optaget.slettedeNavne.push(n.navn),
              }));
            });
          },
          add(navn: string, range: { __sted: { ark: () => string; adresse: string } }) {
            optaget.ops.push(`names.add ${navn}`);
            optaget.nyeNavne.push({ navn, ark: range.__sted.ark(), adresse: range.__sted.adresse });
          },
          getItem(navn: string) {
            const n = navne.find((x) => x.navn === navn);
            if (!n) throw new Error(`ItemNotFound ${navn}`);
            return {
              getRange: () => {
                const ws = nytArk(n.ark);
                const r = optager(n.ark, n.adresse) as Record<string, unknown>;
                return new Proxy(r, { get: (t, p) => (p === "worksheet" ? ws : (t as Record<string | symbol, unknown>)[p]) });
              },
            };
          },
        },
        worksheets: {
          load(spec: string) {
            optaget.ops.push(`worksheets.load ${spec}`);
            ventende.push(() => {
              (excel.context.workbook.worksheets as Record<string, unknown>).items = ark.map((a) => ({ name: a }));
            });
          },
          add(navn: string) {
            optaget.ops.push(`worksheets.add ${navn}`);
            ark.push(navn);
            return nytArk(navn);
          },
          getItem(navn: string) {
            if (!ark.includes(navn)) throw new Error(`ItemNotFound ${navn}`);
            return nytArk(navn);
          },
          getItemOrNullObject(navn: string) {
            const findes = ark.includes(navn);
            const ws = nytArk(navn);
            return Object.assign(ws, { isNullObject: !findes });
          },
        },
      },
    },
    run: async function (this: MockAny, batch: (ctx: unknown) => Promise<unknown>) {
      return batch(this.context);
    },
  };
  const ventende: (() => void)[] = [];
  const excel = new OfficeMockObject(data) as MockAny;
  const ctx = excel.context as MockAny;
  const mockSync = ctx.sync.bind(ctx) as () => Promise<void>;
  ctx.sync = async () => {
    optaget.syncs += 1;
    optaget.ops.push("sync");
    for (const f of ventende.splice(0)) f();
    await mockSync();
  };
  return { excel, optaget };
}

/** A field's name over its template cell, holding `vaerdi`. */
export function navnFor(navn: keyof typeof CELLER, vaerdi: unknown): Navn {
  const [ark, adresse] = CELLER[navn].split("!") as [string, string];
  return { navn, ark, adresse, vaerdi };
}

/** A Ydelser column: a name over its 10-row range, one value per row. */
export function kolonneFor(navn: keyof typeof KOLONNE_OMRAADER, vaerdier: unknown[]): Navn {
  const [ark, adresse] = KOLONNE_OMRAADER[navn].split("!") as [string, string];
  return { navn, ark, adresse, vaerdi: Array.from({ length: 10 }, (_, i) => vaerdier[i] ?? "") };
}

/** For a test file whose tests each set `global.Excel`: the adapter's sync count starts at 0, and no host outlives its test. */
export function nyVaertPrTest(): void {
  beforeEach(() => nulstilSyncs());
  afterEach(() => {
    delete (global as { Excel?: unknown }).Excel;
  });
}
