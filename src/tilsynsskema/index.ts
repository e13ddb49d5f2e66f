/**
 * The tilsynsskema (product.md §5.5): the socialtilsyn's budget year as a workbook, a sibling
 * of the takstskema that reuses its value parsers, colours and layout format. Pure.
 * - `ST_FELTER`, the tables' columns: the one field table (ST_ defined names).
 * - `tilsynsskemaLayout(regelsaet)`: the template as data for the takstskema's writers.
 * - `validerTilsynsskema(values, register)`: TS001/TS002 for inputs, ST001-ST005, and the
 *   engine's figures (`beregnet`) the service publishes.
 * - `ofAar(nu)`: the budget years a municipality looks for its objektiv finansiering in.
 */
export * from "./felter";
export * from "./layout";
export * from "./objektivFinansiering";
export * from "./valider";
