// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const topLevelAzureNative = "Import azure-native by service subpath (\"@pulumi/azure-native/compute\"): the top-level import loads every service and slows type-checks and previews severalfold.";
const azureNative = { name: "@pulumi/azure-native", message: topLevelAzureNative };

/**
 * The library's layers (docs/design.md): a pure file decides from plain data and imports no Pulumi SDK at run time;
 * `import type` is allowed, since arguments carry `pulumi.Input` types.
 */
const PURE_FILES = [
    "components/**/*-args.ts", "components/**/*-facts.ts", "components/**/*-rules.ts", "components/**/*-plan.ts", "components/**/*-scripts.ts",
    "components/core/problems.ts", "components/core/os.ts", "components/core/quoting.ts",
];
const pureMessage = "A pure file (args, facts, rules, plan, scripts) imports no Pulumi SDK at run time: move what declares resources to a *-declare.ts file or the component, or use `import type`.";

/** Outside components/, the library is reached through its public entry, its preflight entry or its internal entry. */
const LIBRARY_ENTRIES = {
    group: ["**/components/*", "**/components/**/*", "!**/components/preflight", "!**/components/internal"],
    message: "Import the library through components (the public API), components/preflight or components/internal, never a file inside it (docs/design.md, \"What is public\").",
};

export default tseslint.config(
    { ignores: ["node_modules/", "dist/", "coverage/", "provider/bin/"] },
    js.configs.recommended,
    ...tseslint.configs.strict,
    {
        languageOptions: { globals: { __dirname: "readonly", require: "readonly", process: "readonly", Buffer: "readonly", console: "readonly" } },
        rules: {
            "no-restricted-imports": ["error", { paths: [azureNative] }],
            "no-restricted-syntax": ["error", {
                selector: "CallExpression[callee.name='require'][arguments.0.value='@pulumi/azure-native']",
                message: topLevelAzureNative,
            }],
            "@typescript-eslint/no-explicit-any": "error",
            "@typescript-eslint/no-non-null-assertion": "error",
            "@typescript-eslint/ban-ts-comment": "error",
            "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
        },
    },
    {
        files: PURE_FILES,
        rules: {
            "no-restricted-imports": "off",
            "@typescript-eslint/no-restricted-imports": ["error", {
                paths: [azureNative],
                patterns: [{ group: ["@pulumi/*"], message: pureMessage, allowTypeImports: true }],
            }],
        },
    },
    {
        // Code outside the library reaches it only through its entries.
        files: ["index.ts", "stack/**/*.ts", "tools/**/*.ts", "bench/**/*.ts", "test/**/*.ts"],
        rules: {
            "no-restricted-imports": ["error", { paths: [azureNative], patterns: [LIBRARY_ENTRIES] }],
        },
    },
    {
        // The examples are separate projects that use the library as its users do, through the package.
        files: ["examples/**/*.ts"],
        rules: {
            "no-restricted-imports": ["error", {
                paths: [azureNative],
                patterns: [{ group: ["../*", "**/components/**"], message: "An example uses the library as a package: import from \"azure-persistent-vm\"." }],
            }],
        },
    },
    {
        // CommonJS preload scripts (test/support/*.cjs) are plain Node: require is how they load modules.
        files: ["**/*.cjs"],
        languageOptions: { sourceType: "commonjs", globals: { module: "writable" } },
        rules: { "@typescript-eslint/no-require-imports": "off", "@typescript-eslint/no-explicit-any": "off" },
    },
);
