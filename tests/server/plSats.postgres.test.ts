import { paaPostgres } from "./paaPostgres";
import { plSatsSuite } from "./plSatsSuite";

paaPostgres("one PL per year through the service on PostgreSQL (issue 21)", plSatsSuite);
