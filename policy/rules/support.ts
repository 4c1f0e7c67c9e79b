/**
 * What every rule shares: reading a resource's inputs as plain data, printing a value in a message, and declaring
 * a policy that applies to a fixed set of azure-native type tokens. Rules compare type strings instead of importing
 * azure-native classes, so the pack loads no provider SDK and works with any azure-native major version.
 */
import type { PolicyConfigSchema, ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";

export const VIRTUAL_MACHINE = "azure-native:compute:VirtualMachine";
export const VIRTUAL_MACHINE_SCALE_SET = "azure-native:compute:VirtualMachineScaleSet";
export const VM_EXTENSION = "azure-native:compute:VirtualMachineExtension";
export const VMSS_EXTENSION = "azure-native:compute:VirtualMachineScaleSetExtension";
export const DISK = "azure-native:compute:Disk";
export const NETWORK_INTERFACE = "azure-native:network:NetworkInterface";
export const NETWORK_SECURITY_GROUP = "azure-native:network:NetworkSecurityGroup";
export const SECURITY_RULE = "azure-native:network:SecurityRule";
export const SUBNET = "azure-native:network:Subnet";
export const VIRTUAL_NETWORK = "azure-native:network:VirtualNetwork";
export const PUBLIC_IP_ADDRESS = "azure-native:network:PublicIPAddress";

/** Reports one violation; the message names the property, its value and the fix. */
export type Report = (message: string) => void;

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

/** A value as a message prints it: "not set", or its JSON (`"Enabled"`, `false`, `["*"]`). */
export function show(value: unknown): string {
    return value === undefined ? "not set" : JSON.stringify(value);
}

/** Azure compares these enum strings without regard to case. */
export function sameText(value: unknown, expected: string): boolean {
    return typeof value === "string" && value.toLowerCase() === expected.toLowerCase();
}

export interface RuleSpec {
    readonly name: string;
    readonly description: string;
    readonly enforcementLevel: "mandatory" | "advisory";
    /** The azure-native type tokens the rule reads; every other type is "not applicable". */
    readonly types: readonly string[];
    readonly configSchema?: PolicyConfigSchema;
    readonly check: (props: Readonly<Record<string, unknown>>, args: ResourceValidationArgs, report: Report) => void;
}

export function resourceRule(spec: RuleSpec): ResourceValidationPolicy {
    return {
        name: spec.name,
        description: spec.description,
        enforcementLevel: spec.enforcementLevel,
        ...(spec.configSchema !== undefined ? { configSchema: spec.configSchema } : {}),
        validateResource: (args, reportViolation) => {
            if (!spec.types.includes(args.type)) {
                args.notApplicable(`applies only to ${spec.types.join(", ")}`);
            }
            spec.check(args.props, args, (message) => reportViolation(message));
        },
    };
}

/** A boolean switch in a policy's config (`allowPublicIp`), off unless the pack config sets it to true. */
export function switchedOn(args: ResourceValidationArgs, key: string): boolean {
    return args.getConfig<Record<string, unknown>>()[key] === true;
}
