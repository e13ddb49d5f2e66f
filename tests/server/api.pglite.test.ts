import { aabnPglite } from "../../src/server/db";
import { apiSuite } from "./apiSuite";

describe("API on PGlite", () => {
  apiSuite(() => aabnPglite());
});
