import { paaPostgres } from "./paaPostgres";
import { regnskabSuite } from "./regnskabSuite";

paaPostgres("regnskabsskemaer and GET /api/v1/efterregulering on PostgreSQL (issue 22)", regnskabSuite);
