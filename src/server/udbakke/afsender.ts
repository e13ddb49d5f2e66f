import nodemailer from "nodemailer";
import type { RegelsaetRegister } from "../../regelsaet";
import type { Db } from "../db";
import { type MailKonfig, STANDARD_VENTETIDER_MS } from "./konfig";
import { planlaegPaamindelser } from "./paamindelser";
import { type TagetMail, markerFejl, markerSendt, tagForfaldne } from "./sql";
import { formuler } from "./tekster";

/** Within this a taken mail is sent or given back; past it another sender may take it (the first stopped). */
const LAAS_MS = 5 * 60_000;
/** A connection, greeting or silent socket longer than this is an error (well within LAAS_MS). */
const SMTP_FRIST_MS = 60_000;
/** A mail refused for temporary reasons is given up after this many attempts (about two days with the standard waits). */
const MAKS_FORSOEG = 60;

const smtp = (url: string) => nodemailer.createTransport({ url, connectionTimeout: SMTP_FRIST_MS, greetingTimeout: SMTP_FRIST_MS, socketTimeout: SMTP_FRIST_MS });

interface Log {
  info(o: object, besked: string): void;
  warn(o: object, besked: string): void;
}

/** What nodemailer's error carries of the server's answer. */
interface SmtpFejl {
  message?: string;
  response?: string;
  responseCode?: number;
}

/**
 * Sends the outbox's due mails over SMTP and plans the reminders, in a loop until stopped. What
 * a refusal leaves is tried again after the next wait of `ventetider`; a permanent refusal
 * (5xx) fails at once. The state is all in the database, so a restarted service (or another one
 * on the same PostgreSQL) goes on where this one stopped.
 */
export class Afsender {
  private readonly transport: ReturnType<typeof smtp>;
  private timer: NodeJS.Timeout | undefined;
  private koerer: Promise<void> = Promise.resolve();
  private stoppet = false;
  private sidstePlanlagt = 0;

  constructor(
    private readonly db: Db,
    /** The service's register: brought up to date before reminders, so a ruleset published since counts. */
    private readonly register: RegelsaetRegister & { opdater?(): Promise<void> },
    private readonly k: MailKonfig,
    private readonly log: Log,
  ) {
    this.transport = smtp(k.smtpUrl);
  }

  start(): void {
    this.planlaeg(0);
  }

  /** Waits for the round under way; nothing is started after. */
  async stop(): Promise<void> {
    this.stoppet = true;
    clearTimeout(this.timer);
    await this.koerer;
    this.transport.close();
  }

  private planlaeg(ms: number): void {
    if (this.stoppet) return;
    this.timer = setTimeout(() => {
      this.koerer = this.runde().finally(() => this.planlaeg(this.k.tjekMs ?? 5000));
    }, ms);
  }

  /** One round: the reminders when due, then every due mail. Never throws (a database down is logged and tried next round). */
  async runde(nu = this.k.klokke?.() ?? new Date()): Promise<void> {
    try {
      if (nu.getTime() - this.sidstePlanlagt >= (this.k.paamindelseMs ?? 15 * 60_000)) {
        await this.register.opdater?.();
        const nye = await planlaegPaamindelser(this.db, this.register, nu, this.k.paamindelseDage);
        this.sidstePlanlagt = nu.getTime();
        if (nye > 0) this.log.info({ antal: nye }, "påmindelser lagt i udbakken");
      }
      // One at a time: a taken mail is sent long before its claim runs out, and a stop waits for one mail only.
      while (!this.stoppet) {
        const [m] = await tagForfaldne(this.db, 1, LAAS_MS);
        if (!m) break;
        await this.send(m);
      }
    } catch (e) {
      this.log.warn({ err: e }, "udbakken kunne ikke gennemgås; prøver igen");
    }
  }

  private async send(m: TagetMail): Promise<void> {
    let emne: string;
    let tekst: string;
    try {
      ({ emne, tekst } = formuler(m.art, m.data));
    } catch (e) {
      await markerFejl(this.db, m.id, `Kunne ikke skrive e-mailen: ${(e as Error).message}`, null);
      return;
    }
    try {
      const info = await this.transport.sendMail({ from: this.k.fra, to: m.modtagere, subject: emne, text: tekst, headers: { "X-Takst-Udbakke": String(m.id), "X-Takst-Art": m.art } });
      const afvist = info.rejected ?? [];
      await markerSendt(this.db, m.id, `${info.response}${afvist.length ? ` (afvist: ${afvist.join(", ")})` : ""}`);
      this.log.info({ udbakke: m.id, art: m.art }, "e-mail sendt");
    } catch (e) {
      const f = e as SmtpFejl;
      const permanent = typeof f.responseCode === "number" && f.responseCode >= 500;
      const ventetider = this.k.ventetider ?? STANDARD_VENTETIDER_MS;
      const vent = permanent || m.forsoeg >= MAKS_FORSOEG ? null : ventetider[Math.min(m.forsoeg, ventetider.length) - 1] ?? 60_000;
      await markerFejl(this.db, m.id, (f.response ?? f.message ?? String(e)).slice(0, 1000), vent);
      this.log.warn({ udbakke: m.id, art: m.art, forsoeg: m.forsoeg, svar: f.response ?? f.message, opgivet: vent === null }, "e-mail ikke sendt");
    }
  }
}
