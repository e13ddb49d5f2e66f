import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A temporary folder for the enclosing describe: made when the describe is collected (so its
 * path can be a constant), removed with its contents after the describe's tests.
 */
export function midlertidigMappe(praefiks: string): string {
  const sti = mkdtempSync(join(tmpdir(), praefiks));
  afterAll(() => rmSync(sti, { recursive: true, force: true }));
  return sti;
}
