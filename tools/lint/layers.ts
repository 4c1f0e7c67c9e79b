/**
 * `npm run lint`'s second half: the repository's import graph, type imports included, has no cycle, and the
 * library's concept folders import only downward (docs/design.md, "Layers"). ESLint checks each file alone; this
 * checks how the files hang together. Exit code 1 and one line per problem when either is broken.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { repositoryFiles } from "../repo-files";

/** File -> the first-party files it imports (import, import type, export ... from, import(), require()). */
export type ImportGraph = ReadonlyMap<string, readonly string[]>;

/**
 * What each concept folder of components/ may import besides itself. Everything may import core/; no VM or fleet
 * imports a workload, and only the SharePoint farm, which is built on the domain controller and the SQL Server VM,
 * imports other workloads; the entry files (index, preflight, internal) may import anything.
 */
export const LAYERS: Readonly<Record<string, readonly string[]>> = {
    "core": [],
    "image": ["core"],
    "disk": ["core"],
    "network": ["core"],
    "backup": ["core"],
    "vault": ["core"],
    "vm": ["core", "image", "disk", "network", "backup"],
    "fleet": ["core", "image", "disk", "vm"],
    "workloads/sql-server": ["core", "image", "disk", "vm"],
    "workloads/active-directory": ["core", "disk", "vm", "vault"],
    "workloads/sharepoint": ["core", "network", "vm", "vault", "workloads/active-directory", "workloads/sql-server"],
};

const ROOTS = ["index.ts", "components", "stack", "tools", "testing", "cli", "templates", "bench", "policy", "provider"];
const EXTENSIONS = [".ts", ".mts", ".cts"];

function sourceFiles(repo: string): string[] {
    return repositoryFiles(repo, ROOTS, (relative) => EXTENSIONS.some((ext) => relative.endsWith(ext)) && !relative.endsWith(".d.ts"));
}

/** The file a relative specifier names, as the TypeScript and Node resolvers find it; undefined for packages. */
function resolveRelative(repo: string, from: string, specifier: string): string | undefined {
    if (!specifier.startsWith(".")) {
        return undefined;
    }
    const base = path.join(path.dirname(from), specifier);
    const candidates = [base, ...EXTENSIONS.map((ext) => `${base}${ext}`), ...EXTENSIONS.map((ext) => path.join(base, `index${ext}`))];
    const hit = candidates.find((c) => fs.existsSync(path.join(repo, c)) && fs.statSync(path.join(repo, c)).isFile());
    return hit?.split(path.sep).join("/");
}

/** The repository's first-party import graph. */
export function importGraph(repo: string): ImportGraph {
    const graph = new Map<string, string[]>();
    for (const file of sourceFiles(repo)) {
        const info = ts.preProcessFile(fs.readFileSync(path.join(repo, file), "utf8"), true, true);
        const targets = info.importedFiles
            .map((ref) => resolveRelative(repo, file, ref.fileName))
            .filter((target): target is string => target !== undefined);
        graph.set(file, [...new Set(targets)].sort());
    }
    return graph;
}

/** Every set of files that import each other in a loop (strongly connected components of two or more, or a self-import). */
export function findCycles(graph: ImportGraph): string[][] {
    let counter = 0;
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const cycles: string[][] = [];
    const connect = (file: string) => {
        index.set(file, counter);
        low.set(file, counter);
        counter++;
        stack.push(file);
        onStack.add(file);
        for (const next of graph.get(file) ?? []) {
            if (!index.has(next)) {
                connect(next);
                low.set(file, Math.min(low.get(file) ?? 0, low.get(next) ?? 0));
            } else if (onStack.has(next)) {
                low.set(file, Math.min(low.get(file) ?? 0, index.get(next) ?? 0));
            }
        }
        if (low.get(file) === index.get(file)) {
            const members: string[] = [];
            let member: string | undefined;
            do {
                member = stack.pop();
                if (member !== undefined) {
                    onStack.delete(member);
                    members.push(member);
                }
            } while (member !== undefined && member !== file);
            if (members.length > 1 || (graph.get(file) ?? []).includes(file)) {
                cycles.push(members.sort());
            }
        }
    };
    [...graph.keys()].sort().forEach((file) => {
        if (!index.has(file)) {
            connect(file);
        }
    });
    return cycles;
}

/** The concept folder of a file under components/ (`vm`, `workloads/sql-server`); undefined for the entry files. */
export function layerOf(file: string): string | undefined {
    const match = /^components\/((?:workloads\/)?[^/]+)\/[^/]+$/.exec(file);
    return match?.[1];
}

/** Imports from one concept folder into another that the layers do not allow, as messages. */
export function layerViolations(graph: ImportGraph): string[] {
    const problems: string[] = [];
    for (const [file, targets] of graph) {
        const from = layerOf(file);
        if (from === undefined) {
            continue;
        }
        const allowed = LAYERS[from];
        if (allowed === undefined) {
            problems.push(`${file}: components/${from}/ is not a known concept folder; add it to LAYERS in tools/lint/layers.ts and to docs/design.md.`);
            continue;
        }
        for (const target of targets) {
            const to = layerOf(target);
            if (target.startsWith("components/") && to === undefined) {
                problems.push(`${file} imports ${target}: a concept folder never imports the library's entry files.`);
            } else if (to !== undefined && to !== from && !allowed.includes(to)) {
                const may = allowed.length === 0 ? "nothing but itself" : allowed.map((l) => `${l}/`).join(", ");
                problems.push(`${file} imports ${target}: components/${from}/ may import ${may} (the layers in docs/design.md).`);
            }
        }
    }
    return problems;
}

if (require.main === module) {
    const repo = path.resolve(process.argv[2] ?? path.join(__dirname, "..", ".."));
    const graph = importGraph(repo);
    const problems = [
        ...findCycles(graph).map((cycle) => `import cycle among ${cycle.join(", ")}: each imports another of them, directly or not (break the loop).`),
        ...layerViolations(graph),
    ];
    for (const problem of problems) {
        process.stderr.write(`${problem}\n`);
    }
    process.stdout.write(problems.length === 0 ? `layers: ${graph.size} files, no import cycle, every concept folder imports only downward\n` : "");
    process.exitCode = problems.length === 0 ? 0 : 1;
}
