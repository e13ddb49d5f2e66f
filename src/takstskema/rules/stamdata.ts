import { FELTER, type FeltNavn } from "../felter";
import type { Regel } from "../regel";

/** TS001: a mandatory field is empty (product.md §3). Computed and system fields are never mandatory. */
export const TS001: Regel = {
  code: "TS001",
  severity: "error",
  felter: FELTER.filter((f) => f.obligatorisk).map((f) => f.navn),
  beskrivelse: "Et obligatorisk felt er tomt.",
  check(ctx) {
    for (const f of FELTER) {
      if (!f.obligatorisk || ctx.typefejl.has(f.navn)) continue;
      if (ctx.v[f.navn] === undefined) ctx.fund(f.navn, `Feltet "${f.etiket}" skal udfyldes.`);
    }
  },
};

/** TS002: wrong type — text in a number field, an error value, an ambiguous number text. */
export const TS002: Regel = {
  code: "TS002",
  severity: "error",
  felter: FELTER.map((f) => f.navn),
  beskrivelse: "Et felt har forkert type (tekst i et talfelt, en fejlværdi, et tvetydigt tal).",
  check(ctx) {
    for (const f of FELTER) {
      const besked = ctx.typefejl.get(f.navn as FeltNavn);
      if (besked !== undefined) ctx.fund(f.navn, `Feltet "${f.etiket}" har forkert type: ${besked}.`);
    }
  },
};

/** TS003: the ruleset named in TS_Regelsaet is unknown; every ruleset check is then skipped. */
export const TS003: Regel = {
  code: "TS003",
  severity: "error",
  felter: ["TS_Regelsaet"],
  beskrivelse: "Regelsættet findes ikke.",
  check(ctx) {
    if (ctx.regelsaetId !== undefined && ctx.r === undefined) {
      ctx.fund("TS_Regelsaet", `Regelsættet "${ctx.regelsaetId}" kendes ikke. Kontroller der afhænger af regelsættet er sprunget over.`);
    }
  },
};

/** TS004: the takstår differs from the ruleset's year. */
export const TS004: Regel = {
  code: "TS004",
  severity: "warning",
  felter: ["TS_Takstaar"],
  beskrivelse: "Takståret svarer ikke til regelsættets år.",
  check(ctx) {
    const aar = ctx.v.TS_Takstaar;
    if (ctx.r && aar !== undefined && aar !== ctx.r.takstaar) {
      ctx.fund("TS_Takstaar", `Takståret ${aar} svarer ikke til regelsættet ${ctx.r.id}, som gælder takster for ${ctx.r.takstaar}.`);
    }
  },
};
