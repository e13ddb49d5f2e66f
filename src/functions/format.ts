import { D, type Dec, FOERSTE_DAG, kalenderdag, SIDSTE_DAG } from "../engine";
import type { Enhed } from "./beskrivelser";

/**
 * Danish number text for messages (da-DK: thousands ".", decimal ","). Written by hand rather
 * than with Intl so the text is the same in every Excel runtime and in the tests.
 */
export function talDa(vaerdi: Dec | number, maksDecimaler = 6, tusinder = true): string {
  if (typeof vaerdi === "number" && !Number.isFinite(vaerdi)) return Number.isNaN(vaerdi) ? "ikke et tal" : vaerdi > 0 ? "uendelig" : "minus uendelig";
  const d = vaerdi instanceof D ? vaerdi : new D(vaerdi);
  if (!d.isFinite()) return "ikke et tal";
  if (d.isZero()) return "0";
  const abs = d.abs();
  if (abs.gte(1e15) || abs.lt(new D(10).pow(-maksDecimaler))) {
    // Excel's own style for very large or small numbers: 1,23E+20.
    const [mantisse = "", eksponent = ""] = d.toSignificantDigits(4).toExponential().split("e");
    return `${mantisse.replace(".", ",")}E${eksponent.startsWith("-") ? eksponent : `+${eksponent.replace("+", "")}`}`;
  }
  const fast = d.toDecimalPlaces(maksDecimaler).toFixed();
  const [heltal = "", decimaler] = fast.replace("-", "").split(".");
  const grupperet = tusinder ? heltal.replace(/\B(?=(\d{3})+(?!\d))/g, ".") : heltal;
  const tekst = decimaler ? `${grupperet},${decimaler.replace(/0+$/, "")}` : grupperet;
  return (d.isNeg() ? "-" : "") + tekst.replace(/,$/, "");
}

/** A value in its unit: a fraction as a percentage (0,045 → "4,5 %"), money as "1.000 kr.". */
export function vaerdiDa(vaerdi: Dec | number, enhed: Enhed): string {
  if (typeof vaerdi === "number" && !Number.isFinite(vaerdi)) return talDa(vaerdi);
  const d = vaerdi instanceof D ? vaerdi : new D(vaerdi);
  switch (enhed) {
    case "brok":
      return `${talDa(d.times(100), 4)} %`;
    case "kr":
      return `${talDa(d, 2)} kr.`;
    case "dato": {
      // A day number (a date cell's serial number) as the date it stands for; outside the calendar, the number.
      if (d.lt(FOERSTE_DAG) || d.gte(SIDSTE_DAG + 1)) return talDa(d);
      const k = kalenderdag(d.floor().toNumber());
      return `${String(k.dag).padStart(2, "0")}.${String(k.maaned).padStart(2, "0")}.${k.aar}`;
    }
    case "aar":
      // Years and counts of years read without a thousands point: 2018, not 2.018.
      return talDa(d, 6, false);
    default:
      return talDa(d);
  }
}
