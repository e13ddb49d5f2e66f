import { benchmarkSuite } from "./benchmarkSuite";
import { paaPostgres } from "./paaPostgres";

paaPostgres("comparable tilbud side by side (GET /api/v1/benchmark) on PostgreSQL (issue 24)", benchmarkSuite);
