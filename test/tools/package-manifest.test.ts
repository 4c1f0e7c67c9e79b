/**
 * package.json as a consumer's resolver reads it: the entry points of "exports" (types first), the same files for
 * TypeScript's node10 resolution ("typesVersions", "main", "types"), each a file the build emits from a source that
 * exists, and one committed API report per entry point (tools/api/report.ts names them).
 * Not proved here: that the packed tarball resolves (CI runs publint and attw on it), or that the reports match the
 * build (`npm run api -- --check` in CI).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { apiEntries } from "../../tools/api/report";
import { REPO } from "../support/project-copy";

interface Manifest {
    main: string;
    types: string;
    exports: Record<string, string | Record<string, string>>;
    typesVersions: Record<string, Record<string, string[]>>;
}

const manifest = JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8")) as Manifest;
const build = JSON.parse(fs.readFileSync(path.join(REPO, "tsconfig.build.json"), "utf8")) as { compilerOptions: { rootDir: string; outDir: string } };

/** The source file the build compiles to `target` (./dist/components/index.d.ts -> components/index.ts). */
function sourceOf(target: string): string {
    const relative = path.posix.relative(build.compilerOptions.outDir, path.posix.normalize(target));
    return path.posix.join(build.compilerOptions.rootDir, relative.replace(/(\.d\.ts|\.js)$/, ".ts"));
}

describe("GIVEN package.json WHEN a consumer imports the package", () => {
    it("THEN exports has the main entry, preflight, testing and package.json, each with its types first", () => {
        expect(manifest.exports).toStrictEqual({
            ".": { types: "./dist/components/index.d.ts", default: "./dist/components/index.js" },
            "./preflight": { types: "./dist/components/preflight.d.ts", default: "./dist/components/preflight.js" },
            "./testing": { types: "./dist/testing/index.d.ts", default: "./dist/testing/index.js" },
            "./package.json": "./package.json",
        });
        for (const target of Object.values(manifest.exports)) {
            if (typeof target !== "string") {
                expect(Object.keys(target)[0]).toBe("types");
            }
        }
    });

    it("THEN node10 resolution finds the same declarations: main and types for the package, typesVersions for each subpath", () => {
        const main = manifest.exports["."];
        const files = typeof main === "string" ? [main] : [main?.["default"], main?.["types"]];
        expect(files.map((f) => path.posix.normalize(f ?? ""))).toStrictEqual([manifest.main, manifest.types].map((f) => path.posix.normalize(f)));
        const subpaths = Object.entries(manifest.exports).flatMap(([subpath, target]) =>
            subpath === "." || typeof target === "string" || target["types"] === undefined ? [] : [[subpath.slice(2), [target["types"]]] as const]);
        expect(manifest.typesVersions).toStrictEqual({ "*": Object.fromEntries(subpaths) });
    });

    it("THEN every file an entry point names is built from a source that exists", () => {
        const targets = Object.values(manifest.exports).flatMap((t) => typeof t === "string" ? [] : Object.values(t));
        expect(targets.map(sourceOf).filter((source) => !fs.existsSync(path.join(REPO, source)))).toStrictEqual([]);
        expect(sourceOf("./dist/components/index.d.ts")).toBe("components/index.ts");
    });
});

describe("GIVEN package.json's exports WHEN the API reports are listed", () => {
    it("THEN there is one per entry point with types, named after its subpath", () => {
        expect(apiEntries(manifest.exports).map((e) => e.report)).toStrictEqual(["main", "preflight", "testing"]);
    });

    it("THEN each is committed in api/", () => {
        const committed = fs.readdirSync(path.join(REPO, "api")).filter((f) => f.endsWith(".api.md")).sort();
        expect(committed).toStrictEqual(["main.api.md", "preflight.api.md", "testing.api.md"]);
    });

    it("THEN an entry without types, or a map that is not an object, has no report", () => {
        expect(apiEntries({ "./data.json": "./data.json", "./x": { default: "./x.js" }, "./y/z": { types: "./dist/y/z.d.ts" } }))
            .toStrictEqual([{ subpath: "./y/z", report: "y-z", types: "dist/y/z.d.ts" }]);
        expect(apiEntries(undefined)).toStrictEqual([]);
        expect(apiEntries("./index.js")).toStrictEqual([]);
    });
});
