/**
 * The library's PowerShell scripts parse: tree-sitter-powershell, a PowerShell grammar, finds no syntax error in the
 * promotion, domain-wait and Windows disk-format scripts, and finds one in a script with a brace removed.
 * Not proved here: that Windows PowerShell 5.1 runs them (the grammar is not PowerShell's own parser), or what they do.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { Language, Parser, type Node } from "web-tree-sitter";
import { ntdsPaths, promoteDomainControllerScript, waitForDomainScript, windowsFormatScript } from "../../components/internal";

let parser: Parser;
beforeAll(async () => {
    await Parser.init();
    parser = new Parser();
    parser.setLanguage(await Language.load(require.resolve("tree-sitter-powershell/tree-sitter-powershell.wasm")));
});

/** Each syntax error the grammar finds, as `line:column`. */
function syntaxErrors(script: string): string[] {
    const tree = parser.parse(script);
    const found: string[] = [];
    const walk = (node: Node): void => {
        if (node.type === "ERROR" || node.isMissing) {
            found.push(`${node.startPosition.row + 1}:${node.startPosition.column + 1}`);
        }
        node.children.forEach((child) => child !== null && walk(child));
    };
    if (tree !== null) {
        walk(tree.rootNode);
    }
    return found;
}

const promote = promoteDomainControllerScript({ domainName: "corp.contoso.com", netbiosName: "CORP", paths: ntdsPaths("C:\\data\\ntds") });

describe("GIVEN the library's PowerShell scripts", () => {
    it.each([
        ["the promotion", promote],
        ["the domain wait", waitForDomainScript({ domainName: "corp.contoso.com", timeoutMinutes: 30 })],
        ["the Windows disk format", windowsFormatScript({ key: "ntds", lun: 0, fileSystem: "NTFS" })],
    ])("THEN %s script parses without a syntax error", (_, script) => {
        expect(syntaxErrors(script)).toStrictEqual([]);
    });

    it("THEN a script with a closing brace removed does not (the check can fail)", () => {
        expect(syntaxErrors(promote.replace("        $delay = [Math]::Min($delay * 2, 60)\n    }\n", "        $delay = [Math]::Min($delay * 2, 60)\n"))).not.toStrictEqual([]);
    });
});
