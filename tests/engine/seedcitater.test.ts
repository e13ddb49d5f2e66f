import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The worked examples in bilag17/bilag18/funktioner tests cite seed lines; this keeps the line
 * numbers honest: each cited line must contain the quoted figures (whitespace collapsed).
 * Skipped when ../shared/seeds is not next to the project.
 */
const SEEDS = join(__dirname, "..", "..", "..", "shared", "seeds");

function linje(ref: string): string {
  const [seed, nr] = ref.split(":");
  const fil = readdirSync(SEEDS).find((s) => s.startsWith(`${seed}_`));
  if (!fil) throw new Error(`seed ${seed} findes ikke`);
  return (readFileSync(join(SEEDS, fil), "utf8").split("\n")[Number(nr) - 1] ?? "").replace(/\s+/g, " ");
}

const CITATER: ReadonlyArray<[string, string]> = [
  // Bilag 17, lukning af Enhed 1 (underskud) and its mirror
  ["004:4749", "Omkostningsbudget 20.000 20.000 40.000 80.000"],
  ["004:4758", "Akkumuleret resultat 1.000 -1.000 4.500 4.500"],
  ["004:4759", "% af Budget 5,0% -5,0% 11,3% 5,6%"],
  ["004:4762", "Videreføres i driften år +1 0 0 0 4.000"],
  ["004:4763", "Efterreguleres i taksterne år +2 0 0 0 375"],
  ["004:4764", "Ekstraopkrævning ifm lukning 125 0 0 125"],
  ["004:4787", "Efterreguleres i taksterne år +2 0 0 0 -375"],
  ["004:4788", "Ekstraopkrævning ifm lukning -125 0 0 -125"],
  // lukning af afdeling a) and b)
  ["004:4828", "Akkumuleret resultat 500 -1.000 4.500 4.000"],
  ["004:4864", "Akkumuleret resultat 500 -1.000 5.000 4.500"],
  ["004:4871", "Dækkes af andre økonomiske enheder 500"],
  // lukning af økonomisk enhed D
  ["004:4902", "Omkostningsbudget 80.000 100.000 90.000 60.000 330.000"],
  ["004:4912", "Dækkes af andre økonomiske enheder 1.481 1.852 1.667 5.000"],
  // overtagelse
  ["004:4946", "Videreføres i driften år +1 0 0 0 3.375"],
  ["004:4948", "Ekstraopkrævning ifm overtagelse 1.125 0 0 1.125"],
  ["004:4974", "Ekstraopkrævning ifm overtagelse -1.125 0 0 -1.125"],
  // Bilag 18 examples
  ["004:5385", "A7 - Regulering af taksten i år 2 (A5-A6) 0.000"],
  ["004:5415", "A7 - Regulering af taksten i år 2 opskrives(A5-A6) -200.000"],
  ["004:5445", "A7 - Regulering af taksten i år 2 (opskrives) A5-A6 0"],
  // socialtilsyn
  ["004:177", "1-7 pladser 32.270 31.879"],
  ["004:183", "50+ pladser 96.812 95.636"],
  ["004:237", "1/10 årstakst pr. måned"],
  ["004:326", "Objektiv finansiering pr plejefamilie 17.878 17.933"],
  ["002:413", "18.627 20.164"],
  ["002:466", "timepris i kr. 635 672"],
  ["002:474", "anvendes 13 timer til"],
  ["003:1036", "Takstkategori 1 (1-7 pladser) 34.373 3.437 35.310 7.902"],
  ["003:1042", "Takstkategori 4 (50- pladser) 103.118 10.312 105.929 23.706"],
  // differentiated takster (takststruktur tests)
  ["004:5972", "Moderat støttebehov 1160 kr. pr. døgn"],
  ["004:5973", "støttebehov 1450 kr. pr. døgn og Fuldstændigt støttebehov 1727 kr. pr døgn"],
  // when to differentiate (TS110, the Ydelser help text) and what is borgerrettet (TS_Borgerrettet)
  ["004:4269", "Taksterne bør differentieres, når personudgifterne"],
  ["004:4270", "Det vil typisk være forskelle på 150.000 til 175.000 kr. på botilbud"],
  ["004:4271", "og på 30.000 til 50.000 kr. på dagtilbud"],
  ["000:1223", "sten skal omfatte de omkostningselementer, som er direkte borgerettede (løn til"],
  ["000:1226", "plejepersonale mv.)"],
];

(existsSync(SEEDS) ? describe : describe.skip)("seed lines cited by the engine tests", () => {
  it.each(CITATER)("%s says %s", (ref, tekst) => {
    expect(linje(ref)).toContain(tekst);
  });
});
