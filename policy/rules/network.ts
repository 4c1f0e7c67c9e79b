/**
 * Network rules: no public address unless the stack says so, NICs that do not forward traffic, and an NSG on
 * every subnet and NIC. A VM may declare its NICs inline (networkProfile.networkInterfaceConfigurations), and a scale
 * set's instances get theirs from its model's NIC configurations: the NIC rules read those as they read a NIC.
 */
import type { ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import {
    NETWORK_INTERFACE, PUBLIC_IP_ADDRESS, SUBNET, VIRTUAL_MACHINE, VIRTUAL_MACHINE_SCALE_SET, VIRTUAL_NETWORK, field, items, resourceRule,
    sameText, show, switchedOn,
} from "./support";
import { machineOf } from "./vm-shape";

export const NO_PUBLIC_IP = "apvm-no-public-ip";
export const PUBLIC_IP_STANDARD_STATIC = "apvm-public-ip-standard-static";
export const PUBLIC_IP_ZONES = "apvm-public-ip-zones";
export const NIC_IP_FORWARDING_OFF = "apvm-nic-ip-forwarding-off";
export const NIC_NSG = "apvm-nic-nsg";
export const SUBNET_NSG = "apvm-subnet-nsg";

/** The config key that lets a stack have public IP addresses. */
export const ALLOW_PUBLIC_IP = "allowPublicIp";

/** Subnets Azure's own services manage, where an NSG is not supported or not wanted. */
export const SUBNETS_WITHOUT_NSG: readonly string[] = [
    "AzureBastionSubnet", "GatewaySubnet", "AzureFirewallSubnet", "AzureFirewallManagementSubnet", "RouteServerSubnet",
];

const INSTEAD = "reach the VMs through Azure Bastion, a VPN or a private load balancer";

function reportMissingNsg(path: string, report: (message: string) => void): void {
    report(`${path} is not set; attach a network security group (deny by default, allow only what the VMs need). `
        + `Only ${SUBNETS_WITHOUT_NSG.join(", ")} go without one.`);
}

/**
 * Where a NIC names a public IP. Only presence is read: an address's id is unknown during a preview, and reading
 * it would turn the check into "can't run".
 */
function nicPublicAddresses(nic: unknown): string[] {
    return items(field(nic, "ipConfigurations"))
        .flatMap((config, i) => (field(config, "publicIPAddress") !== undefined ? [`ipConfigurations[${i}].publicIPAddress`] : []));
}

/** A VM's (or a scale set model's) inline NICs, each with its path: networkProfile.networkInterfaceConfigurations. */
function nicConfigurations(model: unknown, at: string): { path: string; nic: unknown }[] {
    return items(field(model, "networkProfile", "networkInterfaceConfigurations"))
        .map((nic, n) => ({ path: `${at}networkProfile.networkInterfaceConfigurations[${n}]`, nic }));
}

/**
 * The NICs a NIC rule reads, each with the prefix of the paths its messages name: a NIC resource itself, or each
 * NIC configuration of a VM or of a scale set's model.
 */
function nicsOf(props: unknown, args: ResourceValidationArgs): { prefix: string; nic: unknown }[] {
    if (args.type === NETWORK_INTERFACE) {
        return [{ prefix: "", nic: props }];
    }
    const { model, at } = machineOf(args);
    return nicConfigurations(model, at).map(({ path, nic }) => ({ prefix: `${path}.`, nic }));
}

/** Where a VM's (or a scale set model's) inline NICs ask for a public IP. */
function inlineNicPublicAddresses(model: unknown, at: string): string[] {
    return nicConfigurations(model, at).flatMap(({ path, nic }) => items(field(nic, "ipConfigurations"))
        .flatMap((config, i) => (field(config, "publicIPAddressConfiguration") !== undefined
            ? [`${path}.ipConfigurations[${i}].publicIPAddressConfiguration`] : [])));
}

export const NETWORK_POLICIES: ResourceValidationPolicy[] = [
    resourceRule({
        name: NO_PUBLIC_IP,
        description: "No public IP address on a VM (on its NIC or its own NIC configuration) or on a scale set's instances unless the pack config allows them.",
        // Mandatory: a public address on a NIC makes a VM reachable from the Internet. A PublicIPAddress alone is not
        // flagged: Azure Bastion, NAT gateways and load balancers need one, and the NIC that would use it is checked.
        enforcementLevel: "mandatory",
        types: [NETWORK_INTERFACE, VIRTUAL_MACHINE, VIRTUAL_MACHINE_SCALE_SET],
        configSchema: {
            properties: {
                [ALLOW_PUBLIC_IP]: { type: "boolean", default: false, description: "Allow public IP addresses and NICs that use them." },
            },
        },
        check: (props, args, report) => {
            if (switchedOn(args, ALLOW_PUBLIC_IP)) {
                return;
            }
            const machine = args.type === NETWORK_INTERFACE ? undefined : machineOf(args);
            const found = machine === undefined ? nicPublicAddresses(props) : inlineNicPublicAddresses(machine.model, machine.at);
            for (const path of found) {
                report(`${path} is set; remove it and ${INSTEAD}, or set this policy's ${ALLOW_PUBLIC_IP}: true in the pack config.`);
            }
        },
    }),
    resourceRule({
        name: PUBLIC_IP_STANDARD_STATIC,
        description: "A public IP address is Standard SKU and Static.",
        // Mandatory: Basic public IPs are retired and open to all inbound traffic unless an NSG says otherwise;
        // Standard ones are closed until an NSG allows traffic, and need Static allocation.
        enforcementLevel: "mandatory",
        types: [PUBLIC_IP_ADDRESS],
        check: (props, _args, report) => {
            const sku = field(props, "sku", "name");
            if (!sameText(sku, "Standard") && !sameText(sku, "StandardV2")) {
                report(`sku.name is ${show(sku)}; set it to "Standard": it is closed to inbound traffic until an NSG `
                    + "allows it, and Basic public IPs are retired.");
            }
            const allocation = props["publicIPAllocationMethod"];
            if (!sameText(allocation, "Static")) {
                report(`publicIPAllocationMethod is ${show(allocation)}; set it to "Static", as the Standard SKU requires.`);
            }
        },
    }),
    resourceRule({
        name: PUBLIC_IP_ZONES,
        description: "A public IP address states its zones.",
        // Advisory: regions without availability zones take no zones at all.
        enforcementLevel: "advisory",
        types: [PUBLIC_IP_ADDRESS],
        check: (props, _args, report) => {
            if (items(props["zones"]).length === 0) {
                report(`zones is ${show(props["zones"])}; set it to the VM's zone, or ["1", "2", "3"] for a `
                    + "zone-redundant address, where the region has zones.");
            }
        },
    }),
    resourceRule({
        name: NIC_IP_FORWARDING_OFF,
        description: "A NIC, or a VM's or scale set's NIC configuration, sends enableIPForwarding: false explicitly.",
        // Mandatory: a forwarding NIC routes traffic for addresses other than its own, around the NSGs meant to
        // filter it. A network virtual appliance sets this policy's enforcementLevel in the pack config.
        enforcementLevel: "mandatory",
        types: [NETWORK_INTERFACE, VIRTUAL_MACHINE, VIRTUAL_MACHINE_SCALE_SET],
        check: (props, args, report) => {
            for (const { prefix, nic } of nicsOf(props, args)) {
                const forwarding = field(nic, "enableIPForwarding");
                if (forwarding !== false) {
                    report(`${prefix}enableIPForwarding is ${show(forwarding)}; set it to false explicitly: only a network virtual `
                        + "appliance forwards traffic for other addresses.");
                }
            }
        },
    }),
    resourceRule({
        name: NIC_NSG,
        description: "A NIC, or a VM's or scale set's NIC configuration, has its own network security group, as well as its subnet's.",
        // Advisory: the subnet's NSG may be the one meant to filter the NIC's traffic.
        enforcementLevel: "advisory",
        types: [NETWORK_INTERFACE, VIRTUAL_MACHINE, VIRTUAL_MACHINE_SCALE_SET],
        check: (props, args, report) => {
            for (const { prefix, nic } of nicsOf(props, args)) {
                if (field(nic, "networkSecurityGroup") === undefined) {
                    report(`${prefix}networkSecurityGroup is not set; attach an NSG to the NIC as well as to its subnet, `
                        + "unless the subnet's NSG is meant to be the only filter.");
                }
            }
        },
    }),
    resourceRule({
        name: SUBNET_NSG,
        description: `Every subnet has a network security group, except ${SUBNETS_WITHOUT_NSG.join(", ")}.`,
        // Mandatory: without an NSG nothing filters what reaches the subnet's VMs.
        enforcementLevel: "mandatory",
        types: [SUBNET, VIRTUAL_NETWORK],
        check: (props, args, report) => {
            const subnets: [string, unknown, unknown][] = args.type === SUBNET
                ? [["networkSecurityGroup", props["subnetName"], props]]
                : items(props["subnets"]).map((s, i): [string, unknown, unknown] => [`subnets[${i}].networkSecurityGroup`, field(s, "name"), s]);
            for (const [path, name, subnet] of subnets) {
                const exempt = typeof name === "string" && SUBNETS_WITHOUT_NSG.includes(name);
                if (!exempt && field(subnet, "networkSecurityGroup") === undefined) {
                    reportMissingNsg(path, report);
                }
            }
        },
    }),
];
