import { join } from "node:path";
import { aabnPglite } from "../../src/server/db";
import { laasDataMappe } from "../../src/server/laas";
import { midlertidigMappe } from "../helpers/mappe";
import { koer } from "./barn";

describe("npx takst-server token …", () => {
  const data = midlertidigMappe("takst-cli-");

  it("creates (printing the token once), lists and revokes tokens; only a hash is stored", async () => {
    const opret = await koer(["token", "opret", "--driftsherre", "Odense Kommune", "--data", data]);
    // kode and stderr together, so a failure says why.
    expect({ kode: opret.kode, fejl: opret.fejl }).toEqual({ kode: 0, fejl: expect.not.stringMatching(/Fejl/) });
    const token = /^(tks_[0-9a-f]{12}_[A-Za-z0-9_-]{43})$/m.exec(opret.ud)?.[1];
    expect(token).toBeDefined();
    const id = token!.split("_")[1]!;
    const sek = await koer(["token", "opret", "--rolle", "sekretariat", "--data", data]);
    expect({ kode: sek.kode, fejl: sek.fejl }).toMatchObject({ kode: 0 });

    const liste = await koer(["token", "liste", "--data", data]);
    expect({ kode: liste.kode, fejl: liste.fejl }).toMatchObject({ kode: 0 });
    expect(liste.ud).toContain(id);
    expect(liste.ud).toContain("Odense Kommune");
    expect(liste.ud).not.toContain(/^tks_[^_]+_(.+)$/.exec(token!)![1]!);

    expect((await koer(["token", "tilbagekald", id, "--data", data])).kode).toBe(0);
    expect((await koer(["token", "tilbagekald", id, "--data", data])).kode).toBe(1);
    const json = JSON.parse((await koer(["token", "liste", "--json", "--data", data])).ud) as { id: string; tilbagekaldt: string | null }[];
    expect(json.find((r) => r.id === id)?.tilbagekaldt).not.toBeNull();

    const db = await aabnPglite(join(data, "pglite"));
    try {
      const rows = await db.query<Record<string, unknown>>("SELECT * FROM tokens");
      const alt = JSON.stringify(rows);
      expect(alt).not.toContain(/^tks_[^_]+_(.+)$/.exec(token!)![1]!);
      expect(rows.every((r) => /^[0-9a-f]{64}$/.test(String(r.hash)))).toBe(true);
    } finally {
      await db.close();
    }
  }, 180_000); // six CLI starts; slow on a loaded 2-core machine

  it("refuses to open the embedded database while another process holds it", async () => {
    const frigiv = laasDataMappe(data);
    try {
      const r = await koer(["token", "liste", "--data", data]);
      expect(r.kode).toBe(1);
      expect(r.fejl).toMatch(/bruges af en anden proces/);
    } finally {
      frigiv();
    }
  });

  it("explains a municipality token without driftsherre and an unknown command", async () => {
    const r = await koer(["token", "opret", "--data", data]);
    expect(r.kode).toBe(1);
    expect(r.fejl).toMatch(/kræver --driftsherre/);
    expect((await koer(["noget"])).kode).toBe(2);
  });
});
