/*
 * A small fake Office/Excel host for the task pane's browser test. The test answers the page's
 * request for office.js with this file. It implements only the part of the Excel JavaScript API
 * that src/taskpane/excel-workbook.ts uses, with the same batching rules as Excel: calls are
 * queued and run at context.sync(); a property can be read only after load() and sync();
 * getItem() of a missing item fails at sync; a protected sheet refuses writes to locked cells.
 * Formulas are stored, not computed (a formula cell reads as ""), so the validator recomputes.
 * Defined names may point at ranges (the Ydelser table's columns, "Takstskema!D38:D47"): reading
 * one gives its rows; a formula that spills (SOC.TAKSTSTRUKTUR) is stored in its anchor cell and
 * its spill range reads as "" like any other uncomputed formula.
 *
 * Everything the add-in writes is recorded on globalThis.__fakeHost for the test to assert.
 */
(function () {
  "use strict";

  // ── A1 addresses ──────────────────────────────────────────────────────────
  function kolNr(bogstaver) {
    let n = 0;
    for (const ch of bogstaver.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
    return n;
  }
  function kolBogstav(n) {
    let s = "";
    while (n > 0) {
      const m = (n - 1) % 26;
      s = String.fromCharCode(65 + m) + s;
      n = Math.floor((n - 1) / 26);
    }
    return s;
  }
  const MAX_RAEKKE = 1048576;
  const MAX_KOL = 16384;
  /** "D12", "$D$12", "A1:C3", "B:D", "3:5" → {c1, r1, c2, r2} (1-based, inclusive). */
  function parseOmraade(adresse) {
    const a = String(adresse).replace(/\$/g, "").trim().toUpperCase();
    const dele = a.split(":");
    const del = (d) => {
      let m = /^([A-Z]{1,3})(\d+)$/.exec(d);
      if (m) return { c: kolNr(m[1]), r: Number(m[2]), type: "celle" };
      m = /^([A-Z]{1,3})$/.exec(d);
      if (m) return { c: kolNr(m[1]), r: null, type: "kol" };
      m = /^(\d+)$/.exec(d);
      if (m) return { c: null, r: Number(m[1]), type: "raekke" };
      throw fejl("InvalidArgument", `Ugyldig adresse: ${adresse}`);
    };
    const p1 = del(dele[0]);
    const p2 = dele.length > 1 ? del(dele[1]) : p1;
    if (dele.length > 2 || p1.type !== p2.type) throw fejl("InvalidArgument", `Ugyldig adresse: ${adresse}`);
    const o = {
      c1: p1.c ?? 1,
      r1: p1.r ?? 1,
      c2: p2.c ?? MAX_KOL,
      r2: p2.r ?? MAX_RAEKKE,
    };
    return { c1: Math.min(o.c1, o.c2), r1: Math.min(o.r1, o.r2), c2: Math.max(o.c1, o.c2), r2: Math.max(o.r1, o.r2), type: p1.type };
  }
  function omraadeTekst(o) {
    const a = kolBogstav(o.c1) + o.r1;
    const b = kolBogstav(o.c2) + o.r2;
    return a === b ? a : `${a}:${b}`;
  }
  /** "D38" of "D38:D47" (and of "D38"). */
  function foersteCelle(adresse) {
    const o = parseOmraade(adresse);
    return kolBogstav(o.c1) + o.r1;
  }
  function daekker(o, c, r) {
    return c >= o.c1 && c <= o.c2 && r >= o.r1 && r <= o.r2;
  }
  function arkNavnIAdresse(navn) {
    return /^[A-Za-z0-9_]+$/.test(navn) ? navn : `'${navn.replace(/'/g, "''")}'`;
  }

  function fejl(code, message) {
    const e = new Error(message);
    e.name = "RichApi.Error";
    e.code = code;
    return e;
  }

  // ── The workbook model (what the test inspects) ───────────────────────────
  let naesteArkId = 1;
  function nytArk(navn) {
    return {
      id: naesteArkId++,
      name: navn,
      cells: new Map(), // "D12" → { value, formula, numberFormat }
      formats: [], // { address, path, value } in the order written
      validations: [], // { address, rule, prompt, errorAlert }
      merges: [], // "B2:E2"
      props: {}, // tabColor, showGridlines, ...
      frozenRows: 0,
      protected: false,
      protectionOptions: null,
      deleted: false,
    };
  }

  const host = {
    sheets: [nytArk("Ark1")],
    names: [], // { name, sheet, address, comment, deleted }
    active: "Ark1",
    selected: null,
    syncs: 0,
    log: [],
    ark(navn) {
      return host.sheets.find((s) => !s.deleted && s.name.toLowerCase() === String(navn).toLowerCase()) || null;
    },
    navn(navn) {
      const n = host.names.find((x) => !x.deleted && x.name.toLowerCase() === String(navn).toLowerCase());
      if (!n) return null;
      return n.sheet.deleted ? "#REF!" : `${n.sheet.name}!${n.address}`;
    },
    /** The print setup the add-in wrote on a sheet (orientation, zoom, breaks, footer, ...). */
    sidelayout(navn) {
      const a = host.ark(navn);
      return a && a.pageLayout ? JSON.parse(JSON.stringify(a.pageLayout)) : null;
    },
    /** The cell a defined name or "Ark!A1" points at (a range: its top-left cell): { value, formula, numberFormat }. */
    celle(ref) {
      const { ark, adresse } = oploes(ref);
      const c = ark.cells.get(foersteCelle(adresse));
      return { value: c ? visVaerdi(c) : "", formula: c ? c.formula : null, numberFormat: c ? c.numberFormat : "General" };
    },
    /** The last value written to a format path (e.g. "fill.color") that covers the cell. */
    format(ref, path) {
      const { ark, adresse } = oploes(ref);
      const o = parseOmraade(adresse);
      let v;
      for (const f of ark.formats) if (f.path === path && daekker(parseOmraade(f.address), o.c1, o.r1)) v = f.value;
      return v;
    },
    validering(ref) {
      const { ark, adresse } = oploes(ref);
      const o = parseOmraade(adresse);
      let v = null;
      for (const x of ark.validations) if (daekker(parseOmraade(x.address), o.c1, o.r1)) v = x;
      return v;
    },
    /** The accountant types into a cell (by defined name or "Ark!A1"). Excel's rules apply. */
    skriv(ref, vaerdi) {
      const { ark, adresse } = oploes(ref);
      const o = parseOmraade(adresse);
      if (ark.protected && laast(ark, o.c1, o.r1)) throw fejl("AccessDenied", `Cellen ${adresse} er beskyttet`);
      const c = celle(ark, foersteCelle(adresse));
      if (typeof vaerdi === "string" && vaerdi.startsWith("=")) {
        c.formula = vaerdi;
        c.value = "";
      } else {
        c.formula = null;
        c.value = vaerdi === null || vaerdi === undefined ? "" : vaerdi;
      }
    },
    /** A stable picture of the whole workbook, for "unchanged" assertions. */
    snapshot() {
      return JSON.stringify({
        sheets: host.sheets.filter((s) => !s.deleted).map((s) => ({
          name: s.name,
          cells: [...s.cells.entries()].sort(),
          formats: s.formats,
          validations: s.validations,
          merges: s.merges,
          props: s.props,
          frozenRows: s.frozenRows,
          protected: s.protected,
        })),
        names: host.names.filter((n) => !n.deleted).map((n) => [n.name, n.sheet.name, n.address, n.sheet.deleted]),
      });
    },
  };

  function oploes(ref) {
    let tekst = String(ref);
    if (!tekst.includes("!")) {
      const n = host.navn(tekst);
      if (!n || n === "#REF!") throw new Error(`Ukendt navn ${ref}`);
      tekst = n;
    }
    const i = tekst.lastIndexOf("!");
    const arkNavn = tekst.slice(0, i).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
    const ark = host.ark(arkNavn);
    if (!ark || ark.deleted) throw new Error(`Ukendt ark ${arkNavn}`);
    return { ark, adresse: tekst.slice(i + 1).replace(/\$/g, "").toUpperCase() };
  }
  function celle(ark, adresse) {
    let c = ark.cells.get(adresse);
    if (!c) {
      c = { value: "", formula: null, numberFormat: "General" };
      ark.cells.set(adresse, c);
    }
    return c;
  }
  function visVaerdi(c) {
    return c.formula ? "" : c.value;
  }
  function laast(ark, c, r) {
    let locked = true;
    for (const f of ark.formats) if (f.path === "protection.locked" && daekker(parseOmraade(f.address), c, r)) locked = f.value !== false;
    return locked;
  }
  function celler(o) {
    if (o.r2 - o.r1 > 10000 || o.c2 - o.c1 > 500) throw fejl("InvalidArgument", "Området er for stort til celleværdier i den falske vært");
    const ud = [];
    for (let r = o.r1; r <= o.r2; r++) {
      const raekke = [];
      for (let c = o.c1; c <= o.c2; c++) raekke.push(kolBogstav(c) + r);
      ud.push(raekke);
    }
    return ud;
  }
  function kraevSkrivbar(ark, o, hvad) {
    if (!ark.protected) return;
    if (hvad === "values") {
      for (const raekke of celler(o)) for (const a of raekke) {
        const p = parseOmraade(a);
        if (laast(ark, p.c1, p.r1)) throw fejl("AccessDenied", `Arket ${ark.name} er beskyttet: ${a} kan ikke ændres`);
      }
      return;
    }
    throw fejl("AccessDenied", `Arket ${ark.name} er beskyttet: ${hvad} kan ikke ændres`);
  }
  function kraev2d(o, v, hvad) {
    const rows = o.r2 - o.r1 + 1;
    const cols = o.c2 - o.c1 + 1;
    if (!Array.isArray(v) || v.length !== rows || v.some((r) => !Array.isArray(r) || r.length !== cols)) {
      throw fejl("InvalidArgument", `${hvad} skal være en ${rows}×${cols}-matrix`);
    }
  }

  // ── Client objects: calls are queued and run at sync() ────────────────────
  class Kontekst {
    constructor() {
      this.koe = [];
      this.workbook = new Workbook(this);
    }
    sync() {
      host.syncs += 1;
      const koe = this.koe;
      this.koe = [];
      return Promise.resolve().then(() => {
        for (const op of koe) op();
      });
    }
  }

  class KlientObjekt {
    constructor(ctx, oploeser) {
      this._ctx = ctx;
      this._oploes = oploeser;
      this._loaded = {};
    }
    _koe(op) {
      this._ctx.koe.push(op);
    }
    _hent(prop) {
      if (!(prop in this._loaded)) throw fejl("PropertyNotLoaded", `Egenskaben '${prop}' er ikke indlæst. Kald load() og context.sync() først.`);
      return this._loaded[prop];
    }
    load(spec) {
      const props = (Array.isArray(spec) ? spec : String(spec || "").split(",")).map((s) => s.trim()).filter(Boolean);
      this._koe(() => this._indlaes(props));
      return this;
    }
  }

  function nullbar(obj, oploeser) {
    // *OrNullObject: isNullObject is known after the next sync.
    obj._oploes = () => {
      const m = oploeser();
      if (!m) throw fejl("ItemNotFound", "Null-objekt");
      return m;
    };
    obj._koe(() => {
      obj._loaded.isNullObject = !oploeser();
    });
    Object.defineProperty(obj, "isNullObject", { get: () => obj._hent("isNullObject") });
    return obj;
  }

  class Workbook extends KlientObjekt {
    constructor(ctx) {
      super(ctx, () => host);
      this.worksheets = new Worksheets(ctx);
      this.names = new Names(ctx);
    }
  }

  class Worksheets extends KlientObjekt {
    get items() {
      return this._hent("items");
    }
    _indlaes(props) {
      for (const p of props) if (p !== "items" && p !== "items/name") throw fejl("InvalidArgument", `Den falske vært kan ikke indlæse worksheets.${p}`);
      this._loaded.items = host.sheets.filter((s) => !s.deleted).map((a) => {
        const ws = new Worksheet(this._ctx, () => a);
        ws._loaded.name = a.name;
        return ws;
      });
    }
    add(navn) {
      let model = null;
      const ws = new Worksheet(this._ctx, () => {
        if (!model) throw fejl("ItemNotFound", "Arket findes ikke endnu");
        return model;
      });
      this._koe(() => {
        if (host.ark(navn) && !host.ark(navn).deleted) throw fejl("ItemAlreadyExists", `Arket ${navn} findes allerede`);
        model = nytArk(navn);
        host.sheets.push(model);
        host.log.push(`worksheets.add(${navn})`);
      });
      return ws;
    }
    getItem(navn) {
      return new Worksheet(this._ctx, () => {
        const a = host.ark(navn);
        if (!a || a.deleted) throw fejl("ItemNotFound", `Arket ${navn} findes ikke`);
        return a;
      });
    }
    getItemOrNullObject(navn) {
      const ws = new Worksheet(this._ctx, () => null);
      return nullbar(ws, () => {
        const a = host.ark(navn);
        return a && !a.deleted ? a : null;
      });
    }
    getActiveWorksheet() {
      return new Worksheet(this._ctx, () => host.ark(host.active));
    }
  }

  class Worksheet extends KlientObjekt {
    constructor(ctx, oploeser) {
      super(ctx, oploeser);
      const ws = () => this;
      this.protection = {
        protect(options, password) {
          ws()._koe(() => {
            const a = ws()._oploes();
            if (a.protected) throw fejl("InvalidOperation", "Arket er allerede beskyttet");
            a.protected = true;
            a.protectionOptions = options || {};
            a.password = password || null;
            host.log.push(`protect(${a.name})`);
          });
        },
        unprotect(password) {
          ws()._koe(() => {
            const a = ws()._oploes();
            if (a.protected && a.password && a.password !== password) throw fejl("InvalidArgument", "Forkert adgangskode");
            a.protected = false;
            host.log.push(`unprotect(${a.name})`);
          });
        },
      };
      // Print setup: recorded on the sheet (host.ark(navn).pageLayout), queued like every write.
      const side = (fn) =>
        ws()._koe(() => {
          const a = ws()._oploes();
          a.pageLayout = a.pageLayout || { breaks: [], footer: {} };
          fn(a.pageLayout);
        });
      const defaultForAllPages = {};
      for (const prop of ["leftFooter", "centerFooter", "rightFooter", "leftHeader", "centerHeader", "rightHeader"]) {
        Object.defineProperty(defaultForAllPages, prop, {
          set: (v) => {
            side((p) => (p.footer[prop] = v));
          },
        });
      }
      this.pageLayout = {
        setPrintArea: (a) => side((p) => (p.printArea = a)),
        setPrintTitleRows: (a) => side((p) => (p.printTitleRows = a)),
        headersFooters: { defaultForAllPages },
      };
      for (const prop of ["orientation", "paperSize", "zoom", "leftMargin", "rightMargin", "topMargin", "bottomMargin", "headerMargin", "footerMargin"]) {
        Object.defineProperty(this.pageLayout, prop, {
          set: (v) => {
            side((p) => (p[prop] = v));
          },
        });
      }
      this.horizontalPageBreaks = { add: (a) => side((p) => p.breaks.push(typeof a === "string" ? a : a.address)) };
      this.freezePanes = {
        freezeRows(n) {
          ws()._koe(() => {
            ws()._oploes().frozenRows = n;
          });
        },
      };
      for (const prop of ["tabColor", "showGridlines", "visibility"]) {
        Object.defineProperty(this, prop, {
          set: (v) => {
            this._koe(() => {
              this._oploes().props[prop] = v;
            });
          },
          get: () => this._hent(prop),
        });
      }
    }
    get name() {
      return this._hent("name");
    }
    set name(v) {
      this._koe(() => {
        const a = this._oploes();
        const anden = host.ark(v);
        if (anden && anden !== a && !anden.deleted) throw fejl("ItemAlreadyExists", `Arket ${v} findes allerede`);
        host.log.push(`rename(${a.name} → ${v})`);
        if (host.active === a.name) host.active = v;
        a.name = v;
      });
    }
    _indlaes(props) {
      const a = this._oploes();
      for (const p of props.length ? props : ["name"]) {
        if (p === "name") this._loaded.name = a.name;
        else if (p === "protection/protected") this._loaded["protection/protected"] = a.protected;
        else throw fejl("InvalidArgument", `Den falske vært kan ikke indlæse ${p}`);
      }
    }
    getRange(adresse) {
      return new Range(this._ctx, () => ({ ark: this._oploes(), omraade: parseOmraade(adresse || "A1") }));
    }
    activate() {
      this._koe(() => {
        host.active = this._oploes().name;
      });
    }
    delete() {
      this._koe(() => {
        const a = this._oploes();
        if (host.sheets.filter((s) => !s.deleted).length === 1) throw fejl("InvalidOperation", "Projektmappen skal have mindst ét synligt ark");
        a.deleted = true;
        host.log.push(`delete(${a.name})`);
        if (host.active === a.name) host.active = host.sheets.find((s) => !s.deleted).name;
      });
    }
  }

  function formatProxy(range, sti) {
    const UNDEROBJEKTER = new Set(["fill", "font", "protection"]);
    return new Proxy(
      {},
      {
        get(_t, prop) {
          if (typeof prop !== "string") return undefined;
          if (prop === "autofitColumns" || prop === "autofitRows") return () => range._koe(() => range._oploes());
          if (sti.length === 0 && UNDEROBJEKTER.has(prop)) return formatProxy(range, [prop]);
          if (sti.length === 0 && prop === "borders") return { getItem: (kant) => formatProxy(range, ["borders", kant]) };
          throw fejl("PropertyNotLoaded", `format.${[...sti, prop].join(".")} kan ikke læses i den falske vært`);
        },
        set(_t, prop, value) {
          const path = [...sti, String(prop)].join(".");
          range._koe(() => {
            const { ark, omraade } = range._oploes();
            if (path !== "protection.locked" || ark.protected) kraevSkrivbar(ark, omraade, `format.${path}`);
            ark.formats.push({ address: omraadeTekst(omraade), path, value });
          });
          return true;
        },
      },
    );
  }

  class Range extends KlientObjekt {
    constructor(ctx, oploeser) {
      super(ctx, oploeser);
      this.format = formatProxy(this, []);
      const selv = () => this;
      this.dataValidation = {
        clear() {
          selv()._koe(() => {
            const { ark, omraade } = selv()._oploes();
            const adr = omraadeTekst(omraade);
            ark.validations = ark.validations.filter((v) => v.address !== adr);
          });
        },
      };
      for (const prop of ["rule", "prompt", "errorAlert", "ignoreBlanks"]) {
        Object.defineProperty(this.dataValidation, prop, {
          set(v) {
            selv()._koe(() => {
              const { ark, omraade } = selv()._oploes();
              kraevSkrivbar(ark, omraade, "dataValidation");
              const adr = omraadeTekst(omraade);
              let x = ark.validations.find((y) => y.address === adr);
              if (!x) {
                x = { address: adr, rule: null, prompt: null, errorAlert: null, ignoreBlanks: true };
                ark.validations.push(x);
              }
              if (prop === "prompt" && v && ((v.title || "").length > 32 || (v.message || "").length > 255)) {
                throw fejl("InvalidArgument", "Inputmeddelelsens titel må højst have 32 tegn og teksten 255 tegn");
              }
              x[prop] = v === undefined ? v : JSON.parse(JSON.stringify(v));
            });
          },
        });
      }
    }
    get worksheet() {
      return new Worksheet(this._ctx, () => this._oploes().ark);
    }
    _indlaes(props) {
      const { ark, omraade } = this._oploes();
      for (const p of props.length ? props : ["values", "formulas", "numberFormat", "address"]) {
        if (p === "address") this._loaded.address = `${arkNavnIAdresse(ark.name)}!${omraadeTekst(omraade)}`;
        else if (p === "values") this._loaded.values = celler(omraade).map((r) => r.map((a) => (ark.cells.has(a) ? visVaerdi(ark.cells.get(a)) : "")));
        else if (p === "formulas") this._loaded.formulas = celler(omraade).map((r) => r.map((a) => {
          const c = ark.cells.get(a);
          return c ? c.formula || c.value : "";
        }));
        else if (p === "numberFormat") this._loaded.numberFormat = celler(omraade).map((r) => r.map((a) => (ark.cells.has(a) ? ark.cells.get(a).numberFormat : "General")));
        else throw fejl("InvalidArgument", `Den falske vært kan ikke indlæse ${p}`);
      }
    }
    _skriv2d(v, hvad, saet) {
      this._koe(() => {
        const { ark, omraade } = this._oploes();
        kraev2d(omraade, v, hvad);
        kraevSkrivbar(ark, omraade, hvad === "numberFormat" ? "numberFormat" : "values");
        celler(omraade).forEach((raekke, i) => raekke.forEach((a, j) => saet(celle(ark, a), v[i][j])));
      });
    }
    get values() {
      return this._hent("values");
    }
    set values(v) {
      this._skriv2d(v, "values", (c, x) => {
        if (typeof x === "string" && x.startsWith("=")) {
          c.formula = x;
          c.value = "";
        } else {
          c.formula = null;
          c.value = x === null || x === undefined ? "" : x;
        }
      });
    }
    get formulas() {
      return this._hent("formulas");
    }
    set formulas(v) {
      this.values = v;
    }
    get numberFormat() {
      return this._hent("numberFormat");
    }
    set numberFormat(v) {
      this._skriv2d(v, "numberFormat", (c, x) => {
        c.numberFormat = x;
      });
    }
    get address() {
      return this._hent("address");
    }
    merge(across) {
      this._koe(() => {
        const { ark, omraade } = this._oploes();
        kraevSkrivbar(ark, omraade, "merge");
        ark.merges.push(omraadeTekst(omraade) + (across ? " (across)" : ""));
      });
    }
    /** The cell at (row, column) of this range, 0-based, as Excel's Range.getCell. */
    getCell(r, k) {
      return new Range(this._ctx, () => {
        const { ark, omraade } = this._oploes();
        return { ark, omraade: parseOmraade(kolBogstav(omraade.c1 + k) + (omraade.r1 + r)) };
      });
    }
    select() {
      this._koe(() => {
        const { ark, omraade } = this._oploes();
        host.active = ark.name;
        host.selected = `${ark.name}!${omraadeTekst(omraade)}`;
        host.log.push(`select(${host.selected})`);
      });
    }
  }

  class Names extends KlientObjekt {
    constructor(ctx) {
      super(ctx, () => host.names);
    }
    get items() {
      return this._hent("items");
    }
    _indlaes(props) {
      const felter = new Set();
      for (const p of props) {
        if (p === "items") ["name", "type", "value", "formula", "comment"].forEach((f) => felter.add(f));
        else if (p.startsWith("items/")) felter.add(p.slice(6));
        else throw fejl("InvalidArgument", `Den falske vært kan ikke indlæse names.${p}`);
      }
      this._loaded.items = host.names.filter((n) => !n.deleted).map((n) => {
        const item = new NamedItem(this._ctx, () => (n.deleted ? null : n));
        item._fyld(n, felter);
        return item;
      });
    }
    add(navn, reference, kommentar) {
      const item = new NamedItem(this._ctx, () => host.names.find((n) => n.name === navn && !n.deleted));
      this._koe(() => {
        if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(navn)) throw fejl("InvalidArgument", `Ugyldigt navn ${navn}`);
        if (host.names.some((n) => !n.deleted && n.name.toLowerCase() === navn.toLowerCase())) throw fejl("ItemAlreadyExists", `Navnet ${navn} findes allerede`);
        let ark;
        let adresse;
        if (reference instanceof Range) {
          const r = reference._oploes();
          ark = r.ark;
          adresse = omraadeTekst(r.omraade);
        } else {
          const m = /^=?(.+)!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/i.exec(String(reference));
          if (!m) throw fejl("InvalidArgument", `Den falske vært forstår ikke referencen ${reference}`);
          ark = host.ark(m[1].replace(/^'(.*)'$/, "$1"));
          if (!ark || ark.deleted) throw fejl("InvalidArgument", `Ukendt ark i ${reference}`);
          adresse = m[2].replace(/\$/g, "").toUpperCase();
        }
        host.names.push({ name: navn, sheet: ark, address: adresse, comment: kommentar || "", deleted: false });
      });
      return item;
    }
    getItem(navn) {
      return new NamedItem(this._ctx, () => {
        const n = host.names.find((x) => !x.deleted && x.name.toLowerCase() === navn.toLowerCase());
        if (!n) throw fejl("ItemNotFound", `Navnet ${navn} findes ikke`);
        return n;
      });
    }
    getItemOrNullObject(navn) {
      const item = new NamedItem(this._ctx, () => null);
      return nullbar(item, () => host.names.find((x) => !x.deleted && x.name.toLowerCase() === navn.toLowerCase()) || null);
    }
  }

  class NamedItem extends KlientObjekt {
    _fyld(n, felter) {
      const ref = n.sheet.deleted;
      const vaerdier = {
        name: n.name,
        type: ref ? "Error" : "Range",
        value: ref ? "#REF!" : `${arkNavnIAdresse(n.sheet.name)}!${n.address}`,
        formula: ref ? "=#REF!" : `=${arkNavnIAdresse(n.sheet.name)}!${n.address.split(":").map((a) => `$${a.replace(/(\d)/, "$$$1")}`).join(":")}`,
        comment: n.comment,
      };
      for (const f of felter) {
        if (!(f in vaerdier)) throw fejl("InvalidArgument", `Den falske vært kan ikke indlæse navnets ${f}`);
        this._loaded[f] = vaerdier[f];
      }
    }
    _indlaes(props) {
      const n = this._oploes();
      if (!n) throw fejl("ItemNotFound", "Navnet findes ikke");
      this._fyld(n, props.length ? props : ["name", "type", "value"]);
    }
    get name() {
      return this._hent("name");
    }
    get type() {
      return this._hent("type");
    }
    get value() {
      return this._hent("value");
    }
    getRange() {
      return new Range(this._ctx, () => {
        const n = this._oploes();
        if (!n) throw fejl("ItemNotFound", "Navnet findes ikke");
        if (n.sheet.deleted) throw fejl("InvalidReference", `Navnet ${n.name} henviser til #REF!`);
        return { ark: n.sheet, omraade: parseOmraade(n.address) };
      });
    }
    delete() {
      this._koe(() => {
        const n = this._oploes();
        if (!n) throw fejl("ItemNotFound", "Navnet findes ikke");
        n.deleted = true;
      });
    }
  }

  // ── Globals the add-in expects ────────────────────────────────────────────
  const Excel = {
    async run(batch) {
      const ctx = new Kontekst();
      const resultat = await batch(ctx);
      if (ctx.koe.length) await ctx.sync();
      return resultat;
    },
    RequestContext: Kontekst,
  };

  // ── Office's dialog (displayDialogAsync / messageParent) ─────────────────
  // The dialog is a real browser window that navigates (the service's /login, the OpenID
  // provider's pages, back to the service). Its page loads this file too and talks to the pane
  // over a BroadcastChannel: both are the service's origin, and the pages' Cross-Origin-Opener-
  // Policy cuts window.opener on the way through the provider. host.dialogFejl (a number) makes
  // the next displayDialogAsync fail with that code, as a blocked dialog does in Office.
  const DIALOG_KANAL = "fakehost-dialog";
  host.dialoger = []; // the addresses opened
  host.dialogFejl = null;
  const ui = {
    displayDialogAsync(url, _valg, cb) {
      const fejlkode = host.dialogFejl;
      host.dialogFejl = null;
      if (fejlkode) return void globalThis.setTimeout(() => cb({ status: "failed", error: { code: fejlkode, message: "fake" } }), 0);
      const vindue = globalThis.open(url, "_blank", "popup,width=500,height=700");
      if (!vindue) return void globalThis.setTimeout(() => cb({ status: "failed", error: { code: 12011, message: "blokeret" } }), 0);
      host.dialoger.push(url);
      const kanal = new globalThis.BroadcastChannel(DIALOG_KANAL);
      const haandterere = { dialogMessageReceived: [], dialogEventReceived: [] };
      kanal.onmessage = (ev) => {
        if (ev.data && ev.data.art === "besked") for (const h of haandterere.dialogMessageReceived) h({ message: ev.data.besked, origin: ev.data.origin });
      };
      const dialog = {
        addEventHandler(type, h) {
          haandterere[type].push(h);
        },
        close() {
          kanal.postMessage({ art: "luk" });
          kanal.close();
        },
      };
      globalThis.setTimeout(() => cb({ status: "succeeded", value: dialog }), 0);
    },
    messageParent(besked) {
      const kanal = new globalThis.BroadcastChannel(DIALOG_KANAL);
      kanal.onmessage = (ev) => {
        if (ev.data && ev.data.art === "luk") globalThis.close();
      };
      kanal.postMessage({ art: "besked", besked: String(besked), origin: globalThis.location.origin });
    },
  };

  const Office = {
    HostType: { Excel: "Excel" },
    PlatformType: { PC: "PC" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
    context: { displayLanguage: "da-DK", requirements: { isSetSupported: () => true }, ui },
    onReady(cb) {
      const info = { host: "Excel", platform: "PC" };
      return Promise.resolve().then(() => {
        if (cb) cb(info);
        return info;
      });
    },
    actions: { associate() {} },
    addin: { showAsTaskpane: () => Promise.resolve(), setStartupBehavior: () => Promise.resolve() },
  };

  class CustomFunctionsError extends Error {
    constructor(code, message) {
      super(message);
      this.code = code;
    }
  }
  const CustomFunctions = {
    associated: {},
    associate(id, fn) {
      if (typeof id === "object") Object.assign(CustomFunctions.associated, id);
      else CustomFunctions.associated[id] = fn;
    },
    Error: CustomFunctionsError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!", nullReference: "#NULL!", invalidName: "#NAME?", invalidReference: "#REF!" },
  };

  globalThis.__fakeHost = host;
  globalThis.Office = Office;
  globalThis.Excel = Excel;
  globalThis.CustomFunctions = CustomFunctions;
})();
