import { afstand } from "../../regelsaet";
import { FELTER, type FeltNavn, YDELSE_KOLONNER } from "../felter";
import { kanoniskKategori, kategoriNavne } from "../kategori";
import type { Regel } from "../regel";
import { kraeverOpdeling } from "./beregning";
import { ikraftUdenforTakstaaret } from "./aendring";

/** TS001: a mandatory field is empty (product.md §3). Computed and system fields are never mandatory. */
export const TS001: Regel = {
  code: "TS001",
  severity: "error",
  inddata: true,
  felter: [...FELTER.filter((f) => f.obligatorisk).map((f) => f.navn), ...YDELSE_KOLONNER.filter((k) => k.obligatorisk).map((k) => k.navn), "TS_Borgerrettet"],
  beskrivelse: "Et obligatorisk felt er tomt.",
  check(ctx) {
    for (const f of FELTER) {
      const obligatorisk = f.obligatorisk || (f.navn === "TS_Borgerrettet" && kraeverOpdeling(ctx));
      if (!obligatorisk || ctx.typefejl.has(f.navn)) continue;
      if (ctx.vaerdier[f.navn] === undefined) {
        const grund = f.obligatorisk ? "" : ` ${ctx.regelsaet?.id ?? ""} kræver taksterne opdelt i basistakst og servicetakst.`;
        ctx.fund(f.navn, `Feltet "${f.etiket}" skal udfyldes.${grund}`);
      }
    }
    // The first row of the Ydelser table is the mandatory ydelse.
    for (const k of YDELSE_KOLONNER) {
      if (!k.obligatorisk || ctx.tabelTypefejl.get(k.navn)?.has(0)) continue;
      const v = ctx.vaerdier[k.navn]?.[0];
      if (v === null || v === undefined) ctx.fund(k.navn, `Den første ydelse skal have "${k.etiket}" udfyldt.`, 0);
    }
  },
};

/** TS002: wrong type — text in a number field, an error value, an ambiguous number text. */
export const TS002: Regel = {
  code: "TS002",
  severity: "error",
  inddata: true,
  felter: [...FELTER.map((f) => f.navn), ...YDELSE_KOLONNER.map((k) => k.navn)],
  beskrivelse: "Et felt har forkert type (tekst i et talfelt, en fejlværdi, et tvetydigt tal).",
  check(ctx) {
    for (const f of FELTER) {
      const besked = ctx.typefejl.get(f.navn as FeltNavn);
      if (besked !== undefined) ctx.fund(f.navn, `Feltet "${f.etiket}" har forkert type: ${besked}.`);
    }
    for (const k of YDELSE_KOLONNER) {
      for (const [i, besked] of ctx.tabelTypefejl.get(k.navn) ?? []) ctx.fund(k.navn, `"${k.etiket}" i række ${i + 1} af Ydelser har forkert type: ${besked}.`, i);
    }
    const udenfor = ikraftUdenforTakstaaret(ctx.vaerdier);
    if (udenfor !== undefined) ctx.fund("TS_AendringIkrafttraedelse", udenfor);
  },
};

/** The known id closest to what was typed, when it is close enough to be a slip. */
function naermesteRegelsaet(skrevet: string, kendte: readonly string[]): string | undefined {
  const norm = skrevet.trim().toUpperCase().replace(/[\s_.]+/g, "-").slice(0, 60);
  let bedst: { id: string; d: number } | undefined;
  for (const id of kendte) {
    const d = afstand(norm, id);
    if (!bedst || d < bedst.d) bedst = { id, d };
  }
  return bedst && bedst.d <= Math.max(2, Math.floor(bedst.id.length / 3)) ? bedst.id : undefined;
}

/** TS003: the ruleset named in TS_Regelsaet is unknown; every ruleset check is then skipped. */
export const TS003: Regel = {
  code: "TS003",
  severity: "error",
  felter: ["TS_Regelsaet"],
  beskrivelse: "Regelsættet findes ikke.",
  check(ctx) {
    if (ctx.regelsaetId !== undefined && ctx.regelsaet === undefined) {
      const forslag = naermesteRegelsaet(ctx.regelsaetId, ctx.kendteRegelsaet);
      const kendte = ctx.kendteRegelsaet.length ? ` Kendte regelsæt: ${ctx.kendteRegelsaet.join(", ")}.` : "";
      ctx.fund("TS_Regelsaet", `Regelsættet "${ctx.regelsaetId}" kendes ikke.${forslag ? ` Mente du ${forslag}?` : ""}${kendte} Kontroller der afhænger af regelsættet er sprunget over.`);
    }
  },
};

/** TS006: a kategori that is not one of the ruleset's (its names and synonyms, any case). */
export const TS006: Regel = {
  code: "TS006",
  severity: "error",
  felter: ["TS_Kategori"],
  beskrivelse: "Kategorien er ikke en af regelsættets kategorier.",
  check(ctx) {
    const k = ctx.vaerdier.TS_Kategori;
    const navne = kategoriNavne(ctx.regelsaet);
    if (k === undefined || !navne || kanoniskKategori(ctx.regelsaet, k) !== undefined) return;
    ctx.fund("TS_Kategori", `Kategorien "${k}" findes ikke i ${ctx.regelsaet?.id}. Vælg en af: ${navne.join(", ")}.`);
  },
};

/** TS004: the takstår differs from the ruleset's year. */
export const TS004: Regel = {
  code: "TS004",
  severity: "warning",
  felter: ["TS_Takstaar"],
  beskrivelse: "Takståret svarer ikke til regelsættets år.",
  check(ctx) {
    const aar = ctx.vaerdier.TS_Takstaar;
    if (ctx.regelsaet && aar !== undefined && aar !== ctx.regelsaet.takstaar) {
      ctx.fund("TS_Takstaar", `Takståret ${aar} svarer ikke til regelsættet ${ctx.regelsaet.id}, som gælder takster for ${ctx.regelsaet.takstaar}.`);
    }
  },
};
