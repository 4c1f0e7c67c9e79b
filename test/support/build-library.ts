/**
 * vitest global setup: the examples import the library as a package, that is from its build, so the build is
 * brought up to date once before any test runs them.
 */
import { buildLibrary } from "../../tools/plan/library-build";

export default function setup(): void {
    const errors = buildLibrary();
    if (errors.length > 0) {
        throw new Error(errors.join("\n"));
    }
}
