/**
 * tools/lint/layers.ts, the second half of `npm run lint`: it finds import cycles (type imports too) and imports
 * against the layers of docs/design.md. Shown here on made-up graphs, so the check can fail, and on the repository.
 */
import { describe, expect, it } from "vitest";
import { findCycles, importGraph, layerOf, layerViolations, type ImportGraph } from "../../tools/lint/layers";
import { REPO } from "../support/project-copy";

const graph = (edges: Record<string, string[]>): ImportGraph => new Map(Object.entries(edges));

describe("GIVEN an import graph", () => {
    it("WHEN three files import each other in a loop, and one imports itself, THEN each loop is reported once", () => {
        expect(findCycles(graph({
            "a.ts": ["b.ts"], "b.ts": ["c.ts"], "c.ts": ["a.ts", "d.ts"], "d.ts": [], "e.ts": ["e.ts"],
        }))).toEqual([["a.ts", "b.ts", "c.ts"], ["e.ts"]]);
    });

    it("WHEN the graph is a tree THEN there is no cycle", () => {
        expect(findCycles(graph({ "a.ts": ["b.ts", "c.ts"], "b.ts": ["c.ts"], "c.ts": [] }))).toEqual([]);
    });

    it("WHEN disk/ imports vm/, a concept folder imports an entry file, or a folder is unknown THEN each is reported", () => {
        expect(layerViolations(graph({
            "components/disk/disk-rules.ts": ["components/vm/vm-plan.ts", "components/core/problems.ts"],
            "components/vm/vm-plan.ts": ["components/disk/disk-rules.ts", "components/index.ts"],
            "components/extras/x.ts": [],
            "components/workloads/sql-server/sql-server-plan.ts": ["components/workloads/active-directory/domain-controller-plan.ts"],
        }))).toEqual([
            "components/disk/disk-rules.ts imports components/vm/vm-plan.ts: components/disk/ may import core/ (the layers in docs/design.md).",
            "components/vm/vm-plan.ts imports components/index.ts: a concept folder never imports the library's entry files.",
            "components/extras/x.ts: components/extras/ is not a known concept folder; add it to LAYERS in tools/lint/layers.ts and to docs/design.md.",
            "components/workloads/sql-server/sql-server-plan.ts imports components/workloads/active-directory/domain-controller-plan.ts: components/workloads/sql-server/ may import core/, image/, disk/, vm/ (the layers in docs/design.md).",
        ]);
    });

    it("THEN a file's layer is its concept folder; the entry files and other folders have none", () => {
        expect(["components/vm/linux-vm.ts", "components/workloads/sql-server/sql-server-vm.ts", "components/index.ts", "stack/config.ts"].map(layerOf))
            .toEqual(["vm", "workloads/sql-server", undefined, undefined]);
    });
});

describe("GIVEN this repository", () => {
    const repository = importGraph(REPO);

    it("THEN it has no import cycle and every concept folder imports only downward", () => {
        expect(findCycles(repository)).toEqual([]);
        expect(layerViolations(repository)).toEqual([]);
    });

    it("THEN the graph holds type imports: vm-args.ts imports the disk, image, lock and backup arguments only as types", () => {
        expect(repository.get("components/vm/vm-args.ts")).toEqual(expect.arrayContaining([
            "components/backup/backup-args.ts", "components/core/lock-args.ts", "components/disk/disk-args.ts", "components/image/image-args.ts",
        ]));
    });

    it("THEN a plain VM loads no workload: nothing under vm/ reaches workloads/", () => {
        const reached = new Set<string>();
        const visit = (file: string) => {
            if (!reached.has(file)) {
                reached.add(file);
                (repository.get(file) ?? []).forEach(visit);
            }
        };
        visit("components/vm/linux-vm.ts");
        expect([...reached].filter((f) => f.includes("/workloads/"))).toEqual([]);
        expect(reached.has("components/vm/domain-join-plan.ts")).toBe(true);
    });
});
