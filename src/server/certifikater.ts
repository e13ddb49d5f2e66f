import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

export interface Certifikat {
  key: Buffer;
  cert: Buffer;
  sti: string;
}

/**
 * Development certificates from office-addin-dev-certs (~/.office-addin-dev-certs). Installing
 * the CA needs sudo/an interactive prompt; when that fails the generated files still work, so
 * the failure is only a warning and never stops the server.
 */
export async function hentCertifikater(advar: (besked: string) => void, mappe = join(homedir(), ".office-addin-dev-certs")): Promise<Certifikat> {
  const certSti = join(mappe, "localhost.crt");
  const keySti = join(mappe, "localhost.key");
  const certs = await import("office-addin-dev-certs");
  if (mappe === join(homedir(), ".office-addin-dev-certs")) {
    try {
      await certs.ensureCertificatesAreInstalled();
    } catch (e) {
      advar(`Kunne ikke installere udviklings-CA'et (${(e as Error).message.split("\n")[0]}). Serveren bruger de genererede certifikater; browseren/Excel skal måske stole på ${join(mappe, "ca.crt")} manuelt.`);
    }
  }
  if (!existsSync(certSti) || !existsSync(keySti)) {
    await certs.generateCertificates(join(mappe, "ca.crt"), certSti, keySti);
  }
  return { key: readFileSync(keySti), cert: readFileSync(certSti), sti: mappe };
}
