import { aabnPglite } from "../../src/server/db";
import { dialogSuite } from "./dialogSuite";

describe("dialogue, versions and receipt numbers on PGlite (issue 14)", () => {
  dialogSuite(() => aabnPglite());
});
