import { apiSuite } from "./apiSuite";
import { paaPostgres } from "./paaPostgres";

paaPostgres("API on PostgreSQL (a temporary cluster)", apiSuite);
