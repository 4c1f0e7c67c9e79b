/**
 * The same resource in the three forms the pack reads: as its azure-native type (a registration), through
 * `resources.Resource` (generic ARM) and as a literal resource of a `resources.Deployment` template. The ARM forms
 * move everything but ARM's top-level keys under `properties`, as ARM takes them; nested objects stay as azure-native
 * writes them (the pack merges `properties` at every level, so both spellings read the same; the tests that need
 * ARM's nested spelling write it out). The ARM types here are this file's own table, not the pack's.
 */
import type { Registration } from "../../tools/recorder/recorder";

/** Each azure-native type the tests wrap: its ARM type and the inputs that name it and its parents, outermost first. */
const ARM: Readonly<Record<string, { readonly type: string; readonly names: readonly string[] }>> = {
    "azure-native:compute:VirtualMachine": { type: "Microsoft.Compute/virtualMachines", names: ["vmName"] },
    "azure-native:compute:VirtualMachineExtension": { type: "Microsoft.Compute/virtualMachines/extensions", names: ["vmName", "vmExtensionName"] },
    "azure-native:compute:VirtualMachineRunCommandByVirtualMachine": { type: "Microsoft.Compute/virtualMachines/runCommands", names: ["vmName", "runCommandName"] },
    "azure-native:compute:VirtualMachineScaleSet": { type: "Microsoft.Compute/virtualMachineScaleSets", names: ["vmScaleSetName"] },
    "azure-native:compute:VirtualMachineScaleSetExtension": { type: "Microsoft.Compute/virtualMachineScaleSets/extensions", names: ["vmScaleSetName", "vmssExtensionName"] },
    "azure-native:compute:VirtualMachineScaleSetVMRunCommand": {
        type: "Microsoft.Compute/virtualMachineScaleSets/virtualMachines/runCommands", names: ["vmScaleSetName", "instanceId", "runCommandName"],
    },
    "azure-native:compute:Disk": { type: "Microsoft.Compute/disks", names: ["diskName"] },
    "azure-native:network:NetworkInterface": { type: "Microsoft.Network/networkInterfaces", names: ["networkInterfaceName"] },
    "azure-native:network:NetworkSecurityGroup": { type: "Microsoft.Network/networkSecurityGroups", names: ["networkSecurityGroupName"] },
    "azure-native:network:SecurityRule": { type: "Microsoft.Network/networkSecurityGroups/securityRules", names: ["networkSecurityGroupName", "securityRuleName"] },
    "azure-native:network:VirtualNetwork": { type: "Microsoft.Network/virtualNetworks", names: ["virtualNetworkName"] },
    "azure-native:network:Subnet": { type: "Microsoft.Network/virtualNetworks/subnets", names: ["virtualNetworkName", "subnetName"] },
    "azure-native:network:PublicIPAddress": { type: "Microsoft.Network/publicIPAddresses", names: ["publicIpAddressName"] },
    "azure-native:network:LoadBalancer": { type: "Microsoft.Network/loadBalancers", names: ["loadBalancerName"] },
    "azure-native:network:InboundNatRule": { type: "Microsoft.Network/loadBalancers/inboundNatRules", names: ["loadBalancerName", "inboundNatRuleName"] },
    "azure-native:resources:AzureCliScript": { type: "Microsoft.Resources/deploymentScripts", names: ["scriptName"] },
    "azure-native:network:AdminRule": {
        type: "Microsoft.Network/networkManagers/securityAdminConfigurations/ruleCollections/rules",
        names: ["networkManagerName", "configurationName", "ruleCollectionName", "ruleName"],
    },
    "azure-native:network:AzureFirewall": { type: "Microsoft.Network/azureFirewalls", names: ["azureFirewallName"] },
    "azure-native:network:FirewallPolicyRuleCollectionGroup": {
        type: "Microsoft.Network/firewallPolicies/ruleCollectionGroups", names: ["firewallPolicyName", "ruleCollectionGroupName"],
    },
};

/** Keys ARM keeps beside `properties` rather than in it. */
const TOP_LEVEL = ["location", "tags", "identity", "sku", "zones", "plan", "kind", "extendedLocation"];

/** Whether the tests can wrap a type. */
export function wraps(type: string): boolean {
    return Object.hasOwn(ARM, type);
}

function armOf(r: Registration): { type: string; names: readonly string[] } {
    const arm = ARM[r.type];
    if (arm === undefined) {
        throw new Error(`test/policy/arm-forms.ts has no ARM type for ${r.type}`);
    }
    return arm;
}

/**
 * The resource's name and its parents' names: its naming inputs where set; otherwise its registration name for its
 * own, and the input's name (`vmName` -> "vm") for a parent's.
 */
function namesOf(r: Registration): string[] {
    const keys = armOf(r).names;
    return keys.map((key, i) => {
        const value = r.inputs[key];
        return typeof value === "string" ? value : i === keys.length - 1 ? r.name : key.replace(/Name$/, "");
    });
}

/** The resource as an ARM template resource: `{ type, apiVersion, name, location..., properties }`. */
export function armResource(r: Registration): Record<string, unknown> {
    const { type, names } = armOf(r);
    const rest = Object.entries(r.inputs).filter(([k]) => k !== "resourceGroupName" && !names.includes(k));
    return {
        type,
        apiVersion: "2024-07-01",
        name: namesOf(r).join("/"),
        ...Object.fromEntries(rest.filter(([k]) => TOP_LEVEL.includes(k))),
        properties: Object.fromEntries(rest.filter(([k]) => !TOP_LEVEL.includes(k))),
    };
}

/** How the pack's messages name a wrapped resource: its ARM type, its name and, in a template, where. */
export function labelOf(r: Registration, at?: string): string {
    return `${armOf(r).type} ${JSON.stringify(namesOf(r).join("/"))}${at === undefined ? "" : ` at ${at}`}: `;
}

/** The resource declared through resources.Resource (generic ARM). */
export function asGenericResource(r: Registration): Registration {
    const { type, names } = armOf(r);
    const [namespace = "", ...types] = type.split("/");
    const ownNames = namesOf(r);
    const arm = armResource(r);
    const parentPath = types.slice(0, -1).flatMap((t, i) => [t, ownNames[i] ?? ""]).join("/");
    return {
        ...r,
        type: "azure-native:resources:Resource",
        inputs: {
            resourceGroupName: "rg-wrapped",
            resourceProviderNamespace: namespace,
            parentResourcePath: parentPath,
            resourceType: types[types.length - 1] ?? "",
            resourceName: ownNames[names.length - 1] ?? r.name,
            apiVersion: "2024-07-01",
            ...Object.fromEntries(Object.entries(arm).filter(([k]) => TOP_LEVEL.includes(k) || k === "properties")),
        },
    };
}

/** A resources.Deployment whose template declares these ARM resources, literally. */
export function deployment(resources: readonly Record<string, unknown>[], from: Registration): Registration {
    return {
        ...from,
        type: "azure-native:resources:Deployment",
        name: "wrapped",
        inputs: {
            resourceGroupName: "rg-wrapped",
            properties: {
                mode: "Incremental",
                template: { $schema: "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", contentVersion: "1.0.0.0", resources },
            },
        },
    };
}

/** The resource declared in a resources.Deployment template, as its first resource. */
export function asDeployment(r: Registration): Registration {
    return deployment([armResource(r)], r);
}

/** Where asDeployment puts the resource. */
export const IN_TEMPLATE = "properties.template.resources[0]";

/** A registration no program made: a resource of `type` with these inputs and no options. */
export function bare(type: string, name: string, inputs: Record<string, unknown>): Registration {
    return {
        urn: `urn:pulumi:dev::azure-persistent-vm::${type}::${name}`,
        id: "",
        type,
        name,
        parent: null,
        custom: true,
        inputs,
        secretPaths: [],
        rawInputs: inputs,
        propertyDependencies: {},
        options: {
            protect: false, retainOnDelete: false, deleteBeforeReplace: false, ignoreChanges: [], replaceOnChanges: [], dependencies: [],
            import: null, aliases: [], replaceWith: [], replacementTrigger: undefined, deletedWith: null,
        },
    };
}
