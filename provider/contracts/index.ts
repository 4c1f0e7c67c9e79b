/**
 * The contracts: the entry point the schema generator hands the SDK's analyzer (tools/provider/schema.ts). Every
 * component the plugin serves is exported here, with the types and enums its args use.
 */
export * from "./shared";
export * from "./vm";
export * from "./sql-server";
export * from "./domain-controller";
export * from "./scale-set";
export * from "./network";
export * from "./backup";
