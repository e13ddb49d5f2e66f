import { celleFor } from "./layout";
import type { Fund } from "./resultat";

const DATO = new Intl.DateTimeFormat("da-DK", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Copenhagen" });

/** True when the skema gives no reason for an in-year change (the store checks the publication). */
export function manglerBegrundelse(vaerdier: Readonly<Record<string, unknown>>): boolean {
  const begrundelse = vaerdier.TS_AendringBegrundelse;
  return !(typeof begrundelse === "string" && begrundelse.trim() !== "");
}

/**
 * product.md §5: once a takstår is published, a new version is an in-year change of a published
 * takst and must say why (TS_AendringBegrundelse). Returns the finding (TS001: the field becomes
 * mandatory) or null when the year is unpublished or a reason is given.
 */
export function aendringIAaretFund(vaerdier: Readonly<Record<string, unknown>>, takstaar: number, offentliggjort: Date | null): Fund | null {
  if (!offentliggjort || !manglerBegrundelse(vaerdier)) return null;
  return {
    code: "TS001",
    severity: "error",
    field: "TS_AendringBegrundelse",
    cell: celleFor("TS_AendringBegrundelse"),
    message: `Taksterne for ${takstaar} blev offentliggjort ${DATO.format(offentliggjort)}. En ny version er en ændring i året og kræver en begrundelse i "Begrundelse for ændring i året".`,
  };
}
