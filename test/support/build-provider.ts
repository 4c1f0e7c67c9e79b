/**
 * vitest global setup: the component provider runs from its compiled JavaScript (provider/bin, not committed), as the
 * Node.js language host runs it for `pulumi package add` users; the Construct tests start it from there, so it is
 * built once before any test (`npx tsc -p provider/tsconfig.json`, the plugin's own `npm run build`).
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";

export default function setup(): void {
    const root = path.resolve(__dirname, "..", "..");
    const tsc = require.resolve("typescript/bin/tsc", { paths: [root] });
    const result = spawnSync(process.execPath, [tsc, "-p", path.join(root, "provider", "tsconfig.json")], { cwd: root, encoding: "utf8" });
    if (result.status !== 0) {
        const lines = ["building the component provider failed (npx tsc -p provider/tsconfig.json):", result.stdout.trim(), result.stderr.trim()];
        throw new Error(lines.filter((line) => line !== "").join("\n"));
    }
}
