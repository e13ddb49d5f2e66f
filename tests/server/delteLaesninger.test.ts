import { delteLaesninger } from "../../src/server/offentliggoerelse/lager";

/** Issue 27: the public list's edition read once for many concurrent viewers, never from a read begun before a request came. */
describe("delteLaesninger", () => {
  it("a caller arriving while a read is in flight gets the next read, shared with everyone arriving meanwhile; alone, a read of its own", async () => {
    const svar: ((v: number) => void)[] = [];
    let startet = 0;
    const hent = delteLaesninger(() => {
      startet++;
      return new Promise<number>((ok) => svar.push(ok));
    });
    const a = hent();
    expect(startet).toBe(1);
    // b and c came after read 1 began: it may miss a change committed just before them.
    const b = hent();
    const c = hent();
    expect(startet).toBe(1);
    svar[0]!(1);
    expect(await a).toBe(1);
    await new Promise((ok) => setImmediate(ok));
    expect(startet).toBe(2);
    svar[1]!(2);
    expect([await b, await c]).toEqual([2, 2]);
    const d = hent();
    expect(startet).toBe(3);
    svar[2]!(3);
    expect(await d).toBe(3);
  });

  it("a failed read fails its callers and the next caller reads again", async () => {
    let n = 0;
    const hent = delteLaesninger(async () => {
      n++;
      if (n === 1) throw new Error("væk");
      return n;
    });
    await expect(hent()).rejects.toThrow("væk");
    expect(await hent()).toBe(2);
  });
});
