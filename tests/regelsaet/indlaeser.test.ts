import { lavSkifteligtRegister } from "../../src/regelsaet/delt";
import { CACHE_NOEGLE, indlaesRegelsaet } from "../../src/regelsaet/indlaeser";
import { falskService, hukommelse } from "../helpers/falskService";
import { syd2027 } from "../helpers/regelsaet";

const URL = "http://127.0.0.1:3000";

describe("the ruleset loader (built in + published + cached)", () => {
  it("uses the service's list, caches it, and falls back to the cache and then to the built-in ones", async () => {
    const register = lavSkifteligtRegister();
    const lager = hukommelse();
    const service = falskService([syd2027({ version: 2, overheadLoft: 0.048 })]);
    const nu = () => new Date("2026-11-20T10:00:00Z");

    const online = await indlaesRegelsaet({ serviceUrl: URL, fetchFn: service.fetchFn, lager, register, nu });
    expect(online).toMatchObject({ kilde: "service", hentet: "2026-11-20T10:00:00.000Z", antalUdgivne: 1, beskeder: [] });
    expect(register.ids()).toEqual(["MIDT-2020", "MIDT-2021", "SYD-2018", "SYD-2027"]);
    expect(service.kald).toEqual(["/api/v1/regelsaet", "/api/v1/regelsaet/SYD-2027?version=2"]);
    expect(lager.data.has(CACHE_NOEGLE)).toBe(true);

    service.nede = true;
    const offline = await indlaesRegelsaet({ serviceUrl: URL, fetchFn: service.fetchFn, lager, register: lavSkifteligtRegister() });
    expect(offline).toMatchObject({ kilde: "cache", hentet: "2026-11-20T10:00:00.000Z", antalUdgivne: 1 });
    expect(offline.beskeder[0]).toMatch(/^Bruger den gemte liste: indberetningsservicen kunne ikke nås/);

    const tom = lavSkifteligtRegister();
    const uden = await indlaesRegelsaet({ serviceUrl: URL, fetchFn: service.fetchFn, lager: hukommelse(), register: tom });
    expect(uden.kilde).toBe("indbygget");
    expect(tom.ids()).toEqual(["MIDT-2020", "MIDT-2021", "SYD-2018"]);
  });

  it("reports a ruleset in a newer schemaVersion (update the add-in) and keeps the others", async () => {
    const register = lavSkifteligtRegister();
    const nyere = { ...syd2027(), id: "NORD-2028", schemaVersion: 99, nytFelt: true };
    const service = falskService([nyere, syd2027()]);
    const r = await indlaesRegelsaet({ serviceUrl: URL, fetchFn: service.fetchFn, register });
    expect(r.opdaterTilfoejelsesprogram).toBe(true);
    expect(r.beskeder).toHaveLength(1);
    expect(r.beskeder[0]).toMatch(/NORD-2028 .*format 99.*Opdater tilføjelsesprogrammet/);
    expect(register.find("SYD-2027")?.parametre.overheadLoft?.vaerdi).toBe(0.05);
    expect(register.find("NORD-2028")).toBeUndefined();
  });

  it("a ruleset the add-in has built in (same id and version, never changed) is not fetched again", async () => {
    const register = lavSkifteligtRegister();
    const service = falskService([syd2027({ id: "SYD-2018", takstaar: 2018 }), syd2027()]);
    const r = await indlaesRegelsaet({ serviceUrl: URL, fetchFn: service.fetchFn, register });
    expect(service.kald).toEqual(["/api/v1/regelsaet", "/api/v1/regelsaet/SYD-2027?version=1"]);
    expect(r.antalUdgivne).toBe(1);
    expect(register.hent("SYD-2018").parametre.overheadLoft?.vaerdi).toBe(0.044); // 004:4981
  });
});
