import { paaPostgres } from "./paaPostgres";
import { takstudviklingSuite } from "./takstudviklingSuite";

paaPostgres("the takstudvikling report on the service, PostgreSQL (issue 21, acceptance 4)", takstudviklingSuite);
