import { aabnPglite } from "../../src/server/db";
import { offentliggoerelseSuite } from "./offentliggoerelseSuite";

describe("publication and the public takstoversigt on PGlite (issue 14)", () => {
  offentliggoerelseSuite(() => aabnPglite());
});
