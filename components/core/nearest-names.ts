/**
 * "Did you mean": the known names nearest in spelling to one that is not known (a region, a size, an image key, a
 * config key), for the messages that refuse or warn about it. One edit distance for every table.
 */

/** Levenshtein distance: the fewest single-character insertions, deletions and substitutions from a to b. */
export function editDistance(a: string, b: string): number {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1)));
        }
        previous = current;
    }
    return previous[b.length] ?? 0;
}

export interface NearestOptions {
    /**
     * The farthest a suggestion may be.
     * @default a third of the given name's length, at least 1 and at most 3: a short name has few near misses
     */
    readonly maxDistance?: number;
    /** @default 3 */
    readonly limit?: number;
}

/**
 * Up to `limit` known names nearest in spelling to `given`, nearest first; names equally near keep the order of
 * `known`. Compared without case: a name that differs from `given` only in case is the one answer.
 */
export function nearestNames<T extends string>(given: string, known: readonly T[], options: NearestOptions = {}): T[] {
    const max = options.maxDistance ?? Math.min(3, Math.max(1, Math.floor(given.length / 3)));
    const key = given.toLowerCase();
    const near = known
        .map((name) => ({ name, distance: editDistance(key, name.toLowerCase()) }))
        .filter((c) => c.distance <= max)
        .sort((a, b) => a.distance - b.distance);
    const sameLetters = near.filter((c) => c.distance === 0);
    return (sameLetters.length > 0 ? sameLetters : near).slice(0, options.limit ?? 3).map((c) => c.name);
}

/** The names JSON-quoted, as a choice: `"a"`, `"a" or "b"`, `"a", "b" or "c"`. */
export function eitherOf(names: readonly string[]): string {
    const quoted = names.map((n) => JSON.stringify(n));
    return quoted.length <= 1 ? quoted[0] ?? "" : `${quoted.slice(0, -1).join(", ")} or ${quoted.at(-1) ?? ""}`;
}

/** ` (did you mean "a", "b" or "c"?)` for the names; empty for none. */
export function didYouMean(names: readonly string[]): string {
    return names.length === 0 ? "" : ` (did you mean ${eitherOf(names)}?)`;
}
