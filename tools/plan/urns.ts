/** URNs as the engine writes them, and the old URNs a goal's aliases stand for. Pure. */
import type { ResourceState } from "./resource-state";

/** `urn:pulumi:stack::project::qualified$type::name` -> its parts. */
export function urnParts(urn: string): { stack: string; project: string; qualifiedType: string; name: string } {
    const rest = urn.replace(/^urn:pulumi:/, "");
    const [stack = "", project = "", qualifiedType = "", ...name] = rest.split("::");
    return { stack, project, qualifiedType, name: name.join("::") };
}

/** The URNs a goal's aliases stand for. */
export function aliasUrns(goal: ResourceState): string[] {
    const own = urnParts(goal.urn);
    const qualified = (parentUrn: string | null, type: string) => {
        if (parentUrn === null) {
            return type;
        }
        const parent = urnParts(parentUrn).qualifiedType;
        return parent === "pulumi:pulumi:Stack" ? type : `${parent}$${type}`;
    };
    return goal.aliases.map((alias) => {
        if ("urn" in alias) {
            return alias.urn;
        }
        const parent = alias.noParent === true ? null : (alias.parentUrn ?? goal.parent);
        const type = alias.type ?? goal.type;
        return `urn:pulumi:${alias.stack ?? own.stack}::${alias.project ?? own.project}::${qualified(parent, type)}::${alias.name ?? own.name}`;
    });
}

