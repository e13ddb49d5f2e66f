import { aabnPglite } from "../../src/server/db";
import { grupperingSuite } from "./grupperingSuite";

describe("the grouping fields on the service, PGlite (issue 21)", () => {
  grupperingSuite(() => aabnPglite());
});
