import { z } from "zod";

/** The waits after the 1st, 2nd, … failed attempt; the last one repeats (capped at an hour). */
export const STANDARD_VENTETIDER_MS: readonly number[] = [30_000, 60_000, 120_000, 300_000, 600_000, 1_800_000, 3_600_000];
/** Days before `fristTakster` a missing driftsherre is reminded, when MAIL_PAAMINDELSE_DAGE is absent. */
export const STANDARD_PAAMINDELSE_DAGE: readonly number[] = [14, 3];

/** E-mail as the service sends it (product.md §5.4); absent = no mail at all. */
export interface MailKonfig {
  /** SMTP_URL, e.g. smtps://bruger:kode@mail.kommune.dk:465 (nodemailer's connection URL). */
  smtpUrl: string;
  /** MAIL_FROM, the sender address. */
  fra: string;
  /** SEKRETARIAT_EMAIL: where the municipalities' answers go; none = answers are not mailed. */
  sekretariat: string | null;
  /** MAIL_PAAMINDELSE_DAGE: reminders this many days before the deadline (empty: none). */
  paamindelseDage: readonly number[];
  /** Back-off between attempts (tests shorten it). */
  ventetider?: readonly number[];
  /** How often the sender looks for due mails. */
  tjekMs?: number;
  /** How often reminders are planned. */
  paamindelseMs?: number;
  /** The time reminders are planned at (tests set a day before a deadline). */
  klokke?: () => Date;
}

const adresse = z.string().trim().email();
const dage = z
  .string()
  .trim()
  .transform((s, ctx) => {
    if (s.toLowerCase() === "ingen") return [];
    const tal = s.split(",").map((d) => Number(d.trim()));
    if (tal.some((d) => !Number.isInteger(d) || d < 0 || d > 365)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "hele dage mellem 0 og 365 adskilt af komma, fx 14,3 (eller ingen)" });
      return z.NEVER;
    }
    return [...new Set(tal)].sort((a, b) => b - a);
  });

const envSchema = z.object({
  SMTP_URL: z.string().trim().regex(/^smtps?:\/\/\S+$/, "en adresse, der begynder med smtp:// eller smtps://").optional(),
  MAIL_FROM: adresse.optional(),
  SEKRETARIAT_EMAIL: adresse.optional(),
  MAIL_PAAMINDELSE_DAGE: dage.optional(),
});

/** An empty variable counts as absent (as `VAR= npm start` gives it). */
const udenTomme = (env: NodeJS.ProcessEnv) => Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ""));

/** SMTP_URL, MAIL_FROM, SEKRETARIAT_EMAIL, MAIL_PAAMINDELSE_DAGE; undefined without SMTP_URL. */
export function laesMailKonfig(env: NodeJS.ProcessEnv): MailKonfig | undefined {
  const p = envSchema.safeParse(udenTomme(env));
  if (!p.success) {
    const i = p.error.issues[0]!;
    const navn = String(i.path[0]);
    throw new Error(`Ugyldig ${navn}: ${env[navn]} (${i.code === "invalid_string" && i.validation === "email" ? "en e-mailadresse" : i.message})`);
  }
  const e = p.data;
  if (!e.SMTP_URL) return undefined;
  if (!e.MAIL_FROM) throw new Error("SMTP_URL er sat, men MAIL_FROM mangler: angiv afsenderadressen, fx MAIL_FROM=takster@rammeaftale.dk.");
  return { smtpUrl: e.SMTP_URL, fra: e.MAIL_FROM, sekretariat: e.SEKRETARIAT_EMAIL ?? null, paamindelseDage: e.MAIL_PAAMINDELSE_DAGE ?? STANDARD_PAAMINDELSE_DAGE };
}

/** The start banner's line: where mail goes, or that none is sent. The URL's password is never shown. */
export function mailBanner(k: MailKonfig | undefined): string {
  if (!k) return "E-mail:     slået fra (SMTP_URL er ikke sat): der sendes ingen kvitteringer, spørgsmål eller påmindelser";
  let vaert = "SMTP_URL";
  try {
    const u = new URL(k.smtpUrl);
    vaert = `${u.protocol}//${u.host}`;
  } catch {
    /* not shown: it may hold a password */
  }
  const dage = k.paamindelseDage.length ? `påmindelser ${k.paamindelseDage.join(" og ")} dage før fristen` : "ingen påmindelser";
  return `E-mail:     via ${vaert} fra ${k.fra}; ${dage}; svar til sekretariatet: ${k.sekretariat ?? "sendes ikke (SEKRETARIAT_EMAIL er ikke sat)"}`;
}
