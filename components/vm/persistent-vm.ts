/**
 * What LinuxVm and WindowsVm share: the NIC, the persistent data disks and the VM resource, declared from a plan.
 */
import * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/azure-native/compute";
import * as monitor from "@pulumi/azure-native/monitor";
import * as network from "@pulumi/azure-native/network";
import type * as azureInputs from "@pulumi/azure-native/types/input";
import { AZURE_MONITOR_AGENT, ENTRA_LOGIN, declareExtension, declareRunCommand, domainJoinExtension, type ExtensionSpec } from "./guest-steps-declare";
import { declareVmBackup } from "../backup/backup-vault";
import type { VmArgs } from "./vm-args";
import { declareDataDisk, declareDiskFormat, declareOsDisk, type DiskCommon } from "../disk/disk-declare";
import { azureOsType } from "../disk/os-disk-plan";
import type { VmPlan } from "./vm-plan";

/** The OS profile a component builds for its OS, and the credential it generated, if any (a secret). */
export interface OsProfile {
    /** Undefined for a VM built from an existing OS disk, which brings its own. */
    readonly osProfile: azureInputs.compute.OSProfileArgs | undefined;
    readonly generatedCredential: pulumi.Output<string> | undefined;
    /** The extension that rotates the credential in place; undefined for a VM built from an existing OS disk. */
    readonly access: ExtensionSpec | undefined;
}

/** Builds the OS profile; children it creates take the given options (they are parented to the component). */
export type OsProfileFactory = (childOptions: pulumi.CustomResourceOptions) => OsProfile;

/**
 * The shared implementation: a component whose children are a NIC, one managed disk per data disk, the VM and,
 * through the OS profile factory, a generated credential.
 */
export abstract class PersistentVm extends pulumi.ComponentResource {
    /** The VM's Azure resource id. */
    public readonly vmId: pulumi.Output<string>;
    /** The VM's name in Azure. */
    public readonly vmName: pulumi.Output<string>;
    /** The NIC's private IP address. */
    public readonly privateIpAddress: pulumi.Output<string>;
    /** The NIC's resource id. */
    public readonly nicId: pulumi.Output<string>;
    /** The name Azure gave the OS disk (`<vm>_OsDisk_1_<unique id>`); the disk is kept when the VM is deleted. */
    public readonly osDiskName: pulumi.Output<string>;
    /** Data disk resource ids by disk name. */
    public readonly dataDiskIds: pulumi.Output<Record<string, string>>;
    /** The principal id of the VM's system-assigned managed identity. */
    public readonly principalId: pulumi.Output<string>;
    /**
     * The last step of the VM's guest chain (access extension, domain join, Entra ID login, Azure Monitor agent, disk
     * formats by LUN, each after the one before), or the VM itself when it has none. Depend on it to run something in
     * the guest after everything the component set up there, e.g. a Run Command that needs the formatted disks.
     */
    public readonly lastGuestStep: pulumi.Resource;
    /** The credential the component generated (a secret), exposed under an OS-specific name by each component. */
    protected readonly generatedCredential: pulumi.Output<string> | undefined;

    protected constructor(
        type: string,
        name: string,
        plan: VmPlan,
        args: VmArgs,
        buildOsProfile: OsProfileFactory,
        opts?: pulumi.ComponentResourceOptions,
    ) {
        super(type, name, {}, opts);
        for (const warning of plan.warnings) {
            void pulumi.log.warn(`${type.split(":").pop() ?? type} "${name}": ${warning.path} ${warning.message}`, this);
        }
        const parent = { parent: this };
        const common = { resourceGroupName: args.resourceGroupName, location: args.location, tags: args.tags };
        const fromImage = plan.osDisk.source === "image";
        const profile: OsProfile = fromImage ? buildOsProfile(parent) : { osProfile: undefined, generatedCredential: undefined, access: undefined };

        // Opt-in: a Standard static public IP, zonal with the VM (Basic and dynamic IPs are what scanners flag).
        const publicIp = plan.publicIp === undefined ? undefined : new network.PublicIPAddress(plan.resourceNames.publicIp, {
            ...common,
            publicIpAddressName: plan.publicIp.name,
            sku: { name: "Standard", tier: "Regional" },
            publicIPAllocationMethod: "Static",
            publicIPAddressVersion: "IPv4",
            zones: plan.publicIp.zones ? [...plan.publicIp.zones] : undefined,
        }, parent);

        const nic = new network.NetworkInterface(plan.resourceNames.nic, {
            ...common,
            networkInterfaceName: plan.nicName,
            ipConfigurations: [{
                name: "ipconfig1",
                primary: true,
                privateIPAllocationMethod: args.privateIpAddress !== undefined ? "Static" : "Dynamic",
                privateIPAddress: args.privateIpAddress,
                subnet: { id: args.subnetId },
                publicIPAddress: publicIp !== undefined ? { id: publicIp.id } : undefined,
            }],
            networkSecurityGroup: args.networkSecurityGroupId !== undefined ? { id: args.networkSecurityGroupId } : undefined,
            enableIPForwarding: false,
        }, parent);

        const disks = { ...common, diskEncryptionSetId: args.diskEncryptionSetId };
        const dataDisks = plan.dataDisks.map((disk, index) => ({
            disk,
            id: declareDataDisk(disk, args.dataDisks?.[index]?.source, disks, parent),
        }));

        const image = plan.image.kind === "marketplace"
            ? { publisher: plan.image.publisher, offer: plan.image.offer, sku: plan.image.sku, version: plan.image.version }
            : plan.image.kind === "gallery" ? { id: args.galleryImageId } : undefined;
        const osDisk: azureInputs.compute.OSDiskArgs = fromImage
            ? {
                createOption: "FromImage",
                deleteOption: plan.osDisk.deleteOption,
                caching: plan.osDisk.caching,
                diskSizeGB: plan.osDisk.sizeGb,
                managedDisk: {
                    storageAccountType: plan.osDisk.sku,
                    diskEncryptionSet: args.diskEncryptionSetId !== undefined ? { id: args.diskEncryptionSetId } : undefined,
                },
            }
            : {
                createOption: "Attach",
                osType: azureOsType(plan.os),
                deleteOption: plan.osDisk.deleteOption,
                caching: plan.osDisk.caching,
                managedDisk: {
                    id: declareOsDisk(plan.osDisk, args.osDisk?.source, plan.os, plan.securityType === "TrustedLaunch", plan.osDisk.zones, disks, parent),
                },
            };

        const vm = new compute.VirtualMachine(plan.resourceNames.vm, {
            ...common,
            vmName: plan.vmName,
            zones: plan.zones ? [...plan.zones] : undefined,
            availabilitySet: args.availabilitySetId !== undefined ? { id: args.availabilitySetId } : undefined,
            additionalCapabilities: plan.ultraSsdEnabled ? { ultraSSDEnabled: true } : undefined,
            hardwareProfile: { vmSize: plan.size },
            plan: plan.plan ? { ...plan.plan } : undefined,
            identity: { type: "SystemAssigned" },
            securityProfile: securityProfile(plan.securityType, args.encryptionAtHost === true),
            diagnosticsProfile: { bootDiagnostics: { enabled: true } },
            networkProfile: {
                networkInterfaces: [{ id: nic.id, primary: true, deleteOption: "Detach" }],
            },
            osProfile: profile.osProfile,
            storageProfile: {
                imageReference: image,
                osDisk,
                dataDisks: dataDisks.map(({ disk, id }) => ({
                    lun: disk.lun,
                    createOption: "Attach",
                    deleteOption: "Detach",
                    caching: disk.caching,
                    managedDisk: { id },
                })),
            },
        }, {
            ...parent,
            deleteBeforeReplace: plan.vmOptions.deleteBeforeReplace,
            replaceOnChanges: [...plan.vmOptions.replaceOnChanges],
            ignoreChanges: [...plan.vmOptions.ignoreChanges],
        });

        this.lastGuestStep = declareDependents(plan, args, profile.access, vm, common, parent);

        this.generatedCredential = profile.generatedCredential;
        this.vmId = vm.id;
        this.vmName = vm.name;
        this.nicId = nic.id;
        this.privateIpAddress = nic.ipConfigurations.apply((configs) => configs?.[0]?.privateIPAddress ?? "");
        this.osDiskName = vm.storageProfile.apply((storage) => storage?.osDisk?.name ?? "");
        this.principalId = vm.identity.apply((identity) => identity?.principalId ?? "");
        this.dataDiskIds = pulumi.output(Object.fromEntries(dataDisks.map(({ disk, id }) => [disk.key, id])));
        this.registerOutputs({
            vmId: this.vmId,
            vmName: this.vmName,
            privateIpAddress: this.privateIpAddress,
            nicId: this.nicId,
            osDiskName: this.osDiskName,
            dataDiskIds: this.dataDiskIds,
            principalId: this.principalId,
            generatedCredential: profile.generatedCredential,
        });
    }
}

/**
 * What hangs off the VM. In the guest, one step after the other (the disks are attached with the VM): the access
 * extension, the domain join (a Run Command that waits until the domain answers, then the join extension, which
 * restarts the VM), the Entra ID login and Azure Monitor agents, then each disk's formatting, by LUN. Beside it: the
 * data collection rule association and the backup item. Returns the last guest step, or the VM when there is none.
 */
function declareDependents(
    plan: VmPlan,
    args: VmArgs,
    access: ExtensionSpec | undefined,
    vm: compute.VirtualMachine,
    common: DiskCommon,
    parent: pulumi.CustomResourceOptions,
): pulumi.Resource {
    const target = { ...common, vmName: vm.name };
    let previous: pulumi.Resource = access === undefined
        ? vm
        : declareExtension(plan.resourceNames.access, access, target, { ...parent, dependsOn: [vm] });
    if (plan.domainJoin !== undefined && args.domainJoin !== undefined) {
        // The wait also follows what the caller names (a controller's promotion); the join follows only the wait,
        // which succeeds once the domain answers from this VM, after that controller's restart.
        const wait = declareRunCommand(plan.resourceNames.waitDomain, plan.domainJoin.wait, target, {
            ...parent,
            dependsOn: [previous, ...(args.domainJoin.dependsOn ?? [])],
        });
        previous = declareExtension(plan.resourceNames.domainJoin, domainJoinExtension(plan.domainJoin, args.domainJoin.password), target, { ...parent, dependsOn: [wait] });
    }
    const extensions = [
        { name: plan.resourceNames.entraLogin, spec: args.entraIdLogin === true ? ENTRA_LOGIN[plan.os] : undefined },
        { name: plan.resourceNames.monitorAgent, spec: args.azureMonitor !== undefined ? AZURE_MONITOR_AGENT[plan.os] : undefined },
    ];
    for (const { name, spec } of extensions) {
        if (spec !== undefined) {
            previous = declareExtension(name, spec, target, { ...parent, dependsOn: [previous] });
        }
    }
    for (const disk of [...plan.dataDisks].sort((a, b) => a.lun - b.lun)) {
        if (disk.format !== undefined) {
            previous = declareDiskFormat(disk.format, target, { ...parent, dependsOn: [previous] });
        }
    }
    if (args.azureMonitor?.dataCollectionRuleId !== undefined) {
        new monitor.DataCollectionRuleAssociation(plan.resourceNames.dataCollection, {
            resourceUri: vm.id,
            associationName: `${plan.vmName}-dcr`,
            dataCollectionRuleId: args.azureMonitor.dataCollectionRuleId,
        }, parent);
    }
    if (args.backup !== undefined) {
        // The planned name, not the VM's output: the item's id is made of it, and must stay known through a replacement.
        declareVmBackup(plan.resourceNames.backup, args.backup, { id: vm.id, name: plan.vmName, resourceGroupName: args.resourceGroupName }, parent);
    }
    return previous;
}

/**
 * The VM's security profile: Trusted Launch (secure boot, vTPM) or none, the API's way of saying Standard (2024-11-01
 * has no "Standard" value), plus encryption at host when asked (only then, so a subscription without the feature is
 * never asked for it).
 */
function securityProfile(securityType: VmPlan["securityType"], encryptionAtHost: boolean): azureInputs.compute.SecurityProfileArgs | undefined {
    const trustedLaunch = securityType === "TrustedLaunch"
        ? { securityType: "TrustedLaunch", uefiSettings: { secureBootEnabled: true, vTpmEnabled: true } }
        : {};
    const profile = { ...trustedLaunch, ...(encryptionAtHost ? { encryptionAtHost: true } : {}) };
    return Object.keys(profile).length > 0 ? profile : undefined;
}
