import { aabnPglite } from "../../src/server/db";
import { tilsynSuite } from "./tilsynSuite";

describe("the socialtilsyn's year on PGlite (issue 23)", () => {
  tilsynSuite(() => aabnPglite());
});
