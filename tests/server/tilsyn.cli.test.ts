import { midlertidigMappe } from "../helpers/mappe";
import { koer } from "./barn";

// Issue 23: `token opret --rolle socialtilsyn --driftsherre "Socialtilsyn Syd"` through the CLI.
describe("npx takst-server token opret --rolle socialtilsyn", () => {
  const data = midlertidigMappe("takst-cli-tilsyn-");

  it("creates a socialtilsyn's token named after its tilsyn, and refuses one without --driftsherre", async () => {
    const opret = await koer(["token", "opret", "--rolle", "socialtilsyn", "--driftsherre", "Socialtilsyn Syd", "--data", data]);
    expect({ kode: opret.kode, fejl: opret.fejl }).toEqual({ kode: 0, fejl: expect.not.stringMatching(/Fejl/) });
    expect(opret.ud).toContain("rolle socialtilsyn, driftsherre Socialtilsyn Syd");
    const uden = await koer(["token", "opret", "--rolle", "socialtilsyn", "--data", data]);
    expect(uden.kode).not.toBe(0);
    expect(uden.fejl).toContain("Et socialtilsyns token kræver --driftsherre");
    const forkert = await koer(["token", "opret", "--rolle", "tilsyn", "--driftsherre", "X", "--data", data]);
    expect(forkert.fejl).toContain("brug kommune, sekretariat eller socialtilsyn");
  });
});
