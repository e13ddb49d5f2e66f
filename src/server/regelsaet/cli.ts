import type { z } from "zod";
import { fejlSchema, regelsaetAfvistSchema, regelsaetUdgivelseSchema } from "../../kontrakt";
import { fetchMedCertifikatFejl } from "../../regelsaet/certifikat";
import { laesJsonFil, laesRegelsaetFiler } from "../../regelsaet/fraMappe";
import type { Db } from "../db";
import { type UdgivSvar, udgiv } from "./udgiv";

/**
 * `takst-server regelsaet udgiv fil.json`: straight into the database (PGlite with the server
 * stopped, or PostgreSQL via DATABASE_URL), or with `--server URL --token T` through a running
 * service's POST /api/v1/regelsaet with the secretariat's token.
 */
export async function regelsaetKommando(
  pos: string[],
  flag: Record<string, string | boolean>,
  medDb: <T>(fn: (db: Db) => Promise<T>) => Promise<T>,
  ud: (s: string) => void = (s) => console.log(s),
): Promise<number> {
  const [handling, fil] = pos;
  if (handling !== "udgiv" || !fil) throw new Error('Brug: takst-server regelsaet udgiv fil.json [--server URL --token TOKEN] [--fjern]');
  let raw: unknown;
  try {
    raw = laesJsonFil(fil);
  } catch (e) {
    ud((e as Error).message);
    return 2;
  }
  const server = typeof flag.server === "string" ? flag.server : undefined;
  const fjern = flag.fjern === true;
  const svar = server ? await udgivViaServer(server, tokenFra(flag), raw, fjern) : await medDb((db) => udgiv(db, laesRegelsaetFiler(), raw, null, fjern));
  return rapport(fil, svar, ud);
}

function tokenFra(flag: Record<string, string | boolean>): string {
  const t = typeof flag.token === "string" ? flag.token : process.env.TAKST_TOKEN;
  if (!t) throw new Error("--server kræver sekretariatets token: --token TOKEN (eller miljøvariablen TAKST_TOKEN).");
  return t;
}

async function udgivViaServer(server: string, token: string, raw: unknown, fjern: boolean): Promise<UdgivSvar> {
  // The confirmation travels as the body's "fjern" beside the ruleset (udgiv takes it off).
  const krop = fjern && raw !== null && typeof raw === "object" && !Array.isArray(raw) ? { ...raw, fjern: true } : raw;
  const url = server.trim().replace(/\/+$/, "") + "/api/v1/regelsaet";
  const res = await fetchMedCertifikatFejl("npx takst-server regelsaet udgiv …")(url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify(krop) });
  const data: unknown = await res.json().catch(() => ({}));
  // The answers parsed with the API contract's schemas, as the routes send them.
  const svar = (schema: z.ZodTypeAny) => schema.safeParse(data);
  const udgivelse = svar(regelsaetUdgivelseSchema);
  if ((res.status === 200 || res.status === 201) && udgivelse.success) return { status: res.status, udgivelse: udgivelse.data };
  const afvist = svar(regelsaetAfvistSchema);
  if (res.status === 422 && afvist.success) return { status: 422, fejl: afvist.data.fejl, fund: afvist.data.fund };
  const fejl = svar(fejlSchema);
  if (res.status === 409 && fejl.success) return { status: 409, fejl: fejl.data.fejl };
  throw new Error(`${url} svarede ${res.status}: ${fejl.success ? fejl.data.fejl : "et svar, der ikke kan læses"}${res.status === 403 ? " (brug sekretariatets token)" : ""}`);
}

function rapport(fil: string, s: UdgivSvar, ud: (s: string) => void): number {
  if (s.status === 201 || s.status === 200) {
    const u = s.udgivelse;
    ud(s.status === 201 ? `Udgivet: ${u.id} version ${u.version} (${u.navn}).` : `${u.id} version ${u.version} var allerede udgivet med præcis dette indhold; intet ændret.`);
    return 0;
  }
  if (s.status === 422) {
    ud(`${fil} er ikke udgivet: ${s.fejl.includes("--fjern") ? s.fejl : `${s.fund.length} fejl.`}`);
    for (const f of s.fund) ud(`  ${f.sti}: ${f.besked}`);
    return 2;
  }
  ud(`${fil} er ikke udgivet: ${s.status === 409 ? s.fejl : ""}`);
  return 1;
}
