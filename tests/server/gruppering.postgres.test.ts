import { grupperingSuite } from "./grupperingSuite";
import { paaPostgres } from "./paaPostgres";

paaPostgres("the grouping fields on the service, PostgreSQL (issue 21)", grupperingSuite);
