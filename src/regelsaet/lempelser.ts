import { parameter } from "./register";
import { BASIS_SERVICE_OPDELING, type ParameterNavn, type Regelsaet } from "./schema";
import type { RegelsaetFund } from "./tjek";

/** Caps whose higher value lets more through (TS020, TS070, TS011, TS090). */
const LOFTER = ["overheadLoft", "renteLoft", "maksBelaegning"] as const;

const vis = (v: unknown): string => (typeof v === "number" ? String(v).replace(".", ",") : typeof v === "string" ? v : JSON.stringify(v));

/** A cap or deadline raised, the split asked for less (kraeves → forventes → nej). */
function lempet(foer: Regelsaet, efter: Regelsaet): RegelsaetFund[] {
  const fund: RegelsaetFund[] = [];
  for (const navn of LOFTER) {
    const [a, b] = [parameter(foer, navn), parameter(efter, navn)];
    if (a !== undefined && b !== undefined && b > a) fund.push({ sti: `parametre.${navn}`, besked: `lempes fra ${vis(a)} til ${vis(b)}` });
  }
  const [fa, fb] = [parameter(foer, "fristTakster"), parameter(efter, "fristTakster")];
  if (fa !== undefined && fb !== undefined && fb > fa) fund.push({ sti: "parametre.fristTakster", besked: `rykkes fra ${fa} til ${fb}` });
  const [oa, ob] = [parameter(foer, "basisServiceOpdeling"), parameter(efter, "basisServiceOpdeling")];
  if (oa !== undefined && ob !== undefined && BASIS_SERVICE_OPDELING.indexOf(ob) > BASIS_SERVICE_OPDELING.indexOf(oa)) {
    fund.push({ sti: "parametre.basisServiceOpdeling", besked: `lempes fra "${oa}" til "${ob}"` });
  }
  return fund;
}

/**
 * What a new version of a ruleset drops or loosens against the version before it: a parameter
 * left out (its check is then skipped, never guessed: `parametre: {}` switches every cap off), a
 * kategori left out, a cap or deadline raised. Publication asks for explicit confirmation of
 * these (udgiv's `fjern`), so none of it happens by a slip.
 */
export function lempelser(foer: Regelsaet, efter: Regelsaet): RegelsaetFund[] {
  const fjernet = (Object.keys(foer.parametre) as ParameterNavn[])
    .filter((navn) => efter.parametre[navn] === undefined)
    .map((navn) => ({ sti: `parametre.${navn}`, besked: `fjernes (var ${vis(foer.parametre[navn]?.vaerdi)}); kontrollen, der bruger den, springes over` }));
  const nyeKategorier = new Set((parameter(efter, "kategorier") ?? []).map((k) => k.navn.trim().toLowerCase()));
  const kategorier = efter.parametre.kategorier === undefined ? [] : (parameter(foer, "kategorier") ?? [])
    .filter((k) => !nyeKategorier.has(k.navn.trim().toLowerCase()))
    .map((k) => ({ sti: "parametre.kategorier", besked: `kategorien "${k.navn}" fjernes` }));
  return [...fjernet, ...kategorier, ...lempet(foer, efter)];
}
