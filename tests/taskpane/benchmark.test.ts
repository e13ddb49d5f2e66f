import { hentBenchmark, placeringer, skemaGruppe, visBenchmark } from "../../src/taskpane/benchmark";
import { BENCHMARK_KOMMUNE } from "../benchmark/eksempel";

/**
 * The pane's "where the takster would stand" (issue 24): the group keys from the validated skema,
 * one request with the pane's token, the answer parsed with the contract, one line per ydelse;
 * a service that is down or answers something else shows nothing. A fetch stand-in answers as the
 * contract says; a small DOM stand-in records what the pane would show.
 */

const IND = { serviceUrl: "http://127.0.0.1:9/", token: "hemmelig" };
const SKEMA = { TS_Takstaar: 2027, TS_Lovgrundlag: "SEL § 108", TS_Maalgruppekategori: "Socialpsykiatri", TS_Takstenhed: "døgn" };
const GRUPPE = { takstaar: 2027, lovgrundlag: "SEL § 108", maalgruppekategori: "Socialpsykiatri", takstenhed: "døgn" };
const YDELSER = [
  { navn: "Gruppe A", takst: 1000 },
  { navn: "Gruppe B", takst: 1650 },
  { navn: "Gruppe C", takst: 1800 },
  { navn: "Gruppe D", takst: 1950 },
  { navn: "Tom", takst: null },
];

function service(svar: () => Response | Promise<Response>) {
  const kald: { sti: string; auth: string | null }[] = [];
  const fetchFn = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    kald.push({ sti: url.pathname + url.search, auth: new Headers(init?.headers).get("authorization") });
    return svar();
  }) as typeof fetch;
  return { kald, fetchFn };
}
const json = (data: unknown, status = 200) => () => new Response(JSON.stringify(data), { status, headers: { "content-type": "application/json" } });

/** Just enough of the DOM for visBenchmark: elements with text and children. */
interface Node { tag: string; textContent: string; className: string; kids: Node[]; hidden: boolean }
function knude(tag: string): Node & { append(...k: Node[]): void; replaceChildren(...k: Node[]): void } {
  const n = { tag, textContent: "", className: "", kids: [] as Node[], hidden: false, append: (...k: Node[]) => n.kids.push(...k), replaceChildren: (...k: Node[]) => (n.kids = k) };
  return n;
}
const tekster = (n: Node): string[] => (n.kids.length ? n.kids.flatMap(tekster) : [n.textContent]);
declare const global: { document?: unknown };
beforeEach(() => {
  global.document = { createElement: knude };
});
afterEach(() => {
  delete global.document;
});

describe("the pane's comparison with this year's group", () => {
  it("reads the group keys from the skema, and none when målgruppekategori is missing", () => {
    expect(skemaGruppe({ ...SKEMA, TS_Lovgrundlag: " SEL § 108 " })).toEqual(GRUPPE);
    expect(skemaGruppe({ ...SKEMA, TS_Maalgruppekategori: undefined })).toBeNull();
  });

  it("asks for the skema's year and group with the pane's token", async () => {
    const s = service(json(BENCHMARK_KOMMUNE));
    const svar = await hentBenchmark(IND.serviceUrl, IND.token, GRUPPE, s.fetchFn);
    expect(svar).toEqual({ ok: true, data: BENCHMARK_KOMMUNE });
    expect(s.kald).toEqual([{ sti: "/api/v1/benchmark?takstaar=2027&lovgrundlag=SEL+%C2%A7+108&maalgruppekategori=Socialpsykiatri&takstenhed=d%C3%B8gn", auth: "Bearer hemmelig" }]);
  });

  it("says per ydelse its index against the median and its position between the quartiles", () => {
    // Median 1.500, Q1 1.200, Q3 1.800: 1.000 / 1.500 × 100 = 66,7 (below Q1); 1.650 → 110,0;
    // 1.800 is on Q3, so between; 1.950 → 130,0 (above Q3). A ydelse without a takst is left out.
    expect(placeringer(BENCHMARK_KOMMUNE, GRUPPE, YDELSER)).toEqual({
      overskrift: "SEL § 108 · Socialpsykiatri · døgn, takstår 2027 indtil nu: median 1.500 kr., 1. kvartil 1.200 kr., 3. kvartil 1.800 kr. (5 takstniveauer fra 5 tilbud).",
      linjer: [
        "Gruppe A: 1.000 kr. – indeks 66,7 (median = 100), under 1. kvartil.",
        "Gruppe B: 1.650 kr. – indeks 110,0 (median = 100), mellem kvartilerne.",
        "Gruppe C: 1.800 kr. – indeks 120,0 (median = 100), mellem kvartilerne.",
        "Gruppe D: 1.950 kr. – indeks 130,0 (median = 100), over 3. kvartil.",
      ],
    });
  });

  it("a group with too few, or none yet, says so and gives no index", () => {
    const lille = { ...GRUPPE, lovgrundlag: "SEL § 107", maalgruppekategori: "Autisme" };
    expect(placeringer(BENCHMARK_KOMMUNE, lille, YDELSER)).toEqual({ overskrift: "SEL § 107 · Autisme · døgn, takstår 2027 indtil nu: for få sammenlignelige", linjer: [] });
    expect(placeringer({ ...BENCHMARK_KOMMUNE, grupper: [] }, GRUPPE, YDELSER).overskrift).toBe(
      "SEL § 108 · Socialpsykiatri · døgn, takstår 2027 indtil nu: For få sammenlignelige: der skal være mindst 3 andre tilbud at sammenligne med.",
    );
  });

  it("shows the lines and that they are information, not an assessment", async () => {
    const boks = knude("div");
    boks.hidden = true;
    await visBenchmark(boks as unknown as HTMLElement, IND, SKEMA, YDELSER.slice(0, 1), service(json(BENCHMARK_KOMMUNE)).fetchFn);
    expect(boks.hidden).toBe(false);
    expect(tekster(boks)).toEqual([
      "Sammenlignelige tilbud",
      expect.stringMatching(/^SEL § 108 · Socialpsykiatri · døgn, takstår 2027 indtil nu: median 1\.500 kr\./),
      "Gruppe A: 1.000 kr. – indeks 66,7 (median = 100), under 1. kvartil.",
      expect.stringMatching(/^Tallene er information: enhedsomkostninger kan ikke stå alene/),
    ]);
  });

  it("shows nothing when the service is down, refuses, answers outside the contract, or the skema has no group", async () => {
    const tilfaelde: [string, ReturnType<typeof service>, Record<string, unknown>][] = [
      ["nede", service(() => Promise.reject(new TypeError("Failed to fetch"))), SKEMA],
      ["401", service(json({ fejl: "Manglende, ugyldigt eller tilbagekaldt token." }, 401)), SKEMA],
      ["andet svar", service(json({ takstaar: 2027, grupper: "ingen" })), SKEMA],
      ["ingen gruppe", service(json(BENCHMARK_KOMMUNE)), { ...SKEMA, TS_Takstenhed: "" }],
    ];
    for (const [hvad, s, skema] of tilfaelde) {
      const boks = knude("div");
      await visBenchmark(boks as unknown as HTMLElement, IND, skema, YDELSER, s.fetchFn);
      expect({ hvad, hidden: boks.hidden, vist: boks.kids.length }).toEqual({ hvad, hidden: true, vist: 0 });
    }
  });

  it("shows only the latest validation's answer when an earlier one arrives late", async () => {
    let slip: () => void = () => undefined;
    const langsom = service(() => new Promise<Response>((ok) => (slip = () => ok(json(BENCHMARK_KOMMUNE)()))));
    const boks = knude("div");
    const foerste = visBenchmark(boks as unknown as HTMLElement, IND, SKEMA, [{ navn: "Gammel", takst: 1000 }], langsom.fetchFn);
    await visBenchmark(boks as unknown as HTMLElement, IND, SKEMA, [{ navn: "Ny", takst: 1650 }], service(json(BENCHMARK_KOMMUNE)).fetchFn);
    slip();
    await foerste;
    expect(tekster(boks)).toContain("Ny: 1.650 kr. – indeks 110,0 (median = 100), mellem kvartilerne.");
    expect(tekster(boks).join(" ")).not.toContain("Gammel");
  });
});
