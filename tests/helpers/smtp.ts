import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/** A mail as the in-process SMTP server received it, decoded. */
export interface Modtaget {
  til: string[];
  fra: string;
  emne: string;
  tekst: string;
  /** The outbox's headers (udbakke/afsender.ts): which row and which kind. */
  udbakkeId: string;
  art: string;
}

export interface TestSmtp {
  url: string;
  mails: Modtaget[];
  /** Refuse with 451 (try again later) at RCPT TO or after DATA, with 550 (never) at RCPT TO, or accept (null). */
  afvis: "rcpt" | "data" | "altid" | null;
  /** How many refusals it has given. */
  afvisninger: number;
  stop(): Promise<void>;
}

/** =?UTF-8?Q?…?= and =?UTF-8?B?…?= words of a header (RFC 2047), adjacent words joined. */
function afkodOrd(s: string): string {
  return s.replace(/\?=\s+=\?/g, "?==?").replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_, _tegnsaet: string, art: string, t: string) =>
    art.toUpperCase() === "B" ? Buffer.from(t, "base64").toString("utf8") : Buffer.from(t.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), "latin1").toString("utf8"),
  );
}

function afkodKrop(krop: string, kodning: string): string {
  if (kodning === "base64") return Buffer.from(krop.replace(/\s+/g, ""), "base64").toString("utf8");
  if (kodning === "quoted-printable") return Buffer.from(krop.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), "latin1").toString("utf8");
  return Buffer.from(krop, "latin1").toString("utf8");
}

/** A single-part plain-text mail (what the service sends) into its headers and text. */
export function afkod(raa: string, til: string[]): Modtaget {
  const skel = raa.indexOf("\r\n\r\n");
  const hoved = raa.slice(0, skel).replace(/\r\n[ \t]+/g, " ");
  const felt = (navn: string) => new RegExp(`^${navn}:\\s*(.*)$`, "im").exec(hoved)?.[1]?.trim() ?? "";
  return {
    til,
    fra: felt("From"),
    emne: afkodOrd(felt("Subject")),
    tekst: afkodKrop(raa.slice(skel + 4), felt("Content-Transfer-Encoding").toLowerCase()).replace(/\r\n/g, "\n"),
    udbakkeId: felt("X-Takst-Udbakke"),
    art: felt("X-Takst-Art"),
  };
}

const fejl451 = () => Object.assign(new Error("Prøv igen senere"), { responseCode: 451 });
const fejl550 = () => Object.assign(new Error("Postkassen findes ikke"), { responseCode: 550 });

/** A real SMTP server (the smtp-server package) on loopback, a free port, plain text, no login. */
export async function startSmtp(): Promise<TestSmtp> {
  const t: Omit<TestSmtp, "url" | "stop"> = { mails: [], afvis: null, afvisninger: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    disableReverseLookup: true,
    logger: false,
    onRcptTo(_adresse, _session, cb) {
      if (t.afvis === "rcpt" || t.afvis === "altid") {
        t.afvisninger++;
        return cb(t.afvis === "altid" ? fejl550() : fejl451());
      }
      cb();
    },
    onData(stream, session, cb) {
      const dele: Buffer[] = [];
      stream.on("data", (d: Buffer) => dele.push(d));
      stream.on("end", () => {
        if (t.afvis === "data") {
          t.afvisninger++;
          return cb(fejl451());
        }
        t.mails.push(afkod(Buffer.concat(dele).toString("latin1"), session.envelope.rcptTo.map((r) => r.address)));
        cb();
      });
    },
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const port = (server.server.address() as AddressInfo).port;
  return Object.assign(t, { url: `smtp://127.0.0.1:${port}`, stop: () => new Promise<void>((ok) => server.close(() => ok())) });
}

/** Waits (polling) until `betingelse` holds; a generous limit, and a message saying what never came. */
export async function ventPaa(betingelse: () => boolean | Promise<boolean>, hvad: string, ms = 60_000): Promise<void> {
  const slut = Date.now() + ms;
  while (!(await betingelse())) {
    if (Date.now() > slut) throw new Error(`Kom ikke inden for ${ms / 1000} s: ${hvad}`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
}
