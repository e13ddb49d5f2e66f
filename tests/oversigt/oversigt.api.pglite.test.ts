import { oversigtSuite } from "./oversigtSuite";

describe("secretariat overview API on PGlite (issue 7)", () => {
  oversigtSuite();
});
