import { paaPostgres } from "./paaPostgres";
import { perioderSuite } from "./perioderSuite";

paaPostgres("the takst register's periods and in-year changes on PostgreSQL (issue 21)", perioderSuite);
