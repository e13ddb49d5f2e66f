import { danskDato, type Regel, type RegelKontekst } from "../regel";

/**
 * TS130, Bilag 11 (004:4117-4125): a takstforhøjelse "kan som hovedregel tidligst træde i kraft
 * fra tidspunktet for vedtagelsen", and "Tidspunktet for ændringens ikrafttrædelse skal fremgå".
 * A takstreduktion or a teknisk fejl "kan have virkning fra årets start" (004:4127-4146), so only
 * the art takstforhoejelse is judged here; the service also judges a rise in the takst against
 * the register whatever art the skema names.
 */
export const TS130: Regel = {
  code: "TS130",
  severity: "error",
  felter: ["TS_AendringArt", "TS_AendringVedtaget", "TS_AendringIkrafttraedelse"],
  afhaenger: ["TS_AendringArt", "TS_AendringVedtaget", "TS_AendringIkrafttraedelse"],
  beskrivelse: "En takstforhøjelse i årets løb gælder tidligst fra den dato, den blev vedtaget (Bilag 11).",
  check(ctx) {
    if (ctx.vaerdier.TS_AendringArt !== "takstforhoejelse") return;
    const vedtaget = ctx.vaerdier.TS_AendringVedtaget;
    const ikraft = ctx.vaerdier.TS_AendringIkrafttraedelse;
    if (vedtaget === undefined || ikraft === undefined) {
      ctx.fund(vedtaget === undefined ? "TS_AendringVedtaget" : "TS_AendringIkrafttraedelse",
        "En takstforhøjelse i årets løb skal angive både datoen for vedtagelsen og datoen, den gælder fra (Bilag 11).");
    } else if (ikraft < vedtaget) {
      ctx.fund("TS_AendringIkrafttraedelse",
        `Takstforhøjelsen gælder fra ${danskDato(ikraft)}, før den blev vedtaget ${danskDato(vedtaget)}. En takstforhøjelse kan tidligst gælde fra vedtagelsen (Bilag 11); kun en takstreduktion eller en teknisk fejl kan gælde fra 1. januar.`);
    }
  },
};

/**
 * The date a change applies from lies in the takstår (the periods are the year's). product.md §3
 * has no code of its own for it: a date outside the year is not a valid value of the field, so
 * TS002 reports it (the reason, or undefined when the date is in the year or not given).
 */
export function ikraftUdenforTakstaaret(vaerdier: RegelKontekst["vaerdier"]): string | undefined {
  const ikraft = vaerdier.TS_AendringIkrafttraedelse;
  const aar = vaerdier.TS_Takstaar;
  if (ikraft === undefined || aar === undefined || Number(ikraft.slice(0, 4)) === aar) return undefined;
  return `Ændringen gælder fra ${danskDato(ikraft)}, som ikke ligger i takståret ${aar}. En ændring i året gælder fra en dato i takståret.`;
}
