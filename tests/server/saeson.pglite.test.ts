import { aabnPglite } from "../../src/server/db";
import { saesonSuite } from "./saesonSuite";

describe("deadlines, the checked publication and the audit trail on PGlite (issue 25)", () => {
  saesonSuite(() => aabnPglite());
});
