import { aabnPglite } from "../../src/server/db";
import { regnskabSuite } from "./regnskabSuite";

describe("regnskabsskemaer and GET /api/v1/efterregulering on PGlite (issue 22)", () => {
  regnskabSuite(() => aabnPglite());
});
