import { felt, type FeltNavn } from "../felter";
import { harTypefejl, kr, OMKOSTNINGSFELTER, type Regel } from "../regel";

/** Cost and income lines are entered positive (product.md §3); only the regulering lines (category 9: TS_Regulering, TS_ReguleringPulje) and A1-A6 may be negative. */
export const IKKE_NEGATIVE: readonly FeltNavn[] = [
  "TS_Loen", "TS_Udvikling", "TS_Administration", "TS_Indtaegter", "TS_Tjenestemandspension", "TS_PensionsgivendeLoen",
  "TS_TjmDelingsaftaleKorrektion", "TS_Tilsyn", "TS_Ejendom", "TS_Afskrivninger", "TS_Forrentning", "TS_Oevrige", "TS_Borgerrettet",
];

const RAAD: Partial<Record<FeltNavn, string>> = {
  TS_Indtaegter: "Indtægter skrives som positivt beløb; skemaet trækker dem fra.",
  TS_Oevrige: "Linjen er kun til udgifter; en indtægt skrives som positivt beløb under 4. Indtægter.",
  TS_Borgerrettet: "Den borgerrettede del er en del af omkostningerne ovenfor og skrives som positivt beløb.",
};

/**
 * TS013: a negative amount in a cost or income line (a negative løn once gave a negative
 * takst); the borgerrettede costs are a part of the takstgrundlag, so never above it.
 */
export const TS013: Regel = {
  code: "TS013",
  severity: "error",
  inddata: true,
  felter: IKKE_NEGATIVE,
  beskrivelse: "Et beløb i en omkostnings- eller indtægtslinje er negativt, eller den borgerrettede del er større end takstgrundlaget.",
  check(ctx) {
    for (const navn of IKKE_NEGATIVE) {
      const x = ctx.vaerdier[navn as keyof typeof ctx.vaerdier];
      if (typeof x !== "number" || x >= 0) continue;
      const raad = RAAD[navn] ?? "Omkostninger skrives som positive beløb; indtægter under 4. Indtægter.";
      ctx.fund(navn, `"${felt(navn)!.etiket}" er negativ (${kr(x)}). ${raad} Skrev du ${kr(-x)}?`);
    }
    const borgerrettet = ctx.vaerdier.TS_Borgerrettet;
    const tg = ctx.brugt.takstgrundlag;
    if (borgerrettet !== undefined && borgerrettet > tg && tg > 0 && !harTypefejl(ctx, OMKOSTNINGSFELTER)) {
      ctx.fund("TS_Borgerrettet", `Den borgerrettede del (${kr(borgerrettet)}) er større end takstgrundlaget (${kr(tg)}). Den er en del af omkostningerne ovenfor: skriv kun den direkte borgerrettede del, fx løn til plejepersonale.`);
    }
  },
};
