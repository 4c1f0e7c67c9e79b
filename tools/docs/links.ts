/**
 * Every relative link of the repository's documents (README.md, docs/, examples/, vendor/) must lead somewhere: to a
 * file or folder that exists and, with `#anchor`, to a heading of that document. Links to the web are not followed
 * (there is no network here); links inside code are not links.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { repositoryFiles } from "../repo-files";
import { anchor } from "./components-page";

const DOCUMENT_ROOTS = ["README.md", "docs", "examples", "vendor"];

/** The repository's Markdown documents, relative to it. */
export function documents(repo: string): string[] {
    return repositoryFiles(repo, DOCUMENT_ROOTS, (relative) => relative.endsWith(".md"));
}

/** A document's text without fenced code blocks, where a `#` line is not a heading. */
function withoutCodeBlocks(text: string): string {
    return text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, "");
}

/** A document's text without code, blocks or inline, where brackets are not links. */
function prose(text: string): string {
    return withoutCodeBlocks(text).replace(/`[^`\n]*`/g, "");
}

/** The anchors GitHub gives a document's headings (a repeated heading gets -1, -2, ...). */
export function headingAnchors(text: string): Set<string> {
    const anchors = new Set<string>();
    const seen = new Map<string, number>();
    for (const match of withoutCodeBlocks(text).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
        const base = anchor((match[1] ?? "").replace(/`/g, ""));
        const count = seen.get(base) ?? 0;
        seen.set(base, count + 1);
        anchors.add(count === 0 ? base : `${base}-${count}`);
    }
    return anchors;
}

/** Every broken relative link, as `<document>: <link> (<why>)`. */
export function brokenLinks(repo: string): string[] {
    const problems: string[] = [];
    for (const doc of documents(repo)) {
        const text = fs.readFileSync(path.join(repo, doc), "utf8");
        for (const match of prose(text).matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
            const link = match[1] ?? "";
            if (/^[a-z][a-z0-9+.-]*:/i.test(link)) {
                continue;
            }
            const [target = "", fragment] = link.split("#");
            const file = target === "" ? path.join(repo, doc) : path.resolve(path.dirname(path.join(repo, doc)), decodeURIComponent(target));
            if (!path.relative(repo, file).split(path.sep).every((part) => part !== "..")) {
                problems.push(`${doc}: ${link} (leads outside the repository)`);
            } else if (!fs.existsSync(file)) {
                problems.push(`${doc}: ${link} (no such file)`);
            } else if (fragment !== undefined && fragment !== "" && file.endsWith(".md") && !headingAnchors(fs.readFileSync(file, "utf8")).has(fragment)) {
                problems.push(`${doc}: ${link} (no heading #${fragment} in ${path.relative(repo, file)})`);
            }
        }
    }
    return problems;
}
