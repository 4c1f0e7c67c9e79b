/**
 * Checks a stack author runs over a run's registrations: every disk protected, no network security group that opens
 * SSH or RDP to anyone. Each returns the offending resources with a message that names the resource, what is wrong
 * and the fix; an empty list means the stack passes. Plain data in, plain data out.
 *
 * They judge what the engine would receive, whatever declared it (the library's components or the stack's own
 * azure-native resources). The address arithmetic is the library's own (components/network/address-rules.ts, which
 * the policy pack vendors): "anyone" is a whole /8 of public IPv4, a whole /12 of global unicast IPv6, or a service
 * tag that means anyone, however the sources are split between rules.
 */
import { inboundReach, reachAt, securityRuleFacts, type PortReach } from "../components/network/address-rules";
import { protectionOf } from "../components/disk/disk-lifecycle-plan";
import { SECRET, UNKNOWN } from "../tools/recorder/recorder";
import { inputsToJudge, type RecordedResource } from "./recorded";

/** One resource that fails a check. */
export interface Finding {
    /** The resource's URN. */
    readonly urn: string;
    /** The resource's Pulumi type token. */
    readonly type: string;
    /** The resource's Pulumi name. */
    readonly name: string;
    /** What is wrong, naming the resource and the input or option at fault, and how to fix it. */
    readonly message: string;
}

/** The type token of a managed disk, which `everyDiskProtected` judges by its resource options. */
export const DISK_TYPE = "azure-native:compute:Disk";
/** The type token of a VM, whose disks' delete options `everyDiskProtected` judges. */
export const VM_TYPE = "azure-native:compute:VirtualMachine";
/** The type token of a scale set, whose data disks' delete options `everyDiskProtected` judges. */
export const SCALE_SET_TYPE = "azure-native:compute:VirtualMachineScaleSet";
/** The type token of a network security group, whose inline rules the NSG checks judge. */
export const NSG_TYPE = "azure-native:network:NetworkSecurityGroup";
/** The type token of a security rule declared as a resource of its own, judged with its NSG. */
export const SECURITY_RULE_TYPE = "azure-native:network:SecurityRule";

function finding(r: RecordedResource, message: string): Finding {
    return { urn: r.urn, type: r.type, name: r.name, message: `${r.type} ${JSON.stringify(r.name)}: ${message}` };
}

function field(value: unknown, ...keys: string[]): unknown {
    return keys.reduce<unknown>((v, k) => (v !== null && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined), value);
}

function list(value: unknown): unknown[] {
    return Array.isArray(value) ? value : [];
}

function isDelete(value: unknown): boolean {
    return typeof value === "string" && value.toLowerCase() === "delete";
}

/** A managed disk's options: both `protect` and `retainOnDelete`, as the components' disk protection "protect" sets them. */
function diskOptionFindings(disk: RecordedResource): Finding[] {
    const { protect, retainOnDelete } = disk.options;
    if (protect && retainOnDelete) {
        return [];
    }
    if (protect) {
        return [finding(disk, "protect is set but retainOnDelete is not: a delete that is part of a replacement skips protect and "
            + "deletes the disk; set retainOnDelete: true as well (the components' disk protection \"protect\" sets both).")];
    }
    const mode = protectionOf({ protect, retainOnDelete });
    const effect = mode === "retain"
        ? "protection \"retain\" (retainOnDelete without protect): pulumi destroy, or removing it from the program, takes it out of the stack with no refusal"
        : "protection \"delete\" (neither protect nor retainOnDelete): pulumi destroy, or removing it from the program, deletes the disk and its data";
    return [finding(disk, `${effect}; give it disk protection "protect" (the components' default: a VM's diskProtection, a data `
        + "disk's protection) or, for a disk the stack declares itself, the protect and retainOnDelete resource options.")];
}

/** A finding for a part of the inputs that is a secret as a whole, when the check has no value to judge inside it. */
function hidden(r: RecordedResource, path: string): Finding {
    return finding(r, `${path} is a secret as a whole and this copy of the registration holds no value to judge; pass the registrations `
        + "as the run returned them (not copies), so its disks can be judged.");
}

/** A VM's disks that Azure deletes with it: a delete option of "Delete", or an ephemeral OS disk. */
function vmDiskFindings(vm: RecordedResource): Finding[] {
    const storage = field(inputsToJudge(vm), "storageProfile");
    if (storage === SECRET) {
        return [hidden(vm, "storageProfile")];
    }
    const osDisk = field(storage, "osDisk");
    const found: Finding[] = [];
    if (field(osDisk, "diffDiskSettings") !== undefined) {
        found.push(finding(vm, "storageProfile.osDisk is ephemeral (diffDiskSettings), so Azure deletes it with the VM; "
            + "use a managed OS disk with deleteOption \"Detach\"."));
    } else if (isDelete(field(osDisk, "deleteOption"))) {
        found.push(finding(vm, "storageProfile.osDisk.deleteOption is \"Delete\", so deleting the VM deletes its OS disk; set it to "
            + "\"Detach\" (the components do unless the disk protection is \"delete\")."));
    }
    list(field(storage, "dataDisks")).forEach((disk, i) => {
        if (isDelete(field(disk, "deleteOption"))) {
            found.push(finding(vm, `storageProfile.dataDisks[${i}].deleteOption is "Delete", so deleting the VM deletes that data disk; `
                + "set it to \"Detach\"."));
        }
    });
    return found;
}

/**
 * A scale set's data disks, one per instance: a delete option of "Delete", or none, since Azure's default for a
 * Flexible scale set's disks is "Delete". Its OS disks are not judged: an instance is rebuilt from the image, and the
 * components' fleets delete them by design (docs/fleets-and-scale.md).
 */
function scaleSetDiskFindings(set: RecordedResource): Finding[] {
    const profile = field(inputsToJudge(set), "virtualMachineProfile");
    if (profile === SECRET) {
        return [hidden(set, "virtualMachineProfile")];
    }
    return list(field(profile, "storageProfile", "dataDisks")).flatMap((disk, i) => {
        const option = field(disk, "deleteOption");
        if (!isDelete(option) && option !== undefined) {
            return [];
        }
        const said = option === undefined ? "is not set, and Azure's default for a Flexible scale set is \"Delete\"" : "is \"Delete\"";
        return [finding(set, `virtualMachineProfile.storageProfile.dataDisks[${i}].deleteOption ${said}, so removing an instance deletes `
            + "that data disk; set it to \"Detach\" (the components' scale sets do by default).")];
    });
}

/**
 * Every disk of the stack outlives the stack's mistakes: each managed disk (`azure-native:compute:Disk`) carries both
 * `protect` and `retainOnDelete`; no VM has a disk Azure deletes with it (a delete option of "Delete", an ephemeral
 * OS disk); no scale set deletes an instance's data disk with the instance (a delete option of "Delete", or none).
 * A scale set's OS disks are not judged: its instances are rebuilt from the image.
 * @returns one finding per problem, in registration order; empty when every disk is protected.
 */
export function everyDiskProtected(registrations: readonly RecordedResource[]): Finding[] {
    return registrations.filter((r) => r.custom).flatMap((r) => {
        switch (r.type) {
            case DISK_TYPE:
                return diskOptionFindings(r);
            case VM_TYPE:
                return vmDiskFindings(r);
            case SCALE_SET_TYPE:
                return scaleSetDiskFindings(r);
            default:
                return [];
        }
    });
}

/** Options of the NSG checks. */
export interface NsgCheckOptions {
    /**
     * Service tags (exact names, like "VirtualNetwork") you have reviewed and take as limited. Without it, a source
     * the arithmetic cannot size (such a tag, or a value not known offline) is reported as "may be open to anyone".
     * A tag that means anyone ("Internet", "AzureCloud", "*") stays anyone.
     * @default none
     */
    readonly trustedServiceTags?: readonly string[];
}

/** A rule, with how a message names it. */
interface NamedRule {
    readonly where: string;
    readonly rule: unknown;
}

function text(value: unknown): string {
    return typeof value === "string" ? value : JSON.stringify(value);
}

/** Whether a SecurityRule resource adds to this NSG: its NSG name input took the NSG's output, or names it. */
function belongsTo(rule: RecordedResource, nsg: RecordedResource): boolean {
    if ((rule.propertyDependencies["networkSecurityGroupName"] ?? []).includes(nsg.urn)) {
        return true;
    }
    const named = rule.inputs["networkSecurityGroupName"];
    const nsgName = nsg.inputs["networkSecurityGroupName"] ?? nsg.name;
    const sameGroup = rule.inputs["resourceGroupName"] === nsg.inputs["resourceGroupName"];
    return typeof named === "string" && typeof nsgName === "string" && named.toLowerCase() === nsgName.toLowerCase() && sameGroup;
}

/** Each NSG with its inline rules and the SecurityRule resources that add to it; a SecurityRule of no NSG here, alone. */
function ruleSets(registrations: readonly RecordedResource[]): { readonly owner: RecordedResource; readonly rules: NamedRule[] }[] {
    const separate = registrations.filter((r) => r.custom && r.type === SECURITY_RULE_TYPE);
    const nsgs = registrations.filter((r) => r.custom && r.type === NSG_TYPE);
    const named = (r: RecordedResource): NamedRule => ({ where: `SecurityRule ${JSON.stringify(r.inputs["securityRuleName"] ?? r.name)}`, rule: r.inputs });
    const withNsg = nsgs.map((nsg) => ({
        owner: nsg,
        rules: [
            ...list(nsg.inputs["securityRules"]).map((rule, i) => ({ where: `securityRules[${i}] (${text(field(rule, "name"))})`, rule })),
            ...separate.filter((r) => belongsTo(r, nsg)).map(named),
        ],
    }));
    const alone = separate.filter((r) => !nsgs.some((nsg) => belongsTo(r, nsg))).map((r) => ({ owner: r, rules: [named(r)] }));
    return [...withNsg, ...alone];
}

function andList(texts: readonly string[]): string {
    return texts.length <= 1 ? texts.join("") : `${texts.slice(0, -1).join(", ")} and ${texts[texts.length - 1]}`;
}

function openingMessage(run: PortReach, rules: readonly NamedRule[], label: string): string {
    const which = andList(run.rules.map((i) => rules[i]?.where ?? `rule ${i}`));
    if (run.reach === "anyone") {
        return `port ${label} is open to anyone: the sources of ${which} ${run.why}; set sourceAddressPrefixes to the addresses `
            + "you manage from, or reach the VMs through Azure Bastion.";
    }
    const offline = run.why.includes(JSON.stringify(SECRET)) || run.why.includes(JSON.stringify(UNKNOWN))
        ? " (a value not known offline counts as unsized)" : "";
    return `port ${label} may be open to anyone: the sources of ${which} ${run.why}${offline}; list address ranges instead, `
        + "or name a service tag you have reviewed in trustedServiceTags.";
}

/** How messages name the ports people ask about most. */
const PORT_LABELS: Readonly<Record<number, string>> = { 22: "22 (SSH)", 3389: "3389 (RDP)" };

/**
 * Who the stack's network security groups let reach one inbound port: for each NSG, the sources of its inline rules
 * and of the SecurityRule resources that add to it, together (a SecurityRule whose NSG is not in the stack is judged
 * alone). A rule for TCP, UDP or any protocol counts; ICMP, ESP and AH rules open no port. Deny rules are not honoured,
 * so the answer errs towards "open".
 * @returns one finding per NSG (or lone SecurityRule) that opens the port to anyone, or may; empty when none does.
 */
export function noNsgOpensPortToAnyone(registrations: readonly RecordedResource[], port: number, options: NsgCheckOptions = {}): Finding[] {
    const trusted = options.trustedServiceTags ?? [];
    return ruleSets(registrations).flatMap(({ owner, rules }) => {
        const run = reachAt(inboundReach(rules.map((r) => securityRuleFacts(r.rule)), trusted), port);
        return run === undefined || run.reach === "limited" ? [] : [finding(owner, openingMessage(run, rules, PORT_LABELS[port] ?? String(port)))];
    });
}

/** No network security group of the stack lets anyone reach SSH (port 22). See `noNsgOpensPortToAnyone`. */
export function noNsgOpensSshToAnyone(registrations: readonly RecordedResource[], options: NsgCheckOptions = {}): Finding[] {
    return noNsgOpensPortToAnyone(registrations, 22, options);
}

/** No network security group of the stack lets anyone reach RDP (port 3389). See `noNsgOpensPortToAnyone`. */
export function noNsgOpensRdpToAnyone(registrations: readonly RecordedResource[], options: NsgCheckOptions = {}): Finding[] {
    return noNsgOpensPortToAnyone(registrations, 3389, options);
}
