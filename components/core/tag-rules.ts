/**
 * Tags, as Azure limits them on every resource this library declares: at most 50 name-value pairs, a name of at most
 * 512 characters without < > % & \ ? /, a value of at most 256 characters. Source: Microsoft Learn, "Use tags to
 * organize your Azure resources and management hierarchy", Limitations. Tags given as an Output are not checked.
 */
import type { Problem } from "./problems";

export const MAX_TAGS = 50;
export const MAX_TAG_NAME = 512;
export const MAX_TAG_VALUE = 256;
const REFUSED_IN_NAME = ["<", ">", "%", "&", "\\", "?", "/"] as const;

/** A name as a message shows it: quoted and escaped, so a control character cannot forge a line; a long one cut. */
function shown(name: string): string {
    return name.length > 40 ? `${JSON.stringify(name.slice(0, 20)).slice(0, -1)}..."` : JSON.stringify(name);
}

export function checkTags(path: string, tags: unknown): Problem[] {
    if (tags === null || typeof tags !== "object" || Array.isArray(tags) || Object.getPrototypeOf(tags) !== Object.prototype) {
        return [];
    }
    const entries = Object.entries(tags as Record<string, unknown>);
    const problems: Problem[] = [];
    if (entries.length > MAX_TAGS) {
        problems.push({ path, message: `has ${entries.length} tags; Azure allows at most ${MAX_TAGS} on a resource (remove some, or combine them).` });
    }
    for (const [name, value] of entries) {
        if (name.length > MAX_TAG_NAME) {
            problems.push({ path, message: `has a name of ${name.length} characters (${shown(name)}); Azure allows at most ${MAX_TAG_NAME} (shorten it).` });
        }
        if (typeof value === "string" && value.length > MAX_TAG_VALUE) {
            problems.push({ path: /^[A-Za-z_$][\w$]*$/.test(name) ? `${path}.${name}` : `${path}[${shown(name)}]`, message: `is ${value.length} characters; Azure allows at most ${MAX_TAG_VALUE} in a tag value (shorten it).` });
        }
    }
    for (const [name] of entries) {
        const refused = REFUSED_IN_NAME.find((c) => name.includes(c));
        if (refused !== undefined) {
            problems.push({ path, message: `has the name ${shown(name)}, which holds "${refused}"; Azure tag names cannot hold ${REFUSED_IN_NAME.join(" ")} (rename the tag).` });
        }
    }
    return problems;
}
