import { type Regelsaet, parseRegelsaet } from "../../regelsaet";
import { type SkifteligtRegister, lavSkifteligtRegister } from "../../regelsaet/delt";
import type { Sql } from "../db";
import { alleUdgivne, udgivelsesNr } from "./lager";

/** The server's one register: the built-in rulesets and every published one (newest version per id). */
export interface ServerRegister extends SkifteligtRegister {
  readonly indbyggede: readonly Regelsaet[];
  /** Reads the published rulesets again if anyone (this or another server) published since. */
  opdater(): Promise<void>;
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
  return Object.assign(r, { indbyggede, opdater });
}
