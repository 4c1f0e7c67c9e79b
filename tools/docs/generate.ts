/**
 * npm run docs [-- --check]: writes the generated reference pages, docs/reference/components.md (from the TSDoc of
 * the public API), docs/configuration.md (from the stack's config schema), docs/reference/change-rules.md (from the
 * change prediction's rules) and the README's durability table (from the table of edits). With --check, writes nothing and exits 1
 * when a committed page differs from what the code says.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { NAMESPACE, STACK_CONFIG_SCHEMA } from "../../stack/config";
import { changeRulesPage, readmeWithTable } from "./change-pages";
import { componentsPage } from "./components-page";
import { configurationPage } from "./configuration-page";
import { EDITS } from "./durability-edits";
import { readPublicApi } from "./tsdoc";

/** The generated pages, by path relative to the repository, with the text the code says they hold. */
export function generatedPages(repo: string): ReadonlyMap<string, string> {
    const api = readPublicApi(repo);
    return new Map([
        ["docs/reference/components.md", componentsPage(api)],
        ["docs/configuration.md", configurationPage(STACK_CONFIG_SCHEMA, api, NAMESPACE)],
        ["docs/reference/change-rules.md", changeRulesPage()],
        // The README is written by hand but for its durability table.
        ["README.md", readmeWithTable(fs.readFileSync(path.join(repo, "README.md"), "utf8"), EDITS)],
    ]);
}

if (require.main === module) {
    const repo = path.resolve(__dirname, "..", "..");
    const check = process.argv.includes("--check");
    let stale = 0;
    for (const [page, text] of generatedPages(repo)) {
        const file = path.join(repo, page);
        const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : undefined;
        if (current === text) {
            continue;
        }
        if (check) {
            stale++;
            process.stderr.write(`${page} is not what the code says; run npm run docs\n`);
        } else {
            fs.mkdirSync(path.dirname(file), { recursive: true });
            fs.writeFileSync(file, text);
            process.stdout.write(`wrote ${page}\n`);
        }
    }
    process.exitCode = stale === 0 ? 0 : 1;
}
