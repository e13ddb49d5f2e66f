import { X509Certificate } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

export interface Certifikat {
  key: Buffer;
  cert: Buffer;
  sti: string;
  /** Where the certificate came from: TLS_CERT/TLS_KEY, the kept development files, or new ones. */
  kilde: "tls" | "gemt" | "ny";
}

export const STANDARD_CERT_MAPPE = join(homedir(), ".office-addin-dev-certs");

/** True when the file is a certificate that is valid for at least another day. */
function gyldigEndnu(certSti: string, nu = Date.now()): boolean {
  try {
    const c = new X509Certificate(readFileSync(certSti));
    return Date.parse(c.validTo) > nu + 24 * 3600 * 1000;
  } catch {
    return false;
  }
}

/**
 * The server's TLS certificate. TLS_CERT and TLS_KEY (PEM files) give a real one. Otherwise the
 * development certificates of office-addin-dev-certs (~/.office-addin-dev-certs): kept as long as
 * they are valid, because office-addin-dev-certs makes new ones (and a new CA) at every start when
 * it cannot install the CA without sudo, and a CA trusted by hand would then never last.
 */
export async function hentCertifikater(
  advar: (besked: string) => void,
  mappe = STANDARD_CERT_MAPPE,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Certifikat> {
  if (env.TLS_CERT || env.TLS_KEY) {
    if (!env.TLS_CERT || !env.TLS_KEY) throw new Error("Angiv både TLS_CERT og TLS_KEY (PEM-filer med certifikat og nøgle).");
    for (const f of [env.TLS_CERT, env.TLS_KEY]) if (!existsSync(f)) throw new Error(`Filen ${f} findes ikke (TLS_CERT/TLS_KEY).`);
    return { key: readFileSync(env.TLS_KEY), cert: readFileSync(env.TLS_CERT), sti: env.TLS_CERT, kilde: "tls" };
  }
  const certSti = join(mappe, "localhost.crt");
  const keySti = join(mappe, "localhost.key");
  const caSti = join(mappe, "ca.crt");
  if (existsSync(keySti) && gyldigEndnu(certSti)) {
    return { key: readFileSync(keySti), cert: readFileSync(certSti), sti: mappe, kilde: "gemt" };
  }
  const certs = await import("office-addin-dev-certs");
  if (mappe === STANDARD_CERT_MAPPE) {
    try {
      await certs.ensureCertificatesAreInstalled();
    } catch (e) {
      advar(`Kunne ikke installere udviklings-CA'et (${(e as Error).message.split("\n")[0]}). Serveren bruger de genererede certifikater; browseren/Excel skal stole på ${caSti} manuelt (det gælder, indtil certifikaterne udløber – de laves ikke om ved hver start).`);
    }
  }
  if (!existsSync(certSti) || !existsSync(keySti)) {
    await certs.generateCertificates(caSti, certSti, keySti);
  }
  return { key: readFileSync(keySti), cert: readFileSync(certSti), sti: mappe, kilde: "ny" };
}
