import { flet } from "../../bench/resultater";

/** Issue 27: bench/results.json holds only figures of the run that last measured their part. */
describe("bench/run.ts' merge of a run into results.json", () => {
  const foer = {
    taskpane_bundle_gzip_bytes: 16575,
    taskpane_stale_key: 1,
    overview_1000_ms: 844,
    machine: { cpus: 2 },
    parts: { taskpane: { keys: ["taskpane_bundle_gzip_bytes", "taskpane_stale_key"], measured: "2026-11-22" }, oversigt: { keys: ["overview_1000_ms"], measured: "2026-11-22" } },
  };

  it("a re-run part loses every key it wrote last time and keeps the other parts' keys", () => {
    const ud = flet(foer, [{ del: "taskpane", figurer: { taskpane_bundle_gzip_bytes: 30952 } }], false, "2026-12-07");
    expect(ud).toEqual({
      taskpane_bundle_gzip_bytes: 30952,
      overview_1000_ms: 844,
      parts: { oversigt: { keys: ["overview_1000_ms"], measured: "2026-11-22" }, taskpane: { keys: ["taskpane_bundle_gzip_bytes"], measured: "2026-12-07" } },
    });
  });

  it("a run of every part starts empty: no key of an earlier run survives", () => {
    const ud = flet(foer, [{ del: "oversigt", figurer: { overview_1000_ms: 800 } }], true, "2026-12-07");
    expect(ud).toEqual({ overview_1000_ms: 800, parts: { oversigt: { keys: ["overview_1000_ms"], measured: "2026-12-07" } } });
  });

  it("refuses a key written by two parts", () => {
    expect(() => flet(foer, [{ del: "benchmark", figurer: { overview_1000_ms: 877 } }], false, "2026-12-07")).toThrow("benchmark og oversigt skriver begge overview_1000_ms");
    expect(() => flet({}, [{ del: "a", figurer: { x: 1 } }, { del: "b", figurer: { x: 2 } }], true, "2026-12-07")).toThrow("b og a skriver begge x");
  });
});
