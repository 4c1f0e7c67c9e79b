/**
 * Writes one benchmark case as a Pulumi TypeScript project in a scratch folder: Pulumi.yaml (runtime nodejs,
 * TypeScript, main index.ts), the program's index.ts, Pulumi.bench.yaml with the stack's config, a tsconfig.json
 * like the examples', and node_modules as a link to the repository's, where `azure-persistent-vm` is the library's
 * build (dist/).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { stringify } from "yaml";
import { LIBRARY_DIR } from "../tools/plan/library-build";
import type { BenchCase } from "./cases";

export const STACK = "bench";

/** A throwaway public key (its private half was discarded), so no VM generates one. */
const SSH_PUBLIC_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIjSKAELeu4s76QroB8jeBBD784HmOhKb+0PESFRdEwe throwaway-dev-key@azure-persistent-vm";

const TSCONFIG = {
    compilerOptions: { strict: true, target: "ES2022", module: "node20", lib: ["ES2023"], types: ["node"], skipLibCheck: true },
    files: ["index.ts"],
};

export function projectName(benchCase: BenchCase): string {
    return `apvm-bench-${benchCase.program.name}`;
}

/** Creates the case's project in `dir` (which must not exist yet); returns `dir`. */
export function writeProject(dir: string, benchCase: BenchCase): string {
    const name = projectName(benchCase);
    fs.mkdirSync(dir, { recursive: false });
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), stringify({
        name,
        description: `benchmark: ${benchCase.program.description}`,
        runtime: { name: "nodejs", options: { typescript: true } },
        main: "index.ts",
    }));
    fs.writeFileSync(path.join(dir, `Pulumi.${STACK}.yaml`), stringify({
        config: {
            "azure-native:location": "westeurope",
            [`${name}:vms`]: benchCase.vms,
            [`${name}:sshPublicKey`]: SSH_PUBLIC_KEY,
            [`${name}:managementPrefix`]: "203.0.113.0/24",
        },
    }));
    fs.copyFileSync(benchCase.program.template, path.join(dir, "index.ts"));
    fs.writeFileSync(path.join(dir, "tsconfig.json"), `${JSON.stringify(TSCONFIG, null, 2)}\n`);
    fs.symlinkSync(path.join(LIBRARY_DIR, "node_modules"), path.join(dir, "node_modules"), "dir");
    return dir;
}
