import "./jestCookie";
import type { FastifyInstance } from "fastify";
import type { Browser, Page } from "playwright-core";
import { buildApp } from "../../src/server/app";
import { aabnPglite, type Db } from "../../src/server/db";
import { opretToken } from "../../src/server/tokens";
import { type Overvaagning, overvaagSide, startChromium } from "../helpers/browser";
import { lytLokalt } from "../helpers/lyt";
import { postOk } from "./fixtures";

/** What a public page's set-up gets: the database, the app, a secretariat token and a POST that must succeed. */
export interface SideData {
  db: Db;
  app: FastifyInstance;
  sek: string;
  post: (sti: string, token: string, body: unknown, kode?: number) => Promise<{ id: string }>;
}

/** The page tests' environment, filled in beforeAll. */
export interface SideMiljoe extends SideData {
  url: string;
  browser: Browser;
  page: Page;
  o: Overvaagning;
}

/**
 * The public pages' browser tests share one set-up: an in-memory service on loopback filled by
 * `udfyld` through the API, Chromium in Danish with every non-loopback request refused and
 * recorded. Call inside a describe block; the returned object is filled before the first test.
 */
export function sideMiljoe(udfyld: (d: SideData) => Promise<void>, viewport?: { width: number; height: number }): SideMiljoe {
  const m = { o: { konsolFejl: [], sideFejl: [], afviste: [] } } as unknown as SideMiljoe;
  beforeAll(async () => {
    m.db = await aabnPglite();
    m.app = await buildApp({ db: m.db, statiskMappe: null, lukDb: true });
    m.sek = (await opretToken(m.db, { rolle: "sekretariat" })).token;
    m.post = (sti, token, body, kode = 201) => postOk(m.app, sti, token, body, kode);
    await udfyld(m);
    m.url = await lytLokalt(m.app);
    m.browser = await startChromium();
    const context = await m.browser.newContext({ ...(viewport ? { viewport } : {}), locale: "da-DK", timezoneId: "Europe/Copenhagen" });
    m.page = await context.newPage();
    await overvaagSide(m.page, m.o);
  });
  afterAll(async () => {
    await m.browser?.close();
    await m.app?.close();
  });
  return m;
}
