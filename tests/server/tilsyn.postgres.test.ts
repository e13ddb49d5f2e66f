import { paaPostgres } from "./paaPostgres";
import { tilsynSuite } from "./tilsynSuite";

paaPostgres("the socialtilsyn's year on PostgreSQL (issue 23)", tilsynSuite);
