import { aabnPglite } from "../../src/server/db";
import { offentligLagerSuite } from "./offentligLagerSuite";

describe("the public takstoversigt kept per edition, two instances on PGlite (issue 27)", () => {
  offentligLagerSuite(() => aabnPglite());
});
