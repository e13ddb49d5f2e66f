export * from "./schema";
export * from "./register";
export * from "./tjek";
export { afstand } from "./afstand";
