import { offentligLagerSuite } from "./offentligLagerSuite";
import { paaPostgres } from "./paaPostgres";

paaPostgres("the public takstoversigt kept per edition, two instances on PostgreSQL (issue 27)", offentligLagerSuite);
