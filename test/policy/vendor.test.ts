/**
 * The policy pack is published alone, so it keeps byte-identical copies of the library files it needs
 * (policy/vendor/README.md): a change to one side without the other fails here. Not proved here: that the copy is
 * the right version for a pack already published (a published pack keeps the copy it was published with).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { describe, expect, it } from "vitest";
import { repositoryFiles } from "../../tools/repo-files";

const REPO = path.resolve(__dirname, "..", "..");
const VENDORED = [{ copy: "policy/vendor/address-rules.ts", original: "components/network/address-rules.ts" }];

describe("GIVEN the policy pack's vendored files", () => {
    it.each(VENDORED)("THEN $copy is byte for byte $original (refresh: cp $original $copy)", ({ copy, original }) => {
        const same = fs.readFileSync(path.join(REPO, copy)).equals(fs.readFileSync(path.join(REPO, original)));
        expect([copy, same]).toEqual([copy, true]);
    });

    it("THEN the vendored files import nothing, and no file of the pack imports from outside policy/", () => {
        const outside: string[] = [];
        for (const file of repositoryFiles(REPO, ["policy"], (f) => f.endsWith(".ts"))) {
            const imports = ts.preProcessFile(fs.readFileSync(path.join(REPO, file), "utf8"), true, true).importedFiles;
            for (const specifier of imports.map((i) => i.fileName)) {
                const leaves = specifier.startsWith(".") && !path.resolve(REPO, path.dirname(file), specifier).startsWith(path.join(REPO, "policy"));
                if (leaves || (file.startsWith("policy/vendor/") && !specifier.startsWith("node:"))) {
                    outside.push(`${file}: ${specifier}`);
                }
            }
        }
        expect(outside).toEqual([]);
    });
});
