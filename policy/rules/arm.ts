/**
 * Resources the pack reads inside others: the ARM resource a `resources.Resource` (generic ARM) declares, and the
 * literal resources of an ARM template given to a `resources.Deployment` (at any scope) or a deployment stack, nested
 * deployments and child `resources` included. Each becomes the inputs azure-native would take for its type (ARM's
 * `properties` merged in at every level, as azure-native flattens them), so the same rules judge it.
 *
 * A template computes some values: an expression (`"[parameters('x')]"`) or a copy loop. The pack does not evaluate
 * them; reading one throws TemplateExpression, which the rule that read it reports at its own level, so a computed
 * value is never taken for an absent or harmless one. What cannot be read at all (a linked template, a template that
 * is no object, a resource whose type is computed) is a problem that apvm-template-analysable reports.
 */
import {
    ADMIN_RULE, AZURE_CLI_SCRIPT, AZURE_FIREWALL, DEPLOYMENTS, DEPLOYMENT_STACKS, DISK, FIREWALL_POLICY_RULE_COLLECTION_GROUP, GENERIC_RESOURCE,
    INBOUND_NAT_RULE, LOAD_BALANCER, NETWORK_INTERFACE, NETWORK_SECURITY_GROUP, PUBLIC_IP_ADDRESS, SECURITY_RULE, SUBNET, VIRTUAL_MACHINE,
    VIRTUAL_MACHINE_SCALE_SET, VIRTUAL_NETWORK, VMSS_EXTENSION, VMSS_VM_EXTENSION, VMSS_VM_RUN_COMMAND, VM_EXTENSION, VM_RUN_COMMAND,
} from "./tokens";
import { field, isRecord, sameText, show } from "./values";

/**
 * ARM resource types the rules judge, each with the azure-native token whose rules apply and the input that carries
 * the resource's own name (set from the last segment of its ARM name, where a rule reads it).
 */
export const ARM_TYPES: readonly { readonly arm: string; readonly token: string; readonly nameKey: string }[] = [
    { arm: "Microsoft.Compute/virtualMachines", token: VIRTUAL_MACHINE, nameKey: "vmName" },
    { arm: "Microsoft.Compute/virtualMachines/extensions", token: VM_EXTENSION, nameKey: "vmExtensionName" },
    { arm: "Microsoft.Compute/virtualMachines/runCommands", token: VM_RUN_COMMAND, nameKey: "runCommandName" },
    { arm: "Microsoft.Compute/virtualMachineScaleSets", token: VIRTUAL_MACHINE_SCALE_SET, nameKey: "vmScaleSetName" },
    { arm: "Microsoft.Compute/virtualMachineScaleSets/extensions", token: VMSS_EXTENSION, nameKey: "vmssExtensionName" },
    { arm: "Microsoft.Compute/virtualMachineScaleSets/virtualMachines/extensions", token: VMSS_VM_EXTENSION, nameKey: "vmExtensionName" },
    { arm: "Microsoft.Compute/virtualMachineScaleSets/virtualMachines/runCommands", token: VMSS_VM_RUN_COMMAND, nameKey: "runCommandName" },
    { arm: "Microsoft.Compute/disks", token: DISK, nameKey: "diskName" },
    { arm: "Microsoft.Network/networkInterfaces", token: NETWORK_INTERFACE, nameKey: "networkInterfaceName" },
    { arm: "Microsoft.Network/networkSecurityGroups", token: NETWORK_SECURITY_GROUP, nameKey: "networkSecurityGroupName" },
    { arm: "Microsoft.Network/networkSecurityGroups/securityRules", token: SECURITY_RULE, nameKey: "securityRuleName" },
    { arm: "Microsoft.Network/virtualNetworks", token: VIRTUAL_NETWORK, nameKey: "virtualNetworkName" },
    { arm: "Microsoft.Network/virtualNetworks/subnets", token: SUBNET, nameKey: "subnetName" },
    { arm: "Microsoft.Network/publicIPAddresses", token: PUBLIC_IP_ADDRESS, nameKey: "publicIpAddressName" },
    { arm: "Microsoft.Network/loadBalancers", token: LOAD_BALANCER, nameKey: "loadBalancerName" },
    { arm: "Microsoft.Network/loadBalancers/inboundNatRules", token: INBOUND_NAT_RULE, nameKey: "inboundNatRuleName" },
    // Beyond the perimeter: rules/perimeter.ts reports them. Both kinds of deployment script read as one.
    { arm: "Microsoft.Resources/deploymentScripts", token: AZURE_CLI_SCRIPT, nameKey: "scriptName" },
    { arm: "Microsoft.Network/networkManagers/securityAdminConfigurations/ruleCollections/rules", token: ADMIN_RULE, nameKey: "ruleName" },
    { arm: "Microsoft.Network/azureFirewalls", token: AZURE_FIREWALL, nameKey: "azureFirewallName" },
    { arm: "Microsoft.Network/firewallPolicies/ruleCollectionGroups", token: FIREWALL_POLICY_RULE_COLLECTION_GROUP, nameKey: "ruleCollectionGroupName" },
];

const NESTED_DEPLOYMENT = "Microsoft.Resources/deployments";

/** Free-form bags: kept as written, since a `properties` key in them is the user's data, not ARM's wrapper. */
const FREE_FORM = ["settings", "protectedSettings", "tags"];

/** Thrown when a rule reads a value the template computes; `path` is where, in azure-native's flattened names. */
export class TemplateExpression extends Error {
    constructor(readonly path: string) {
        super(`${path} is computed by the template`);
    }
}

/** An ARM template expression: `[...]`, except a literal that starts with `[[` (ARM's escape). */
export function isExpression(value: unknown): boolean {
    return typeof value === "string" && /^\s*\[/.test(value) && /\]\s*$/.test(value) && !/^\s*\[\[/.test(value);
}

/** Stands for a property a copy loop builds. */
const COPY_LOOP = Symbol("built by a copy loop");
/** Marks an object whose `properties` is computed: any property it does not hold may be among them. */
const COMPUTED_PROPERTIES = Symbol("properties computed by the template");

/** An ARM object with its `properties` merged in, at every level, as azure-native flattens them. */
function flattenArm(value: unknown): unknown {
    if (Array.isArray(value)) {
        return value.map(flattenArm);
    }
    if (!isRecord(value)) {
        return value;
    }
    const { properties, ...rest } = value;
    const out: Record<string | symbol, unknown> = {};
    const merge = (entries: [string, unknown][]) => entries.forEach(([k, v]) => (out[k] = FREE_FORM.includes(k) ? v : flattenArm(v)));
    merge(Object.entries(rest));
    if (isRecord(properties)) {
        const { copy, ...own } = properties;
        merge(Object.entries(own));
        // A property copy loop builds the property it names; one that names none could build any.
        for (const loop of copy === undefined ? [] : Array.isArray(copy) ? copy : [undefined]) {
            const name = field(loop, "name");
            if (typeof name === "string") {
                out[name] = COPY_LOOP;
            } else {
                out[COMPUTED_PROPERTIES] = true;
            }
        }
    } else if (properties !== undefined) {
        out[COMPUTED_PROPERTIES] = true;
    }
    return out;
}

/** A view of `value` that throws TemplateExpression where a rule reads a computed value. */
function guarded(value: unknown, path: string): unknown {
    if (value === null || typeof value !== "object") {
        return value;
    }
    return new Proxy(value, {
        get(target, key, receiver) {
            const v: unknown = Reflect.get(target, key, receiver);
            if (typeof key === "symbol") {
                return v;
            }
            const at = Array.isArray(target) ? `${path}[${key}]` : path === "" ? key : `${path}.${key}`;
            if (v === COPY_LOOP || isExpression(v)) {
                throw new TemplateExpression(at);
            }
            if (v === undefined && COMPUTED_PROPERTIES in target) {
                throw new TemplateExpression(path === "" ? "properties" : `${path}.properties`);
            }
            return guarded(v, at);
        },
    });
}

/** One resource found inside a wrapper, read as its azure-native type. */
export interface Embedded {
    /** Starts each message about it: its ARM type and name, and where in the wrapper it is. */
    readonly label: string;
    /** The ARM name as written, a child's with its parent's (`nsg/ssh`); an expression stays as written. */
    readonly name: string;
    readonly token: string;
    /** Inputs as azure-native takes them; reading a computed value throws TemplateExpression. */
    readonly props: Readonly<Record<string, unknown>>;
    /** The resource it is nested in, for a template's child `resources`. */
    readonly parent: Embedded | undefined;
}

export interface WrapperContents {
    readonly resources: readonly Embedded[];
    /** What cannot be read at all, each a message naming where and why. */
    readonly problems: readonly string[];
}

/** Who holds a resource being read: the nesting parent's type and name, and its Embedded where it is one. */
interface Holder {
    readonly type: string;
    readonly name: string;
    readonly embedded: Embedded | undefined;
}

const REVIEW = "review it and lower this policy's enforcementLevel in the pack config";
const FIX = `or ${REVIEW}`;

/** A path inside a wrapper: `at.key`, or `key` at the top. */
function join(at: string, key: string): string {
    return at === "" ? key : `${at}.${key}`;
}

/** A copy of `value` without `keys`. */
function without(value: Readonly<Record<string, unknown>>, keys: readonly string[]): Record<string, unknown> {
    return Object.fromEntries(Object.entries(value).filter(([k]) => !keys.includes(k)));
}

class Reader {
    readonly resources: Embedded[] = [];
    readonly problems: string[] = [];

    template(template: unknown, at: string): void {
        const parsed = typeof template === "string" && !isExpression(template) ? parseJson(template) : template;
        if (!isRecord(parsed)) {
            this.problems.push(`${at} is ${isExpression(template) ? "a template expression" : "not a template object"}, so the pack `
                + `cannot read its resources; give the template inline as an object, ${FIX}.`);
            return;
        }
        this.resourceList(parsed["resources"], `${at}.resources`, undefined);
    }

    /** A template's `resources`: an array, or an object keyed by symbolic name (languageVersion 2.0). */
    resourceList(resources: unknown, at: string, holder: Holder | undefined): void {
        if (resources === undefined) {
            return;
        }
        if (Array.isArray(resources)) {
            resources.forEach((r, i) => this.resource(r, `${at}[${i}]`, holder));
        } else if (isRecord(resources)) {
            Object.entries(resources).forEach(([key, r]) => this.resource(r, `${at}.${key}`, holder));
        } else {
            this.problems.push(`${at} is ${isExpression(resources) ? "a template expression" : "not a list of resources"}, so the pack `
                + `cannot read them; list the resources literally, ${FIX}.`);
        }
    }

    resource(resource: unknown, at: string, holder: Holder | undefined): void {
        if (!isRecord(resource)) {
            this.problems.push(`${at} is not a resource object, so the pack cannot read it; write it literally, ${FIX}.`);
            return;
        }
        if (resource["existing"] === true) {
            return; // A reference to a resource deployed elsewhere: this template does not deploy it.
        }
        const written = resource["type"];
        if (typeof written !== "string" || isExpression(written)) {
            this.problems.push(`${at}.type is ${show(written)}, so the pack cannot tell what the resource is; write its type literally, ${FIX}.`);
            return;
        }
        // A child nested in its parent writes its type and name as one segment (`extensions`, `ext1`).
        const type = holder !== undefined && !written.includes("/") ? `${holder.type}/${written}` : written;
        const ownName = typeof resource["name"] === "string" ? resource["name"] : show(resource["name"]);
        const name = holder !== undefined && !ownName.includes("/") ? `${holder.name}/${ownName}` : ownName;
        if (sameText(type, NESTED_DEPLOYMENT)) {
            this.deployment(resource["properties"], `${at}.properties`);
            return;
        }
        const embedded = this.embed(resource, type, name, at, holder?.embedded);
        this.resourceList(resource["resources"], `${at}.resources`, { type, name, embedded });
    }

    /** A deployment's properties: an inline template is read; a linked one cannot be. */
    deployment(properties: unknown, at: string): void {
        if (field(properties, "templateLink") !== undefined) {
            this.problems.push(`${join(at, "templateLink")} links a template the pack cannot read; give the template inline `
                + `(${join(at, "template")}) so its resources are checked, ${FIX}.`);
            return;
        }
        this.template(field(properties, "template"), join(at, "template"));
    }

    embed(resource: Record<string, unknown>, type: string, name: string, at: string, parent: Embedded | undefined): Embedded | undefined {
        const entry = ARM_TYPES.find((t) => sameText(t.arm, type));
        if (entry === undefined) {
            return undefined;
        }
        const flat = flattenArm(without(resource, ["resources"])) as Record<string, unknown>;
        const last = name.split("/").pop() ?? name;
        if (!isExpression(name) && last !== "") {
            flat[entry.nameKey] = last;
        }
        const embedded: Embedded = {
            label: `${entry.arm} ${show(name)}${at === "" ? "" : ` at ${at}`}: `,
            name,
            token: entry.token,
            props: guarded(flat, "") as Readonly<Record<string, unknown>>,
            parent,
        };
        this.resources.push(embedded);
        return embedded;
    }
}

function parseJson(text: string): unknown {
    try {
        return JSON.parse(text) as unknown;
    } catch {
        return undefined;
    }
}

/** The ARM type a generic resource declares: its namespace, its parents' types (from parentResourcePath), its type. */
function genericType(props: Readonly<Record<string, unknown>>): { type: string; name: string } | undefined {
    const namespace = props["resourceProviderNamespace"];
    const resourceType = props["resourceType"];
    const parentPath = typeof props["parentResourcePath"] === "string" ? props["parentResourcePath"].split("/").filter((s) => s !== "") : [];
    if (typeof namespace !== "string" || typeof resourceType !== "string") {
        return undefined;
    }
    const parentTypes = parentPath.filter((_, i) => i % 2 === 0);
    const parentNames = parentPath.filter((_, i) => i % 2 === 1);
    const resourceName = typeof props["resourceName"] === "string" ? props["resourceName"] : "";
    return { type: [namespace, ...parentTypes, resourceType].join("/"), name: [...parentNames, resourceName].join("/") };
}

/** What a wrapper (WRAPPERS in tokens.ts) holds; other types hold nothing. */
export function wrapperContents(type: string, props: Readonly<Record<string, unknown>>): WrapperContents {
    const reader = new Reader();
    if (type === GENERIC_RESOURCE) {
        const declared = genericType(props);
        if (declared === undefined) {
            reader.problems.push(`resourceProviderNamespace ${show(props["resourceProviderNamespace"])} and resourceType `
                + `${show(props["resourceType"])} do not name a resource type, so the pack cannot tell what it is; ${REVIEW}.`);
        } else if (sameText(declared.type, NESTED_DEPLOYMENT)) {
            reader.deployment(props["properties"], "properties");
        } else {
            const arm = without(props, ["resourceProviderNamespace", "parentResourcePath", "resourceType", "resourceName", "resourceGroupName", "apiVersion"]);
            const properties = typeof arm["properties"] === "string" ? parseJson(arm["properties"]) ?? arm["properties"] : arm["properties"];
            reader.embed({ ...arm, properties: properties ?? {} }, declared.type, declared.name, "", undefined);
        }
    } else if (DEPLOYMENTS.includes(type)) {
        reader.deployment(props["properties"], "properties");
    } else if (DEPLOYMENT_STACKS.includes(type)) {
        reader.deployment(props, "");
    }
    return { resources: reader.resources, problems: reader.problems };
}
