import { paaPostgres } from "./paaPostgres";
import { regelsaetSuite } from "./regelsaetSuite";

paaPostgres("Rulesets API on PostgreSQL (a temporary cluster)", regelsaetSuite);
