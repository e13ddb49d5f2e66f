export * from "./schema";
export * from "./register";
