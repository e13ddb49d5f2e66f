import { isIP } from "node:net";

/**
 * Which proxies the service believes about the client's address (Fastify's trustProxy): false =
 * none, the socket's address is the client; true = every hop, the left-most X-Forwarded-For
 * address (a client can then choose its own address: only for a proxy that overwrites the header);
 * a hop count; or the proxies' addresses and CIDR ranges.
 */
export type TrustProxy = boolean | number | string[];

/** proxy-addr's names for reserved ranges, accepted in the list as Fastify accepts them. */
const NAVNE = new Set(["loopback", "linklocal", "uniquelocal"]);

function gyldigAdresse(a: string): boolean {
  if (NAVNE.has(a)) return true;
  const [ip, praefiks, ...rest] = a.split("/");
  const version = isIP(ip ?? "");
  if (version === 0 || rest.length > 0) return false;
  if (praefiks === undefined) return true;
  return /^\d{1,3}$/.test(praefiks) && Number(praefiks) <= (version === 4 ? 32 : 128);
}

/** TRUST_PROXY as written in the environment: empty/false, true, a hop count, or a comma list of addresses/CIDRs. */
export function laesTrustProxy(vaerdi: string | undefined): TrustProxy {
  const v = (vaerdi ?? "").trim();
  if (v === "" || v === "false" || v === "0") return false;
  if (v === "true") return true;
  if (/^\d+$/.test(v)) return Number(v);
  const liste = v.split(",").map((a) => a.trim()).filter((a) => a !== "");
  const ugyldige = liste.filter((a) => !gyldigAdresse(a));
  if (ugyldige.length > 0) {
    throw new Error(`Ugyldig TRUST_PROXY: ${ugyldige.join(", ")} (true, et antal proxyer eller proxyernes adresser/CIDR-net adskilt af komma, fx 127.0.0.1,10.0.0.0/8)`);
  }
  return liste;
}
