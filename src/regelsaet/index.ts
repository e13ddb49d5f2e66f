export * from "./schema";
export * from "./register";
export * from "./tjek";
export { afstand } from "./afstand";
export { lempelser } from "./lempelser";
export { harKontroltegn, kontroltegnStier } from "./kontroltegn";
