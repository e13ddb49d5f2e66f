import { aabnPglite } from "../../src/server/db";
import { puljerSuite } from "./puljerSuite";

describe("the pool of hensatte overskud in the service on PGlite (issue 22)", () => {
  puljerSuite(() => aabnPglite());
});
