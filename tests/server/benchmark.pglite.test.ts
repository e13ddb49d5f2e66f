import { aabnPglite } from "../../src/server/db";
import { benchmarkSuite } from "./benchmarkSuite";

describe("comparable tilbud side by side (GET /api/v1/benchmark) on PGlite (issue 24)", () => {
  benchmarkSuite(() => aabnPglite());
});
