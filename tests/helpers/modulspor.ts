import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The preload that writes the loaded modules on exit (modulliste.cjs). */
export const MODULSPOR = join(__dirname, "modulliste.cjs");

/** The packages of node_modules a list written by modulliste.cjs holds (e.g. "exceljs", "@fastify/static"). */
export function pakker(fil: string): Set<string> {
  const ud = new Set<string>();
  for (const sti of readFileSync(fil, "utf8").split("\n")) {
    const m = /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(sti);
    if (m) ud.add(m[1]!.replace("\\", "/"));
  }
  return ud;
}
