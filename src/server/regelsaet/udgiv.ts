import { lempelser, type Regelsaet, type RegelsaetFund, tjekRegelsaet } from "../../regelsaet";
import type { Db } from "../db";
import { kanoniskJson, sha256Hex } from "../kanonisk";
import { forrigeUdgivet, hentUdgivet, type Udgivelse, udgivRegelsaet } from "./lager";

export type UdgivSvar =
  | { status: 201 | 200; udgivelse: Udgivelse }
  | { status: 409; fejl: string }
  | { status: 422; fejl: string; fund: RegelsaetFund[] };

/**
 * The body may carry `"fjern": true` beside the ruleset's own fields: the confirmation that
 * what the new version drops or loosens is meant (the CLI's --fjern). It is no part of the ruleset.
 */
function udenBekraeftelse(raw: unknown): { raw: unknown; fjern: boolean } {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw) || !("fjern" in raw)) return { raw, fjern: false };
  const { fjern, ...resten } = raw as Record<string, unknown>;
  return { raw: resten, fjern: fjern === true };
}

/** The version before `r`: the newest published or built in below it. */
async function forrige(db: Db, indbyggede: readonly Regelsaet[], r: Regelsaet): Promise<Regelsaet | undefined> {
  const udgivet = await forrigeUdgivet(db, r.id, r.version);
  const indbygget = indbyggede.filter((x) => x.id === r.id && x.version < r.version).sort((a, b) => b.version - a.version)[0];
  return !indbygget || (udgivet && udgivet.version > indbygget.version) ? udgivet : indbygget;
}

/**
 * Publication, shared by POST /api/v1/regelsaet and `takst-server regelsaet udgiv`: check the
 * file (nothing is stored when it has findings), refuse to change a version that exists (built
 * in or published), refuse a new version that drops or loosens a parameter of the one before
 * unless confirmed (`fjern`), store a new one.
 */
export async function udgiv(db: Db, indbyggede: readonly Regelsaet[], krop: unknown, tokenId: string | null, fjernFlag = false): Promise<UdgivSvar> {
  const { raw, fjern } = udenBekraeftelse(krop);
  const t = tjekRegelsaet(raw);
  if (!t.ok) return { status: 422, fejl: "Regelsættet har fejl og er ikke udgivet.", fund: t.fund };
  const r = t.regelsaet;
  const sha256 = sha256Hex(kanoniskJson(r));
  const indbygget = indbyggede.find((x) => x.id === r.id && x.version === r.version);
  if (indbygget && sha256Hex(kanoniskJson(indbygget)) !== sha256) {
    return { status: 409, fejl: `${r.id} version ${r.version} er indbygget i tilføjelsesprogrammet med et andet indhold. Udgiv rettelsen som version ${r.version + 1}.` };
  }
  // A version already stored is answered by the store (same content: 200; other: 409).
  const foer = fjern || fjernFlag || (await hentUdgivet(db, r.id, r.version)) ? undefined : await forrige(db, indbyggede, r);
  const lempet = foer ? lempelser(foer, r) : [];
  if (lempet.length > 0) {
    return {
      status: 422,
      fejl: `${r.id} version ${r.version} fjerner eller lemper ${lempet.length === 1 ? "en regel" : `${lempet.length} regler`} fra version ${foer!.version} og er ikke udgivet. Er det meningen, så udgiv igen med --fjern (API: "fjern": true i kroppen).`,
      fund: lempet,
    };
  }
  const u = await udgivRegelsaet(db, r, sha256, tokenId);
  if (u.art === "konflikt") return { status: 409, fejl: u.besked };
  return { status: u.art === "ny" ? 201 : 200, udgivelse: u.udgivelse };
}
