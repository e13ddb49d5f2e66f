import { paaPostgres } from "./paaPostgres";
import { ydelserSuite } from "./ydelserSuite";

paaPostgres("Ydelser on the service, PostgreSQL (a temporary cluster)", ydelserSuite);
