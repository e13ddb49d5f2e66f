import { type Regelsaet, type RegelsaetFund, tjekRegelsaet } from "../../regelsaet";
import type { Db } from "../db";
import { kanoniskJson, sha256Hex } from "../kanonisk";
import { type Udgivelse, udgivRegelsaet } from "./lager";

export type UdgivSvar =
  | { status: 201 | 200; udgivelse: Udgivelse }
  | { status: 409; fejl: string }
  | { status: 422; fejl: string; fund: RegelsaetFund[] };

/**
 * Publication, shared by POST /api/v1/regelsaet and `takst-server regelsaet udgiv`: check the
 * file (nothing is stored when it has findings), refuse to change a version that exists (built
 * in or published), store a new one.
 */
export async function udgiv(db: Db, indbyggede: readonly Regelsaet[], raw: unknown, tokenId: string | null): Promise<UdgivSvar> {
  const t = tjekRegelsaet(raw);
  if (!t.ok) return { status: 422, fejl: "Regelsættet har fejl og er ikke udgivet.", fund: t.fund };
  const r = t.regelsaet;
  const sha256 = sha256Hex(kanoniskJson(r));
  const indbygget = indbyggede.find((x) => x.id === r.id && x.version === r.version);
  if (indbygget && sha256Hex(kanoniskJson(indbygget)) !== sha256) {
    return { status: 409, fejl: `${r.id} version ${r.version} er indbygget i tilføjelsesprogrammet med et andet indhold. Udgiv rettelsen som version ${r.version + 1}.` };
  }
  const u = await udgivRegelsaet(db, r, sha256, tokenId);
  if (u.art === "konflikt") return { status: 409, fejl: u.besked };
  return { status: u.art === "ny" ? 201 : 200, udgivelse: u.udgivelse };
}
