import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { aabnPglite } from "../../src/server/db";
import { udbakkeSuite } from "./udbakkeSuite";

describe("e-mail through the outbox on PGlite (issue 25)", () => {
  // On disk: the restart test opens the same data again.
  const mappe = mkdtempSync(join(tmpdir(), "takst-udbakke-"));
  afterAll(() => rmSync(mappe, { recursive: true, force: true }));
  udbakkeSuite(() => aabnPglite(mappe));
});
