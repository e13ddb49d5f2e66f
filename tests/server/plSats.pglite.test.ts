import { aabnPglite } from "../../src/server/db";
import { plSatsSuite } from "./plSatsSuite";

describe("one PL per year through the service on PGlite (issue 21)", () => {
  plSatsSuite(() => aabnPglite());
});
