/**
 * Reading a resource's inputs as plain data, and printing a value in a message. Every rule reads inputs through these,
 * so a value a template computes is met (and reported) wherever a rule reads it (arm.ts).
 */

/** The value at `path` inside `value`, or undefined where any step is missing. */
export function field(value: unknown, ...path: (string | number)[]): unknown {
    return path.reduce<unknown>(
        (v, key) => (v !== null && typeof v === "object" ? (v as Record<string | number, unknown>)[key] : undefined),
        value,
    );
}

/** The items of an array input; an absent or non-array input has none. */
export function items(value: unknown): unknown[] {
    return Array.isArray(value) ? value : [];
}

/** A value as a message prints it: "not set", or its JSON (`"Enabled"`, `false`, `["*"]`), control characters escaped. */
export function show(value: unknown): string {
    return value === undefined ? "not set" : JSON.stringify(value);
}

/** Azure compares these enum strings without regard to case. */
export function sameText(value: unknown, expected: string): boolean {
    return typeof value === "string" && value.toLowerCase() === expected.toLowerCase();
}

export function isRecord(value: unknown): value is Record<string, unknown> {
    return value !== null && typeof value === "object" && !Array.isArray(value);
}
