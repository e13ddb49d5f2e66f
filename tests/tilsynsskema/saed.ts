import type { Udfyldning } from "../../src/cli/skabelon";

/**
 * Filled tilsynsskemaer from the seeds. Counts of tilbud per category are not in the seeds:
 * each need is the base the published takster admit × the counts' weighted sum (see
 * tests/engine/tilsynsaar.test.ts). Syd's 22 kommuner are named, their counts constructed.
 */
export const SYD_KOMMUNER = [
  "Aabenraa", "Assens", "Billund", "Esbjerg", "Fanø", "Fredericia", "Faaborg-Midtfyn", "Haderslev", "Kerteminde", "Kolding", "Langeland",
  "Middelfart", "Nordfyns", "Nyborg", "Odense", "Svendborg", "Sønderborg", "Tønder", "Varde", "Vejen", "Vejle", "Ærø",
];

/** Syd 2018 (004:101-183, 004:247-326): 52,9 mio − 1 %, OF 27,6 mio, grundtakster 22,8 mio. */
export const SYD_2018: Udfyldning = {
  ST_Socialtilsyn: "Socialtilsyn Syd",
  ST_Budgetaar: 2018,
  ST_Regelsaet: "TILSYN-SYD-2018",
  ST_BehovFoerEffektivisering: 52_900_000,
  ST_EffektiviseringPct: 0.01,
  ST_ResultatAarMinus2: 0,
  ST_ResultatAndelIndregnet: 0,
  ST_BehovPlejefamilier: 27_600_000,
  ST_BehovTilbud: 24_771_000,
  // 24.771.000 − 1.971.425 = 22.799.575 = 31.878,6 × 715,2 (counts 164 / 101 / 155 / 40).
  ST_SkoennedeSaerligeIndtaegter: 1_971_425,
  ST_SkaerpetAndel: 0.1,
  ST_Antal: [164, 101, 155, 40],
  ST_Plejefamilier: 1539,
  ST_OFAfrunding: "REST",
  ST_NoegleDato: "Danmarks Statistik februar 2017",
  ST_Noegle_Kommune: SYD_KOMMUNER,
  ST_Noegle: SYD_KOMMUNER.map((_k, i) => 2000 + ((i * 7919) % 9000)),
};

/** Nord 2024 (002:215-223, 002:386-476): the published OF column, each row rounded. */
export const NORD_KOMMUNER = ["Silkeborg", "Brønderslev", "Frederikshavn", "Jammerbugt", "Læsø", "Mariagerfjord", "Morsø", "Rebild", "Thisted", "Vesthimmerland", "Aalborg"];
export const NORD_NOEGLE = [21872, 7775, 10035, 7556, 218, 7870, 3643, 7317, 8398, 7006, 39978];
export const NORD_OF = [3443644, 1224137, 1579964, 1189657, 34323, 1239095, 573573, 1152027, 1322226, 1103062, 6294349];
export const NORD_2024: Udfyldning = {
  ST_Socialtilsyn: "Socialtilsyn Nord",
  ST_Budgetaar: 2024,
  ST_Regelsaet: "TILSYN-NORD-2024",
  ST_BehovFoerEffektivisering: 19_156_058 + 4_385_160,
  ST_EffektiviseringPct: 0,
  ST_ResultatAarMinus2: 0,
  ST_ResultatAndelIndregnet: 0.5,
  ST_BehovPlejefamilier: 19_156_058,
  // 43.851,6 × 100 (100 tilbud in category 1).
  ST_BehovTilbud: 4_385_160,
  ST_SkoennedeSaerligeIndtaegter: 0,
  ST_SkaerpetAndel: 0.1,
  ST_Antal: [100, 0, 0, 0],
  ST_Plejefamilier: 860,
  ST_Nygodkendelser: 90,
  ST_OFAfrunding: "HVER",
  ST_NoegleDato: "Danmarks Statistik, 2. kvartal 2023",
  ST_Noegle_Kommune: NORD_KOMMUNER,
  ST_Noegle: NORD_NOEGLE,
  ST_Timepris: 672,
  ST_BPATimer: 13,
};

/** Øst 2020 (003:1027-1057): takster, skærpet, nygodkendelse, væsentlig ændring, and 2019 for the %. */
export const OEST_2020: Udfyldning = {
  ST_Socialtilsyn: "Socialtilsyn Øst",
  ST_Budgetaar: 2020,
  ST_Regelsaet: "TILSYN-ØST-2020",
  ST_BehovFoerEffektivisering: 22_368_179 + 13_061_588,
  ST_EffektiviseringPct: 0,
  ST_ResultatAarMinus2: 0,
  ST_ResultatAndelIndregnet: 0,
  ST_BehovPlejefamilier: 22_368_179,
  // 34.372,6 × 380 (counts 100 / 100 / 50 / 20).
  ST_BehovTilbud: 13_061_588,
  ST_SkoennedeSaerligeIndtaegter: 0,
  ST_SkaerpetAndel: 0.1,
  ST_NygodkendelseBasis: 35309.7,
  ST_VaesentligAendringBasis: 7902,
  ST_Antal: [100, 100, 50, 20],
  ST_Plejefamilier: 1000,
  ST_OFAfrunding: "REST",
  ST_NoegleDato: "konstrueret",
  ST_Noegle_Kommune: ["A", "B"],
  ST_Noegle: [1, 1],
  ST_SidsteAarTakster: [35063, 42076, 70126, 105189],
  ST_SidsteAarSkaerpet: [3506, 4208, 7013, 10519],
  ST_SidsteAarVaesentligAendring: [8423, 10108, 16847, 25270],
  ST_SidsteAarOFIAlt: [22_494_940],
  // The printed "Alle kategorier" row (003:1057): −2,0 / −2,0 / −6,4 / −4,3; nygodkendelse 2019 has 003:1051's misprint, so it is left out.
  ST_UdviklingAngivet: [-2.0, -2.0, null, -4.3, -0.6, null],
};
