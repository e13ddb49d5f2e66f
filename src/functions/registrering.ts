import { FUNKTIONER } from "./beskrivelser";
import * as funktioner from "./functions";

/**
 * Entry of the functions bundle: binds each SOC id to its adapter. In the shared runtime this
 * script runs in taskpane.html next to the task pane, so both share one JavaScript context.
 */
export function registrer(associate: (id: string, fn: (...args: never[]) => unknown) => void): void {
  const tabel = funktioner as unknown as Record<string, (...args: never[]) => unknown>;
  for (const f of FUNKTIONER) {
    const fn = tabel[f.eksport];
    if (typeof fn !== "function") throw new Error(`SOC.${f.id}: ${f.eksport} findes ikke i functions.ts`);
    associate(f.id, fn);
  }
}

if (typeof CustomFunctions !== "undefined") {
  registrer((id, fn) => CustomFunctions.associate(id, fn as unknown as (...args: unknown[]) => unknown));
}
