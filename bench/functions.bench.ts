import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { FUNKTIONER } from "../src/functions/beskrivelser";
import { StubFejl } from "../tests/functions/customFunctionsStub";
import { sideScripts } from "../tests/functions/dist";
import { kaldPrSekund, median } from "./maal";

/**
 * 1. Size of the custom functions bundle as Excel downloads it: dist/functions.js from a fresh
 *    production build, gzip-compressed (zlib's default level, what a server's gzip sends), and
 *    every script the shared-runtime page (taskpane.html) loads.
 * 2. Every SOC function as the production bundle registers it (what Excel calls, with Excel's argument
 *    shapes), beside the engine's decimal.js path, its double fast path and the same formula in
 *    plain doubles (the limit), measured in alternating rounds in this one run, medians.
 */

const RUNDER = 7;
const MS_PR_RUNDE = 250;

// Results are folded into a sink so the JIT cannot drop the plain-number calls as dead code.
let sink = 0;
const keep = (n: unknown) => {
  if (typeof n === "number") sink += n;
};

type Variant = "adapter" | "engine_fast" | "engine_decimal" | "number";
type Celle = string | number | boolean | null;

function cyklisk<T>(pulje: T[], f: (a: T) => unknown): () => void {
  let i = 0;
  return () => {
    keep(f(pulje[i]!));
    i = (i + 1) & (pulje.length - 1);
  };
}

/** 1,024 realistic argument sets for one function, from its index i (no constants the JIT could fold). */
const N = 1024;
function pulje<T>(lav: (i: number) => T): T[] {
  return Array.from({ length: N }, (_, i) => lav(i));
}

const halvtVaek = (x: number) => Math.sign(x) * Math.round(Math.abs(x)) || 0;
const kolonne = (xs: readonly Celle[]): Celle[][] => xs.map((x) => [x]);

/** Excel's EDATE in plain doubles (day numbers from 30.12.1899), the limit of BETALINGSPERIODE's default. */
const NUL = Date.UTC(1899, 11, 30);
function edateTal(d: number, maaneder: number): number {
  const t = new Date(NUL + d * 86_400_000);
  const y = t.getUTCFullYear();
  const m = t.getUTCMonth() + maaneder;
  const sidste = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Math.round((Date.UTC(y, m, Math.min(t.getUTCDate(), sidste)) - NUL) / 86_400_000);
}

/** Largest remainder in plain doubles (the limit of OBJFIN "REST" and LUKNING.FORDEL). */
function fordelRestTal(beloeb: number, noegle: readonly number[]): number[] {
  const total = noegle.reduce((a, b) => a + b, 0);
  const abs = Math.abs(beloeb);
  const exact = noegle.map((k) => (abs * k) / total);
  const floors = exact.map(Math.floor);
  let missing = abs - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, f: e - Math.floor(e) })).sort((a, b) => b.f - a.f || a.i - b.i);
  for (const { i } of order) {
    if (missing-- <= 0) break;
    floors[i]! += 1;
  }
  return beloeb < 0 ? floors.map((f) => -f) : floors;
}

const udOverTal = (r: number, b: number, g = 0.05) => (r > b * g ? r - b * g : r < -b * g ? r + b * g : 0);

type Funktioner = typeof import("../src/functions/functions");

/**
 * The SOC functions as Excel gets them: the production bundle run as a script in this realm,
 * each function taken from its CustomFunctions.associate call (as tests/functions/bundle.test.ts
 * does). Under tsx every call between modules goes through an export getter (up to a fifth of a
 * fast path's time in a profile); the bundle has none. Not in a vm context: there every global
 * (Math, Number) is looked up through the context's interceptor, 20x slower than Excel's runtime.
 */
function bundleFunktioner(fil: string): Funktioner {
  const associeret = new Map<string, unknown>();
  const CustomFunctions = { Error: StubFejl, ErrorCode: { invalidValue: "#VALUE!" }, associate: (id: string, fn: unknown) => associeret.set(id, fn) };
  new Function("CustomFunctions", readFileSync(fil, "utf8"))(CustomFunctions); // the bundle's own text, run as Excel runs it
  return Object.fromEntries(FUNKTIONER.map((f) => [f.eksport, associeret.get(f.id)])) as unknown as Funktioner;
}

async function kaldFigurer(bundle: string): Promise<Record<string, unknown>> {
  const a = bundleFunktioner(bundle);
  const m = await import("../src/engine");
  const dec = <T>(f: () => T) => m.kunDecimal(f);

  // TAKSTSTRUKTUR: a Ydelser table of 10 rows as Excel passes it, 1-4 blank rows at the end ("").
  const struktur = pulje((i) => {
    const raekker = 6 + (i % 4);
    const pladser: Celle[] = [];
    const belaegning: Celle[] = [];
    const ressource: Celle[] = [];
    for (let r = 0; r < 10; r++) {
      pladser.push(r < raekker ? 2 + ((i + r * 7) % 30) : "");
      belaegning.push(r < raekker ? (80 + ((i + r) % 20)) / 100 : "");
      ressource.push(r < raekker && r % 3 !== 0 ? 1 + ((i * r) % 40) / 10 : "");
    }
    const ydelser = pladser.map((p, r) => (p === "" ? { pladser: null, belaegning: null, ressource: null } : { pladser: p as number, belaegning: belaegning[r] as number, ressource: ressource[r] === "" ? null : (ressource[r] as number) }));
    return { basis: 4_000_000 + ((i * 7919) % 6_000_000), service: 2_000_000 + ((i * 104_729) % 8_000_000), pladser: kolonne(pladser), belaegning: kolonne(belaegning), ressource: kolonne(ressource), ydelser };
  });
  const strukturTal = (s: (typeof struktur)[number]) => {
    let sumBd = 0;
    let sumRBd = 0;
    for (const y of s.ydelser) {
      if (y.pladser === null) continue;
      const bd = y.pladser * 365 * y.belaegning!;
      sumBd += bd;
      sumRBd += (y.ressource ?? 1) * bd;
    }
    const basistakst = halvtVaek(s.basis / sumBd);
    return s.ydelser.map((y) => {
      if (y.pladser === null) return ["", "", ""];
      const st = halvtVaek((s.service * (y.ressource ?? 1)) / sumRBd);
      return [basistakst, st, basistakst + st];
    });
  };

  const noegler = pulje((i) => Array.from({ length: 10 }, (_, r) => 1_000 + (((i + 1) * (r + 3) * 7919) % 40_000)));
  const objfin = pulje((i) => ({ beloeb: 10_000_000 + ((i * 7919) % 20_000_000), noegle: noegler[i]!, omraade: kolonne(noegler[i]!) }));
  const tilsyn = pulje((i) => ({ behov: 20_000_000 + ((i * 7919) % 5_000_000), antal: [150 + (i % 30), 100 + (i % 20), 150 + (i % 10), 40 + (i % 5)] }));
  const lukning = pulje((i) => ({ r: -900_000 + ((i * 15_485_863) % 1_800_000), e: 1_000_000 + ((i * 7919) % 4_000_000), s: 20_000_000 + ((i * 104_729) % 20_000_000) }));
  const lFordel = pulje((i) => ({ r: -90_000 + ((i * 15_485_863) % 180_000), b: noegler[i]!.slice(0, 5).map((x) => x * 100), egne: noegler[i]!.slice(5).map((x, r) => (r % 2 ? -x : x) * 10) }));
  const datoer = pulje((i) => ({ fra: 43_000 + ((i * 37) % 2_000), dage: 1 + ((i * 13) % 400), takst: 1_000 + ((i * 7919) % 5_000) }));
  const aktiver = pulje((i) => ({ sum: 200_000 + ((i * 7919) % 5_000_000), levetid: 3 + (i % 30), start: 2000 + (i % 20), aar: 2018 }));
  const satser = pulje((i) => ({ x: 1_000_000 + ((i * 104_729) % 50_000_000), s: (i % 200) / 10_000 }));
  const belaeg = pulje((i) => ({ a: (80 + (i % 20)) / 100, b: (85 + (i % 15)) / 100 }));
  const udvikling = pulje((i) => ({ ny: 1_000 + ((i * 7919) % 5_000), sidste: 1_000 + ((i * 104_729) % 5_000), pl: (100 + (i % 300)) / 10_000 }));
  const efterreg = pulje((i) => ({ r: -900_000 + ((i * 15_485_863) % 1_800_000), b: 2_000_000 + ((i * 7919) % 8_000_000) }));
  const takst = pulje((i) => ({ g: 5_000_000 + ((i * 7919) % 20_000_000), p: 5 + (i % 40), b: 0.8 + (i % 20) / 100 }));
  const model = pulje((i) => ({ a1: 10_000_000 + ((i * 7919) % 5_000_000), a2: 9_000_000 + ((i * 104_729) % 5_000_000), a3: (i % 7) * 10_000 - 30_000, a6: (i % 5) * 5_000 }));
  const of = pulje((i) => ({ behov: 20_000_000 + ((i * 7919) % 10_000_000), f: 800 + (i % 800), n: i % 100 }));

  const varianter: Record<string, Record<Variant, (() => void) | null>> = {
    TAKST: {
      adapter: cyklisk(takst, (x) => a.takst(x.g, x.p, x.b, null, null)),
      engine_fast: cyklisk(takst, (x) => m.hurtigTakst(x.g, x.p, x.b)),
      engine_decimal: cyklisk(takst, (x) => dec(() => m.takstTal(x.g, x.p, x.b))),
      number: cyklisk(takst, (x) => halvtVaek(x.g / (x.p * 365 * x.b))),
    },
    TAKSTSTRUKTUR: {
      adapter: cyklisk(struktur, (x) => a.takststruktur(x.basis, x.service, x.pladser, x.belaegning, x.ressource, null)),
      engine_fast: cyklisk(struktur, (x) => m.hurtigTakststruktur(x.basis, x.service, x.ydelser, 365)),
      engine_decimal: cyklisk(struktur, (x) => dec(() => m.takststrukturTal(x.basis, x.service, x.ydelser, 365))),
      number: cyklisk(struktur, strukturTal),
    },
    OVERHEAD: {
      adapter: cyklisk(satser, (x) => a.overhead(x.x, x.s, null)),
      engine_fast: cyklisk(satser, (x) => m.hurtigOverhead(x.x, x.s)),
      engine_decimal: cyklisk(satser, (x) => dec(() => m.overheadTal(x.x, x.s))),
      number: cyklisk(satser, (x) => halvtVaek(x.x * x.s)),
    },
    EFTERREG: {
      adapter: cyklisk(efterreg, (x) => a.efterreg(x.r, x.b, null)),
      engine_fast: cyklisk(efterreg, (x) => m.hurtigEfterregulering(x.r, x.b)),
      engine_decimal: cyklisk(efterreg, (x) => dec(() => m.efterreguleringTal(x.r, x.b))),
      number: cyklisk(efterreg, (x) => {
        const o = udOverTal(x.r, x.b);
        return o === 0 ? 0 : -o;
      }),
    },
    "EFTERREG.MODEL": {
      adapter: cyklisk(model, (x) => a.efterregModel(x.a1, x.a2, x.a3, x.a6)),
      engine_fast: cyklisk(model, (x) => m.efterregModelTal(x.a1, x.a2, x.a3, x.a6)),
      engine_decimal: cyklisk(model, (x) => dec(() => m.efterregModelTal(x.a1, x.a2, x.a3, x.a6))),
      number: cyklisk(model, (x) => {
        const a4 = x.a2 + x.a3;
        const a5 = x.a1 - a4;
        return [["A1", x.a1], ["A2", x.a2], ["A3", x.a3], ["A4", a4], ["A5", a5], ["A6", x.a6], ["A7", a5 - x.a6]];
      }),
    },
    OBJFIN: {
      adapter: cyklisk(objfin, (x) => a.objfin(x.beloeb, x.omraade, null)),
      engine_fast: cyklisk(objfin, (x) => m.hurtigFordel(x.beloeb, x.noegle, "REST")),
      engine_decimal: cyklisk(objfin, (x) => dec(() => m.fordelTal(x.beloeb, x.noegle, "REST"))),
      number: cyklisk(objfin, (x) => fordelRestTal(x.beloeb, x.noegle).map((v) => [v])),
    },
    TILSYNSKATEGORI: {
      adapter: cyklisk(takst, (x) => a.tilsynskategori(x.p)),
      engine_fast: cyklisk(takst, (x) => m.hurtigTilsynskategori(x.p)),
      engine_decimal: cyklisk(takst, (x) => dec(() => m.tilsynskategoriTal(x.p))),
      number: cyklisk(takst, (x) => (x.p <= 7 ? 1 : x.p <= 24 ? 2 : x.p <= 49 ? 3 : 4)),
    },
    TILSYNSTAKST: {
      adapter: cyklisk(tilsyn, (x) => a.tilsynstakst(x.behov, [x.antal], null as unknown as number[][], null)),
      engine_fast: cyklisk(tilsyn, (x) => m.hurtigTilsynstakster(x.behov, x.antal, [1, 1.2, 2, 3])),
      engine_decimal: cyklisk(tilsyn, (x) => dec(() => m.tilsynstaksterTal(x.behov, x.antal))),
      number: cyklisk(tilsyn, (x) => {
        const w = [1, 1.2, 2, 3];
        const base = x.behov / (x.antal[0]! * w[0]! + x.antal[1]! * w[1]! + x.antal[2]! * w[2]! + x.antal[3]! * w[3]!);
        return [w.map((v) => halvtVaek(base * v))];
      }),
    },
    OFPLEJEFAMILIE: {
      adapter: cyklisk(of, (x) => a.ofplejefamilie(x.behov, x.f, x.n)),
      engine_fast: cyklisk(of, (x) => m.hurtigOfPrPlejefamilie(x.behov, x.f, x.n)),
      engine_decimal: cyklisk(of, (x) => dec(() => m.ofPrPlejefamilieTal(x.behov, x.f, x.n))),
      number: cyklisk(of, (x) => Math.trunc(x.behov / (x.f + x.n))),
    },
    LUKNING: {
      adapter: cyklisk(lukning, (x) => a.lukning(x.r, x.e, x.s, null, null)),
      engine_fast: cyklisk(lukning, (x) => m.hurtigLukning(x.r, x.e, x.s)),
      engine_decimal: cyklisk(lukning, (x) => dec(() => m.lukningTal(x.r, x.e, x.s, "kommune"))),
      number: cyklisk(lukning, (x) => {
        const over = udOverTal(x.r, x.s);
        const ekstra = halvtVaek((over * x.e) / x.s);
        return [[x.r - over, ekstra, over - ekstra]];
      }),
    },
    "LUKNING.FORDEL": {
      adapter: cyklisk(lFordel, (x) => a.lukningFordel(x.r, kolonne(x.b), kolonne(x.egne), null)),
      engine_fast: cyklisk(lFordel, (x) => m.hurtigLukningFordel(x.r, x.b, x.egne)),
      engine_decimal: cyklisk(lFordel, (x) => dec(() => m.lukningFordelTal(x.r, x.b, x.egne))),
      number: cyklisk(lFordel, (x) =>
        fordelRestTal(x.r, x.b).map((andel, i) => {
          const efter = x.egne[i]! + andel;
          return [andel, efter, udOverTal(efter, x.b[i]!)];
        }),
      ),
    },
    OVERTAGELSE: {
      adapter: cyklisk(lukning, (x) => a.overtagelse(x.r, x.e, x.s)),
      engine_fast: cyklisk(lukning, (x) => m.hurtigOvertagelse(x.r, x.e, x.s)),
      engine_decimal: cyklisk(lukning, (x) => dec(() => m.overtagelseTal(x.r, x.e, x.s))),
      number: cyklisk(lukning, (x) => {
        const f = halvtVaek((x.r * x.e) / x.s);
        return [[f, x.r - f]];
      }),
    },
    BETALINGSPERIODE: {
      adapter: cyklisk(datoer, (x) => a.betalingsperiode(x.fra, "botilbud", null, null, null)),
      // No decimal.js left in it: its dates are read as plain numbers (dato.ts).
      engine_fast: cyklisk(datoer, (x) => m.betalingsperiode(x.fra, "botilbud")),
      engine_decimal: null,
      number: cyklisk(datoer, (x) => edateTal(x.fra, 2)),
    },
    BETALING: {
      adapter: cyklisk(datoer, (x) => a.betaling(x.takst, x.fra, x.fra + x.dage)),
      engine_fast: cyklisk(datoer, (x) => m.hurtigBetaling(x.takst, x.fra, x.fra + x.dage)),
      engine_decimal: cyklisk(datoer, (x) => dec(() => m.betalingTal(x.takst, x.fra, x.fra + x.dage))),
      number: cyklisk(datoer, (x) => x.takst * (x.dage + 1)),
    },
    AFSKRIVNING: {
      adapter: cyklisk(aktiver, (x) => a.afskrivning(x.sum, x.levetid, x.start, x.aar, null, null)),
      engine_fast: cyklisk(aktiver, (x) => m.hurtigAfskrivning(x.sum, x.levetid, x.start, x.aar, { art: "ANDET" })),
      engine_decimal: cyklisk(aktiver, (x) => dec(() => m.afskrivningTal(x.sum, x.levetid, x.start, x.aar, { art: "ANDET" }))),
      number: cyklisk(aktiver, (x) => (x.aar >= x.start && x.aar < x.start + x.levetid ? halvtVaek(x.sum / x.levetid) : 0)),
    },
    FORRENTNING: {
      adapter: cyklisk(satser, (x) => a.forrentning(x.x, x.s, null)),
      engine_fast: cyklisk(satser, (x) => m.hurtigForrentning(x.x, x.s)),
      engine_decimal: cyklisk(satser, (x) => dec(() => m.forrentningTal(x.x, x.s))),
      number: cyklisk(satser, (x) => halvtVaek(x.x * x.s)),
    },
    BELAEGNING: {
      adapter: cyklisk(belaeg, (x) => a.belaegning(x.a, x.b)),
      engine_fast: cyklisk(belaeg, (x) => m.hurtigGennemsnitligBelaegning(x.a, x.b)),
      engine_decimal: cyklisk(belaeg, (x) => dec(() => m.gennemsnitligBelaegningTal(x.a, x.b))),
      number: cyklisk(belaeg, (x) => (x.a + x.b) / 2),
    },
    PLREG: {
      adapter: cyklisk(satser, (x) => a.plreg(x.x, x.s)),
      engine_fast: cyklisk(satser, (x) => m.hurtigPlRegulering(x.x, x.s)),
      engine_decimal: cyklisk(satser, (x) => dec(() => m.plReguleringTal(x.x, x.s))),
      number: cyklisk(satser, (x) => halvtVaek(x.x * (1 + x.s))),
    },
    TAKSTUDVIKLING: {
      adapter: cyklisk(udvikling, (x) => a.takstudvikling(x.ny, x.sidste, x.pl)),
      engine_fast: cyklisk(udvikling, (x) => m.hurtigTakstudvikling(x.ny, x.sidste, x.pl)),
      engine_decimal: cyklisk(udvikling, (x) => dec(() => m.takstudviklingBroekTal(x.ny, x.sidste, x.pl))),
      number: cyklisk(udvikling, (x) => x.ny / (x.sidste * (1 + x.pl)) - 1),
    },
    TJMPENSION: {
      adapter: cyklisk(satser, (x) => a.tjmpension(x.x, x.s, null)),
      engine_fast: cyklisk(satser, (x) => m.hurtigTjenestemandspension(x.x, x.s)),
      engine_decimal: cyklisk(satser, (x) => dec(() => m.tjenestemandspensionTal(x.x, x.s))),
      number: cyklisk(satser, (x) => halvtVaek(x.x * x.s)),
    },
  };

  const ud: Record<string, unknown> = {};
  for (const [navn, v] of Object.entries(varianter)) {
    const maalinger: Record<string, number[]> = { adapter: [], engine_fast: [], engine_decimal: [], number: [] };
    for (let r = 0; r < RUNDER; r++) {
      for (const [variant, fn] of Object.entries(v)) if (fn) maalinger[variant]!.push(kaldPrSekund(fn, MS_PR_RUNDE));
    }
    const med = (k: string) => (maalinger[k]!.length ? Math.round(median(maalinger[k]!)) : null);
    const graense = med("number")!;
    const forhold = (x: number | null) => (x === null ? null : Math.round((x / graense) * 1000) / 1000);
    ud[navn] = {
      adapter_calls_per_s: med("adapter"),
      engine_fast_calls_per_s: med("engine_fast"),
      engine_decimal_calls_per_s: med("engine_decimal"),
      number_calls_per_s: graense,
      limit: "number_calls_per_s",
      ratio_to_limit: forhold(med("adapter")),
      engine_fast_ratio_to_limit: forhold(med("engine_fast")),
      engine_decimal_ratio_to_limit: forhold(med("engine_decimal")),
    };
  }
  ud.note = `every SOC function, calls per second through the function as the production bundle registers it with Excel (dist/functions.js) with arguments as Excel passes them (adapter: ranges as 2-D arrays, "" blanks, null for omitted), the engine's fast path and decimal.js path (kunDecimal; none for BETALINGSPERIODE, which has no decimal.js left), and the same formula in plain doubles (the limit); 1,024 realistic argument sets cycled, ${RUNDER} alternating rounds of ${MS_PR_RUNDE} ms, medians`;
  return ud;
}

export async function run(): Promise<Record<string, unknown>> {
  const rod = join(__dirname, "..");
  const start = process.hrtime.bigint();
  execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"], { cwd: rod, stdio: "ignore" });
  const byggesekunder = Number(process.hrtime.bigint() - start) / 1e9;
  const dist = join(rod, "dist");
  const bundle = readFileSync(join(dist, "functions.js"));
  const scripts = sideScripts(readFileSync(join(dist, "taskpane.html"), "utf8"));
  const sideGzip = scripts.reduce((s, f) => s + gzipSync(readFileSync(join(dist, f))).length, 0);
  return {
    functions_bundle_gzip_bytes: gzipSync(bundle).length,
    functions_bundle_bytes: bundle.length,
    shared_page_scripts: scripts,
    shared_page_scripts_gzip_bytes: sideGzip,
    production_build_seconds: Math.round(byggesekunder * 10) / 10,
    functions: await kaldFigurer(join(dist, "functions.js")),
    ...(Number.isNaN(sink) ? { sink } : {}),
  };
}
