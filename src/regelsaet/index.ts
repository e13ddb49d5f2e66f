export * from "./schema";
export * from "./register";
export * from "./tjek";
