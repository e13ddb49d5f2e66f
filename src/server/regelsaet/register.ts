import { type Regelsaet, parseRegelsaet } from "../../regelsaet";
import { type SkifteligtRegister, lavSkifteligtRegister } from "../../regelsaet/delt";
import type { Sql } from "../db";
import { alleUdgivne, udgivelsesNr } from "./lager";

/** The server's one register: the built-in rulesets and every published one (newest version per id). */
export interface ServerRegister extends SkifteligtRegister {
  readonly indbyggede: readonly Regelsaet[];
  /** Reads the published rulesets again if anyone (this or another server) published since. */
  opdater(): Promise<void>;
  /**
   * The publication number (MAX(nr) of regelsaet) the register holds: a submission validated
   * against it is stored only while it is still the newest (lager.ts), so the check costs no
   * query of its own.
   */
  readonly udgivelse: number;
}

export async function lavServerRegister(db: Sql, indbyggede: readonly Regelsaet[]): Promise<ServerRegister> {
  const r = lavSkifteligtRegister(indbyggede);
  let kendt = -1;
  const opdater = async () => {
    const nr = await udgivelsesNr(db);
    if (nr === kendt) return;
    const udgivne: Regelsaet[] = [];
    for (const raw of await alleUdgivne(db)) {
      try {
        udgivne.push(parseRegelsaet(raw));
      } catch {
        // Stored by a newer server (newer schemaVersion): this one keeps what it understands.
      }
    }
    r.saet(indbyggede, udgivne);
    kendt = nr;
  };
  await opdater();
  // A getter, not a copied value: Object.assign would freeze the number at creation.
  return Object.defineProperty(Object.assign(r, { indbyggede, opdater }), "udgivelse", { get: () => kendt, enumerable: true }) as ServerRegister;
}
