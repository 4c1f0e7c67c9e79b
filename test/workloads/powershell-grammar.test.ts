/**
 * The library's PowerShell scripts parse: tree-sitter-powershell, a PowerShell grammar, finds no syntax error (no ERROR
 * and no MISSING node) in the promotion, domain-wait and Windows disk-format scripts, in every script of the SharePoint
 * farm (the accounts, SQL Server, prerequisites, binaries, updates, restart barrier, farm launcher and the farm script
 * it writes, each in the variants its arguments make), and finds one in a script with a brace removed.
 * Not proved here: that Windows PowerShell 5.1 runs them (the grammar is not PowerShell's own parser), what they do,
 * or that the cmdlets, parameters and values they use exist: a clean parse says nothing about those.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { Language, Parser, type Node } from "web-tree-sitter";
import {
    adAccountsScript, binariesScript, farmLauncherScript, farmWorkScript, ntdsPaths, prerequisitesScript, promoteDomainControllerScript, restartBarrierScript,
    sqlConfigScript, updatesScript, waitForDomainScript, windowsFormatScript,
} from "../../components/internal";

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

const farmSettings = {
    setupAccount: "CORP\\sp-setup", farmAccount: "CORP\\sp-farm", servicesAccount: "CORP\\sp-services", appPoolAccount: "CORP\\sp-app-pool",
    databaseServer: "spsql.corp.contoso.com", databasePrefix: "SP_", centralAdministrationPort: 9999, siteHostName: "sharepoint.corp.contoso.com",
};
const blobIso = { kind: "blob", sha256: "c576b847c573234b68fc602a0318f5794d7a61d8149eb6ae537af04470b7fc05" } as const;

/** Every script of the SharePoint farm, in each variant its arguments make. */
const sharePointScripts: [string, string][] = [
    ["the farm's accounts", adAccountsScript({
        domainName: "corp.contoso.com", siteLabel: "sharepoint", sqlAliasLabel: "spsql",
        accounts: [
            { name: "sp-setup", secretParameter: "SetupSecretName", description: "Setup.", servicePrincipalNames: [] },
            { name: "sp-app-pool", secretParameter: "AppPoolSecretName", description: "It's the pool's.", servicePrincipalNames: ["HTTP/sharepoint.corp.contoso.com", "HTTP/sharepoint"] },
        ],
    })],
    ["the farm's SQL Server", sqlConfigScript({ setupLogin: "CORP\\sp-setup" })],
    ["the prerequisites, from Microsoft", prerequisitesScript({ netbiosName: "CORP", setupAccount: "sp-setup", iso: { kind: "microsoft" } })],
    ["the prerequisites, from a blob", prerequisitesScript({ netbiosName: "CORP", setupAccount: "sp-setup", iso: blobIso })],
    ["the binaries, from Microsoft", binariesScript({ iso: { kind: "microsoft" } })],
    ["the binaries, from a blob without a checksum", binariesScript({ iso: { kind: "blob", sha256: undefined } })],
    ["two updates", updatesScript({ updates: [{ sha256: undefined }, { sha256: blobIso.sha256 }] })],
    ["the restart barrier", restartBarrierScript({ domainName: "corp.contoso.com", afterStep: "the binaries", aliases: ["sharepoint", "spsql"] })],
    ["the farm launcher", farmLauncherScript({ ...farmSettings, taskName: "farm SharePoint farm" })],
    ["the farm script", farmWorkScript(farmSettings)],
];

describe("GIVEN the library's PowerShell scripts", () => {
    it.each([
        ["the promotion", promote],
        ["the domain wait", waitForDomainScript({ domainName: "corp.contoso.com", timeoutMinutes: 30 })],
        ["the Windows disk format", windowsFormatScript({ key: "ntds", lun: 0, fileSystem: "NTFS" })],
        ...sharePointScripts,
    ])("THEN %s script parses without a syntax error", (_, script) => {
        expect(syntaxErrors(script)).toStrictEqual([]);
    });

    it("THEN a farm script with a brace removed fails on its own, while the launcher that holds it in a here-string still parses: so the farm script is parsed on its own, above", () => {
        const work = farmWorkScript(farmSettings);
        const broken = work.replace("    Install-SPApplicationContent\n} else {", "    Install-SPApplicationContent\n else {");
        expect(broken).not.toBe(work);
        expect(syntaxErrors(broken)).not.toStrictEqual([]);
        expect(syntaxErrors(farmLauncherScript({ ...farmSettings, taskName: "farm SharePoint farm" }).replace(work, () => broken))).toStrictEqual([]);
    });

    it("THEN a script with a closing brace removed does not (the check can fail)", () => {
        expect(syntaxErrors(promote.replace("        $delay = [Math]::Min($delay * 2, 60)\n    }\n", "        $delay = [Math]::Min($delay * 2, 60)\n"))).not.toStrictEqual([]);
    });
});
