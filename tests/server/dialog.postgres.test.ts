import { dialogSuite } from "./dialogSuite";
import { paaPostgres } from "./paaPostgres";

paaPostgres("dialogue, versions and receipt numbers on PostgreSQL (issue 14)", dialogSuite);
