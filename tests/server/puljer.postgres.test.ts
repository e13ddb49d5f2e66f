import { paaPostgres } from "./paaPostgres";
import { puljerSuite } from "./puljerSuite";

paaPostgres("the pool of hensatte overskud in the service on PostgreSQL (issue 22)", puljerSuite);
