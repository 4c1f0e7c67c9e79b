/**
 * Compile-time drift checks between a contract (the schema-friendly shape other languages see) and the TypeScript
 * args the components take. A contract differs from the TypeScript args only in spelling the analyzer needs: mutable
 * arrays instead of `readonly` ones, `as const` objects instead of literal unions, every field written out instead of
 * `extends`/`Omit`/`Pick`. `Same<A, B>` compares the two after removing exactly those differences, deeply, in both
 * directions: a field added, removed, renamed, made optional or given another type on either side fails `tsc`.
 */
import type * as pulumi from "@pulumi/pulumi";

/** `T` with every `readonly` removed, deeply; Outputs and promises keep their shape around a mutable value. */
export type Mutable<T> =
    T extends pulumi.OutputInstance<infer U> ? pulumi.OutputInstance<Mutable<U>>
    : T extends Promise<infer U> ? Promise<Mutable<U>>
    : T extends readonly (infer E)[] ? Mutable<E>[]
    : T extends (...args: never[]) => unknown ? T
    : T extends object ? { -readonly [K in keyof T]: Mutable<T[K]> }
    : T;

/** True when `A` and `B` are the same type (not merely assignable to each other: an optional field left out counts). */
export type Equal<A, B> = (<X>() => X extends A ? 1 : 2) extends (<X>() => X extends B ? 1 : 2) ? true : false;

/** True when the contract `C` and the TypeScript args `T` have the same shape once `readonly` is removed. */
export type Same<C, T> = Equal<Mutable<C>, Mutable<T>>;

/**
 * Fails compilation unless its type argument is `true`: `assertSame<Same<Contract, Args>>()`. Calls cost nothing at
 * run time; they sit next to the contract they guard.
 */
export function assertSame<Check extends true>(): Check | undefined {
    return undefined;
}
