import { z } from "zod";
import { type MailArt, mailArtSchema } from "../../kontrakt";

/**
 * The outbox's facts per kind of mail (what udbakke.data holds) and the Danish plain text written
 * from them. No takst figures: a mail says what happened and where to look, the receipt its
 * number (product.md §5.4). The question's own text stays in the service, where it is read.
 */
const sag = { driftsherre: z.string(), tilbud: z.string(), takstaar: z.number().int() };
const DATA = {
  kvittering: z.object({ ...sag, nummer: z.string().nullable(), modtaget: z.string() }),
  spoergsmaal: z.object({ ...sag, nummer: z.string().nullable() }),
  svar: z.object({ ...sag, nummer: z.string().nullable() }),
  godkendt: z.object({ ...sag, nummer: z.string().nullable() }),
  offentliggjort: z.object({ driftsherre: z.string(), takstaar: z.number().int() }),
  paamindelse: z.object({ driftsherre: z.string(), takstaar: z.number().int(), frist: z.string(), dage: z.number().int(), tilbud: z.array(z.string()) }),
} satisfies Record<MailArt, z.ZodTypeAny>;

export type MailData<A extends MailArt> = z.infer<(typeof DATA)[A]>;

const TID = new Intl.DateTimeFormat("da-DK", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Copenhagen" });
const DAG = new Intl.DateTimeFormat("da-DK", { dateStyle: "long", timeZone: "UTC" });

const HILSEN = "\n\nMed venlig hilsen\nRammeaftalesekretariatets indberetningsservice\n\n(Denne e-mail er sendt automatisk og kan ikke besvares.)";
const nr = (n: string | null) => (n ? ` (kvittering ${n})` : "");

const SKRIV: { [A in MailArt]: (d: MailData<A>) => { emne: string; tekst: string } } = {
  kvittering: (d) => ({
    emne: `Kvittering${d.nummer ? ` ${d.nummer}` : ""} for takster ${d.takstaar}: ${d.tilbud}`,
    tekst: `Indberetningen af takster for ${d.takstaar} for ${d.tilbud} (${d.driftsherre}) er modtaget ${TID.format(new Date(d.modtaget))}.\n\nKvitteringsnummer: ${d.nummer ?? "(intet)"}\n\nGem nummeret. Sekretariatet behandler indberetningen og skriver i dialogen, hvis der er spørgsmål.${HILSEN}`,
  }),
  spoergsmaal: (d) => ({
    emne: `Spørgsmål til takster ${d.takstaar}: ${d.tilbud}`,
    tekst: `Rammeaftalesekretariatet har stillet et spørgsmål til indberetningen af takster for ${d.takstaar} for ${d.tilbud} (${d.driftsherre})${nr(d.nummer)}.\n\nLæs og besvar spørgsmålet i dialogen i takstskemaets opgaverude.${HILSEN}`,
  }),
  svar: (d) => ({
    emne: `Svar fra ${d.driftsherre}: takster ${d.takstaar}, ${d.tilbud}`,
    tekst: `${d.driftsherre} har skrevet i dialogen om indberetningen af takster for ${d.takstaar} for ${d.tilbud}${nr(d.nummer)}.\n\nLæs svaret i oversigten over indberetningerne.${HILSEN}`,
  }),
  godkendt: (d) => ({
    emne: `Godkendt: takster ${d.takstaar}, ${d.tilbud}`,
    tekst: `Rammeaftalesekretariatet har godkendt indberetningen af takster for ${d.takstaar} for ${d.tilbud} (${d.driftsherre})${nr(d.nummer)}.${HILSEN}`,
  }),
  offentliggjort: (d) => ({
    emne: `Taksterne for ${d.takstaar} er offentliggjort`,
    tekst: `Rammeaftalesekretariatet har offentliggjort taksterne for ${d.takstaar}. ${d.driftsherre}s takster står nu i den offentlige takstoversigt.\n\nÆndringer i løbet af året indsendes som en ny version med en begrundelse.${HILSEN}`,
  }),
  paamindelse: (d) => ({
    emne: `Påmindelse: fristen for takster ${d.takstaar} er ${DAG.format(new Date(`${d.frist}T00:00:00Z`))}`,
    tekst: `Fristen for at indberette takster for ${d.takstaar} er ${DAG.format(new Date(`${d.frist}T00:00:00Z`))}${d.dage === 0 ? ", i dag" : d.dage === 1 ? ", i morgen" : `, om ${d.dage} dage`}.\n\nSekretariatet har endnu ikke modtaget takster for ${d.takstaar} fra ${d.driftsherre} for:\n${d.tilbud.map((t) => `  - ${t}`).join("\n")}\n\nIndsend takstskemaet fra opgaveruden i Excel. Er et tilbud lukket eller overdraget, så skriv til sekretariatet.${HILSEN}`,
  }),
};

/** The subject and text of a mail of the outbox; data that does not fit its kind throws (never sent half). */
export function formuler(art: MailArt, data: unknown): { emne: string; tekst: string } {
  const a = mailArtSchema.parse(art);
  const skriv = SKRIV[a] as (d: unknown) => { emne: string; tekst: string };
  return skriv(DATA[a].parse(data));
}
