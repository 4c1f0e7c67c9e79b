/**
 * The documents: the generated reference pages say what the code says (a change to a TSDoc comment or to the stack's
 * config schema without `npm run docs` fails here), every relative link and anchor leads somewhere, and the README
 * stays a front page. Not proved here: that the hand-written pages are true, which review and the tests they cite
 * keep.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generatedPages } from "../../tools/docs/generate";
import { brokenLinks, headingAnchors } from "../../tools/docs/links";
import { REPO } from "../support/project-copy";

describe("GIVEN the generated reference pages", () => {
    const pages = generatedPages(REPO);

    it.each([...pages.keys()])("THEN the committed %s is exactly what npm run docs writes", (page) => {
        expect(fs.readFileSync(path.join(REPO, page), "utf8")).toBe(pages.get(page));
    });

    it("THEN the configuration page documents each key a user sets, with its meaning from the component that takes it", () => {
        const page = pages.get("docs/configuration.md") ?? "";
        expect(page).toContain("| `vms[].dataDisks[].lun` | integer | yes |  | Logical unit number the disk is attached at, 0-63, unique per VM. |");
        expect(page).toContain("| `backup.vaultName` | string |  | \"rsv-persistent-vm\" |");
        expect(page).toContain("| `adminPasswords` | map of secret strings |  |  |");
        expect(page).not.toContain("adminPasswordVms");
    });

    it("THEN the component reference lists every component with its arguments and outputs", () => {
        const page = pages.get("docs/reference/components.md") ?? "";
        for (const component of ["LinuxVm", "WindowsVm", "SqlServerVm", "DomainController", "LinuxScaleSet", "WindowsScaleSet", "VmNetwork", "BackupVault"]) {
            expect(page).toContain(`### ${component}\n`);
            expect(page).toContain(`### ${component}Args\n`);
        }
        expect(page).toContain("| `dataDiskIds` | Output&lt;Record&lt;string, string&gt;&gt; | Data disk resource ids by disk name. |");
    });
});

describe("GIVEN the repository's documents", () => {
    it("THEN every relative link leads to a file that exists, and every anchor to a heading", () => {
        expect(brokenLinks(REPO)).toEqual([]);
    });

    it("THEN the README is a front page of at most 250 lines, and no document points outside the repository", () => {
        expect(fs.readFileSync(path.join(REPO, "README.md"), "utf8").split("\n").length).toBeLessThanOrEqual(250);
        for (const doc of ["README.md", ...fs.readdirSync(path.join(REPO, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)]) {
            expect(fs.readFileSync(path.join(REPO, doc), "utf8"), doc).not.toMatch(/\.\.\/shared|DESIGN\.md|STYLE\.md|LAYOUT\.md|RESEARCH\.md/);
        }
    });
});

describe("GIVEN documents with broken links (the checker can fail)", () => {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "apvm-links-"));
    afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

    it("THEN a missing file, a missing heading and a link out of the repository are each reported; code is not read", () => {
        fs.mkdirSync(path.join(scratch, "docs"));
        fs.writeFileSync(path.join(scratch, "README.md"), [
            "# Title", "", "## Two words", "", "[ok](docs/a.md#the-heading) [here](#two-words) [web](https://example.com)",
            "[gone](docs/missing.md) [no anchor](docs/a.md#nowhere) [out](../outside.md)", "", "```", "[in code](nowhere.md)", "```", "`[inline](nowhere.md)`",
        ].join("\n"));
        fs.writeFileSync(path.join(scratch, "docs", "a.md"), "# The heading\n");
        expect(brokenLinks(scratch)).toEqual([
            "README.md: docs/missing.md (no such file)",
            "README.md: docs/a.md#nowhere (no heading #nowhere in docs/a.md)",
            "README.md: ../outside.md (leads outside the repository)",
        ]);
    });

    it("THEN headings get GitHub's anchors, a repeated one numbered", () => {
        expect([...headingAnchors("# A `code` heading!\n## Same\n## Same\n")]).toEqual(["a-code-heading", "same", "same-1"]);
    });
});
