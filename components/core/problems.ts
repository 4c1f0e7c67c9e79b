/**
 * Problems with a component's arguments, collected as data so that every one is reported at once and tests can
 * compare them exactly.
 */

/** One problem: the argument it concerns (a path such as `dataDisks[1].lun`) and what is wrong and how to fix it. */
export interface Problem {
    /** The argument, as a path: `dataDisks[1].lun`. */
    readonly path: string;
    /** What is wrong with it and how to fix it, ending with a full stop. */
    readonly message: string;
}

/**
 * Thrown by a component's constructor, before anything is registered, when its arguments have problems.
 * The message names the component and lists every problem, one a line.
 */
export class InvalidArgumentsError extends Error {
    constructor(
        readonly component: string,
        readonly resourceName: string,
        readonly problems: readonly Problem[],
    ) {
        super(formatProblems(component, resourceName, problems));
        this.name = "InvalidArgumentsError";
    }
}

/**
 * `WindowsVm "app01": computerName "application-server" is 18 characters; ...`, one line per problem. Messages quote
 * the values they judge; every control character in a line is escaped, so that no value can forge or erase a line.
 */
export function formatProblems(component: string, resourceName: string, problems: readonly Problem[]): string {
    return problems.map((p) => escapeControlCharacters(`${component} ${JSON.stringify(resourceName)}: ${p.path} ${p.message}`)).join("\n");
}

/**
 * Control characters (C0, DEL, C1), line and paragraph separators and bidirectional overrides, escaped as JSON
 * escapes them (`\n`, `\u001b`), so that a value can neither start a line nor rewrite one on a terminal.
 */
export function escapeControlCharacters(line: string): string {
    // eslint-disable-next-line no-control-regex
    return line.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) =>
        (c < " " ? JSON.stringify(c).slice(1, -1) : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`));
}


/**
 * Each value may be used once; reports every later use. With `ignoreCase`, values that differ only in case collide,
 * as Azure resource names do.
 */
export function checkUnique(
    values: readonly (string | number)[],
    path: (index: number) => string,
    what: string,
    ignoreCase = false,
): Problem[] {
    const firstIndex = new Map<string | number, number>();
    const problems: Problem[] = [];
    values.forEach((value, index) => {
        const key = ignoreCase && typeof value === "string" ? value.toLowerCase() : value;
        const first = firstIndex.get(key);
        if (first === undefined) {
            firstIndex.set(key, index);
            return;
        }
        const earlier = values[first];
        const caseOnly = earlier !== value ? ` as ${JSON.stringify(earlier)}; Azure names ignore case, so` : ";";
        problems.push({ path: path(index), message: `${JSON.stringify(value)} is already used by ${path(first)}${caseOnly} each ${what} must be unique.` });
    });
    return problems;
}

/** Prefixes every problem's path, for rules that check one element of a list. */
export function within(prefix: string, problems: readonly Problem[]): Problem[] {
    return problems.map((p) => ({ path: `${prefix}.${p.path}`, message: p.message }));
}

/** One of a field's allowed values (two or more): `"x" is not a <what>; use "a", "b" or "c".` */
export function checkChoice(path: string, value: string, allowed: readonly string[], what: string): Problem[] {
    if (allowed.includes(value)) {
        return [];
    }
    const choices = allowed.map((a) => `"${a}"`);
    const article = /^[aeiou]/i.test(what) ? "an" : "a";
    const use = choices.length === 1 ? choices[0] ?? "" : `${choices.slice(0, -1).join(", ")} or ${choices.at(-1) ?? ""}`;
    return [{ path, message: `"${value}" is not ${article} ${what}; use ${use}.` }];
}

/** A rule over a value from a fixed list: the one place its list and its message are tied together. */
export type ValueRule = (path: string, value: string) => Problem[];

/** The rule for a field that takes one of `allowed` (see `checkChoice`). */
export function choiceRule(allowed: readonly string[], what: string): ValueRule {
    return (path, value) => checkChoice(path, value, allowed, what);
}

/**
 * What every planner returns: the complete plan, or every problem with the arguments and, where the planner has them,
 * the warnings it would have logged (what its rules could not check), so that a preflight reports both in one run.
 */
export type PlanResult<T> =
    | { readonly ok: true; readonly plan: T }
    | { readonly ok: false; readonly problems: readonly Problem[]; readonly warnings?: readonly Problem[] };

/**
 * A component's plan, or `InvalidArgumentsError` with every problem: what a constructor calls before `super()`, so
 * that bad arguments register nothing.
 */
export function requirePlan<T>(component: string, name: string, result: PlanResult<T>): T {
    if (!result.ok) {
        throw new InvalidArgumentsError(component, name, result.problems);
    }
    return result.plan;
}
