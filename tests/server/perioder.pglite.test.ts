import { aabnPglite } from "../../src/server/db";
import { perioderSuite } from "./perioderSuite";

describe("the takst register's periods and in-year changes on PGlite (issue 21)", () => {
  perioderSuite(() => aabnPglite());
});
