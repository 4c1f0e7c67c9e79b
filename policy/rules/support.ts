/**
 * What every rule shares: the type tokens and value helpers (re-exported from tokens.ts and values.ts), and declaring
 * a policy that applies to a fixed set of azure-native types, wherever a resource of those types is declared: as
 * that type, through `resources.Resource` (generic ARM), or in the literal template of a `resources.Deployment` or a
 * deployment stack (arm.ts reads them).
 */
import type { PolicyConfigSchema, ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import { TemplateExpression, wrapperContents, type Embedded } from "./arm";
import { WRAPPERS } from "./tokens";

export * from "./tokens";
export { field, isRecord, items, sameText, show } from "./values";

/** Reports one violation; the message names the property, its value and the fix. */
export type Report = (message: string) => void;

/** A rule's arguments; for a resource read inside a wrapper, with the wrapper's other resources. */
export interface RuleArgs extends ResourceValidationArgs {
    readonly inside?: {
        /** The resource being judged. */
        readonly self: Embedded;
        /** Every resource the wrapper holds, for a rule that judges a resource with its children (an NSG's rules). */
        readonly all: readonly Embedded[];
    };
}

export interface RuleSpec {
    readonly name: string;
    readonly description: string;
    readonly enforcementLevel: "mandatory" | "advisory";
    /** The azure-native type tokens the rule reads; every other type is "not applicable". */
    readonly types: readonly string[];
    /**
     * Whether the rule also judges resources of its types declared inside a wrapper. False for a rule about Pulumi
     * resource options, which an ARM resource inside a template does not have, and for a rule about wrappers themselves.
     * @default true
     */
    readonly inWrappers?: boolean;
    readonly configSchema?: PolicyConfigSchema;
    readonly check: (props: Readonly<Record<string, unknown>>, args: RuleArgs, report: Report) => void;
}

/** Thrown by a rule's `notApplicable` for a resource inside a wrapper: that resource is skipped, not the wrapper. */
class NotApplicableInside extends Error {}

const EXPRESSION_FIX = "write the value literally, or review the resource and lower this policy's enforcementLevel in the pack config";

/** Runs a rule on one resource inside a wrapper; messages start with the resource's label. */
function checkInside(spec: RuleSpec, args: ResourceValidationArgs, self: Embedded, all: readonly Embedded[], report: Report): void {
    const inner: RuleArgs = {
        ...args,
        type: self.token,
        name: self.name.split("/").pop() ?? self.name,
        props: self.props,
        isType: () => false,
        asType: () => undefined,
        notApplicable: (reason?: string): never => {
            throw new NotApplicableInside(reason);
        },
        inside: { self, all },
    };
    try {
        spec.check(self.props, inner, (message) => report(`${self.label}${message}`));
    } catch (e) {
        if (e instanceof TemplateExpression) {
            report(`${self.label}${e.path} is computed by the template (an expression or a copy loop), which the pack does not `
                + `evaluate, so this policy cannot judge the resource; ${EXPRESSION_FIX}.`);
        } else if (!(e instanceof NotApplicableInside)) {
            throw e;
        }
    }
}

export function resourceRule(spec: RuleSpec): ResourceValidationPolicy {
    return {
        name: spec.name,
        description: spec.description,
        enforcementLevel: spec.enforcementLevel,
        ...(spec.configSchema !== undefined ? { configSchema: spec.configSchema } : {}),
        validateResource: (args, reportViolation) => {
            const report: Report = (message) => reportViolation(message);
            if (spec.inWrappers !== false && WRAPPERS.includes(args.type)) {
                const all = wrapperContents(args.type, args.props).resources;
                const mine = all.filter((r) => spec.types.includes(r.token));
                if (mine.length === 0) {
                    args.notApplicable(`applies only to ${spec.types.join(", ")}, and this ${args.type} declares none`);
                }
                mine.forEach((self) => checkInside(spec, args, self, all, report));
                return;
            }
            if (!spec.types.includes(args.type)) {
                args.notApplicable(`applies only to ${spec.types.join(", ")}`);
            }
            spec.check(args.props, args, report);
        },
    };
}

/** A boolean switch in a policy's config (`allowPublicIp`), off unless the pack config sets it to true. */
export function switchedOn(args: ResourceValidationArgs, key: string): boolean {
    return args.getConfig<Record<string, unknown>>()[key] === true;
}

/** A list of strings in a policy's config (`trustedServiceTags`); empty unless the pack config sets one. */
export function configList(args: Pick<ResourceValidationArgs, "getConfig">, key: string): string[] {
    const value = args.getConfig<Record<string, unknown>>()[key];
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}
