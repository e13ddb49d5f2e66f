import { aabnPglite } from "../../src/server/db";
import { efterreguleringPuljeSuite } from "./efterreguleringPuljeSuite";

describe("acceptance 2 with the pool: regnskab to the takster of year + 2 on PGlite (issue 22)", () => {
  efterreguleringPuljeSuite(() => aabnPglite());
});
