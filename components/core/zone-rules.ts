/**
 * Availability zones: the one list of zones a zonal resource may name, and the one message a wrong zone gets, whether
 * it comes from a VM's `zone`, a fleet's `zones`, a Bastion's `zones` or the stack's config.
 * Source: Microsoft Learn, "What are availability zones?" (logical zones 1, 2 and 3 in every region with zones).
 */
import { checkUnique, choiceRule, type Problem } from "./problems";

/** The logical availability zones of a region that has zones. */
export const ZONES = ["1", "2", "3"] as const;
export type Zone = (typeof ZONES)[number];

export function isZone(value: string): value is Zone {
    return (ZONES as readonly string[]).includes(value);
}

/** One zone: `"4" is not an availability zone; use "1", "2" or "3".` */
export const checkZone = choiceRule(ZONES, "availability zone");

/** A list of zones: each a zone, each once. */
export function checkZoneList(path: string, values: readonly string[]): Problem[] {
    return [
        ...values.flatMap((zone, index) => checkZone(`${path}[${index}]`, zone)),
        ...checkUnique(values, (i) => `${path}[${i}]`, "zone"),
    ];
}
