import { aabnPglite } from "../../src/server/db";
import { regelsaetSuite } from "./regelsaetSuite";

describe("Rulesets API on PGlite", () => {
  regelsaetSuite(() => aabnPglite());
});
