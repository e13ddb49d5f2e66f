import { efterreguleringPuljeSuite } from "./efterreguleringPuljeSuite";
import { paaPostgres } from "./paaPostgres";

paaPostgres("acceptance 2 with the pool: regnskab to the takster of year + 2 on PostgreSQL (issue 22)", efterreguleringPuljeSuite);
