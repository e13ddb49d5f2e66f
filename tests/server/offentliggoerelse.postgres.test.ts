import { offentliggoerelseSuite } from "./offentliggoerelseSuite";
import { paaPostgres } from "./paaPostgres";

paaPostgres("publication and the public takstoversigt on PostgreSQL (issue 14)", offentliggoerelseSuite);
