import { laesMailKonfig, mailBanner } from "../../src/server/udbakke/konfig";
import { dageTilFrist, paamindelseIDag } from "../../src/server/udbakke/paamindelser";
import { formuler } from "../../src/server/udbakke/tekster";

/** Issue 25: the e-mail settings, the reminders' days and the texts, without a server. */
describe("the e-mail settings (SMTP_URL, MAIL_FROM, SEKRETARIAT_EMAIL, MAIL_PAAMINDELSE_DAGE)", () => {
  const smtp = { SMTP_URL: "smtps://bruger:hemmelig@mail.rammeaftale.dk:465", MAIL_FROM: "takster@rammeaftale.dk" };

  it("without SMTP_URL there is no mail, and the banner says so", () => {
    expect(laesMailKonfig({})).toBeUndefined();
    expect(laesMailKonfig({ SMTP_URL: "  ", MAIL_FROM: "takster@rammeaftale.dk" })).toBeUndefined();
    expect(mailBanner(undefined)).toContain("slået fra (SMTP_URL er ikke sat)");
  });

  it("with SMTP_URL and MAIL_FROM: reminders 14 and 3 days before unless set, answers not mailed without SEKRETARIAT_EMAIL", () => {
    expect(laesMailKonfig(smtp)).toEqual({ smtpUrl: smtp.SMTP_URL, fra: "takster@rammeaftale.dk", sekretariat: null, paamindelseDage: [14, 3] });
    expect(laesMailKonfig({ ...smtp, SEKRETARIAT_EMAIL: "sek@rammeaftale.dk", MAIL_PAAMINDELSE_DAGE: "3, 21,3" })).toMatchObject({ sekretariat: "sek@rammeaftale.dk", paamindelseDage: [21, 3] });
    expect(laesMailKonfig({ ...smtp, MAIL_PAAMINDELSE_DAGE: "ingen" })?.paamindelseDage).toEqual([]);
  });

  it("refuses what cannot be right, in Danish, naming the setting", () => {
    expect(() => laesMailKonfig({ SMTP_URL: smtp.SMTP_URL })).toThrow("SMTP_URL er sat, men MAIL_FROM mangler");
    expect(() => laesMailKonfig({ ...smtp, MAIL_FROM: "takster" })).toThrow("Ugyldig MAIL_FROM: takster (en e-mailadresse)");
    expect(() => laesMailKonfig({ ...smtp, SMTP_URL: "mail.rammeaftale.dk" })).toThrow(/^Ugyldig SMTP_URL: mail\.rammeaftale\.dk \(en adresse, der begynder med smtp:\/\//);
    expect(() => laesMailKonfig({ ...smtp, MAIL_PAAMINDELSE_DAGE: "14,tre" })).toThrow("Ugyldig MAIL_PAAMINDELSE_DAGE: 14,tre (hele dage");
  });

  it("the banner names the mail server but never its password", () => {
    const b = mailBanner(laesMailKonfig(smtp));
    expect(b).toContain("via smtps://mail.rammeaftale.dk:465 fra takster@rammeaftale.dk");
    expect(b).not.toContain("hemmelig");
    expect(b).toContain("SEKRETARIAT_EMAIL er ikke sat");
  });
});

describe("the reminder due on a day", () => {
  it("counts days in Danish time: 23:30 UTC on 12 November is already the 13th in Denmark", () => {
    expect(dageTilFrist("2018-11-15", new Date("2018-11-12T22:59:00Z"))).toBe(3);
    expect(dageTilFrist("2018-11-15", new Date("2018-11-12T23:30:00Z"))).toBe(2);
    expect(dageTilFrist("2018-11-15", new Date("2018-11-16T00:00:00Z"))).toBe(-1);
  });

  it("is the smallest day count reached, none before the first or after the deadline", () => {
    expect(paamindelseIDag(15, [14, 3])).toBeUndefined();
    expect(paamindelseIDag(14, [14, 3])).toBe(14);
    expect(paamindelseIDag(4, [14, 3])).toBe(14);
    // A service down from 14 to 2 days before sends only the 3-day reminder.
    expect(paamindelseIDag(2, [14, 3])).toBe(3);
    expect(paamindelseIDag(0, [14, 3])).toBe(3);
    expect(paamindelseIDag(-1, [14, 3])).toBeUndefined();
    expect(paamindelseIDag(3, [])).toBeUndefined();
  });
});

describe("the mails' texts", () => {
  it("the receipt gives number, tilbud, takstår and the Danish time", () => {
    const m = formuler("kvittering", { driftsherre: "Odense Kommune", tilbud: "Søhuset", takstaar: 2027, nummer: "SYD-2027-0042", modtaget: "2026-11-03T09:05:00Z" });
    expect(m.emne).toBe("Kvittering SYD-2027-0042 for takster 2027: Søhuset");
    expect(m.tekst).toContain("modtaget 3. november 2026 kl. 10.05");
    expect(m.tekst).toContain("Kvitteringsnummer: SYD-2027-0042");
  });

  it("data that does not fit its kind is refused, not sent half", () => {
    expect(() => formuler("paamindelse", { driftsherre: "Odense Kommune", takstaar: 2027 })).toThrow();
  });
});
