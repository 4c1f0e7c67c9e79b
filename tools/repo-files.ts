/** The repository's own files under some roots (never node_modules or a build's dist/), for the tools that read them. */
import * as fs from "node:fs";
import * as path from "node:path";

/** Files under `roots` (files or folders, relative to `repo`) that `keep` accepts, relative to `repo` with `/`, sorted. */
export function repositoryFiles(repo: string, roots: readonly string[], keep: (relative: string) => boolean): string[] {
    const found: string[] = [];
    const visit = (relative: string) => {
        const full = path.join(repo, relative);
        if (!fs.existsSync(full)) {
            return;
        }
        if (fs.statSync(full).isDirectory()) {
            fs.readdirSync(full).filter((entry) => entry !== "node_modules" && entry !== "dist").forEach((entry) => visit(path.join(relative, entry)));
        } else if (keep(relative)) {
            found.push(relative.split(path.sep).join("/"));
        }
    };
    roots.forEach(visit);
    return found.sort();
}
