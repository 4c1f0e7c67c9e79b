/** A scratch copy of the project (sources, config, a symlink to node_modules), for tests that change or build it. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export const REPO = path.resolve(__dirname, "..", "..");

const FILES = ["Pulumi.yaml", "Pulumi.dev.yaml", "package.json", "tsconfig.json", "tsconfig.build.json", "index.ts"];
const DIRS = ["components", "stack"];

export function copyProject(prefix: string): string {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), `apvm-${prefix}-`));
    for (const file of FILES) {
        fs.copyFileSync(path.join(REPO, file), path.join(copy, file));
    }
    for (const dir of DIRS) {
        fs.cpSync(path.join(REPO, dir), path.join(copy, dir), { recursive: true });
    }
    fs.symlinkSync(path.join(REPO, "node_modules"), path.join(copy, "node_modules"), "dir");
    return copy;
}
