// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const topLevelAzureNative = "Import azure-native by service subpath (\"@pulumi/azure-native/compute\"): the top-level import loads every service and slows type-checks and previews severalfold.";

export default tseslint.config(
    { ignores: ["node_modules/", "dist/", "coverage/"] },
    js.configs.recommended,
    ...tseslint.configs.strict,
    {
        languageOptions: { globals: { __dirname: "readonly", require: "readonly", process: "readonly", Buffer: "readonly", console: "readonly" } },
        rules: {
            "no-restricted-imports": ["error", { paths: [{ name: "@pulumi/azure-native", message: topLevelAzureNative }] }],
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
        // The examples are separate projects that use the library as its users do, through the package.
        files: ["examples/**/*.ts"],
        rules: {
            "no-restricted-imports": ["error", {
                paths: [{ name: "@pulumi/azure-native", message: topLevelAzureNative }],
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
