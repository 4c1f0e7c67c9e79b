/**
 * What LinuxVm and WindowsVm share: the NIC, the persistent data disks and the VM resource, declared from a plan.
 */
import * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/azure-native/compute";
import * as monitor from "@pulumi/azure-native/monitor";
import * as network from "@pulumi/azure-native/network";
import type * as azureInputs from "@pulumi/azure-native/types/input";
import { declareVmBackup } from "../backup/vm-backup-declare";
import { logWarnings } from "../core/log-warnings";
import { azureOsType } from "../core/os";
import { declareDataDisk, declareOsDisk } from "../disk/disk-declare";
import { declareGuestSteps, type ExtensionSpec } from "./guest-steps-declare";
import { securityProfile } from "./os-profile-declare";
import type { VmArgs } from "./vm-args";
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
    /** The VM's Azure resource id; empty while the OS disk is in its upload phase (no VM exists yet). */
    public readonly vmId: pulumi.Output<string>;
    /** The VM's name in Azure; empty while the OS disk is in its upload phase. */
    public readonly vmName: pulumi.Output<string>;
    /** The NIC's private IP address. */
    public readonly privateIpAddress: pulumi.Output<string>;
    /** The NIC's resource id. */
    public readonly nicId: pulumi.Output<string>;
    /**
     * The name Azure gave the OS disk (`<vm>_OsDisk_1_<unique id>`), or the stack's name for a disk it declares from
     * `osDisk.source`; the disk is kept when the VM is deleted.
     */
    public readonly osDiskName: pulumi.Output<string>;
    /** Data disk resource ids by disk name. */
    public readonly dataDiskIds: pulumi.Output<Record<string, string>>;
    /** The principal id of the VM's system-assigned managed identity; empty while the OS disk is in its upload phase. */
    public readonly principalId: pulumi.Output<string>;
    /**
     * The VM resource itself. It is replaced delete-first under the same name, and Azure deletes a VM's extensions and
     * Run Commands with it, so a step of your own that must run again on the new VM is tied to it:
     * `replaceWith: [vm.virtualMachine]` (Pulumi CLI 3.207 or later). The component ties its own guest steps so.
     * While the OS disk is in its upload phase (`osDisk.source.upload.phase: "upload"`) there is no VM: this is the OS
     * disk, so that what depends on it waits for the disk; a step that runs on the VM has nothing to run on then.
     */
    public readonly virtualMachine: pulumi.CustomResource;
    /**
     * The last step of the VM's guest chain (access extension, domain join, Entra ID login, Azure Monitor agent, disk
     * formats by LUN, each after the one before), or the VM itself when it has none. Depend on it to run something in
     * the guest after everything the component set up there, e.g. a Run Command that needs the formatted disks.
     * While the OS disk is in its upload phase, the OS disk.
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
        logWarnings(this, type, name, plan.warnings);
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
                applicationSecurityGroups: args.applicationSecurityGroupIds?.map((id) => ({ id })),
            }],
            networkSecurityGroup: args.networkSecurityGroupId !== undefined ? { id: args.networkSecurityGroupId } : undefined,
            enableIPForwarding: false,
            enableAcceleratedNetworking: plan.nic.acceleratedNetworking,
        }, { ...parent, ignoreChanges: [...plan.nic.ignoreChanges] });

        const disks = { ...common, diskEncryptionSetId: args.diskEncryptionSetId, dataAccessAuthMode: args.dataAccessAuthMode };
        const dataDisks = plan.dataDisks.map((disk, index) => ({
            disk,
            id: declareDataDisk(disk, args.dataDisks?.[index]?.source, disks, parent),
        }));

        // An OS disk in its upload phase cannot boot a VM: the VM and what hangs off it wait for phase "attach".
        const osDiskRef = fromImage ? undefined : declareOsDisk(plan.osDisk, args.osDisk?.source, plan.os, plan.securityType === "TrustedLaunch", plan.osDisk.zones, disks, parent);
        const awaitingUpload = plan.osDisk.upload?.phase === "upload" ? osDiskRef?.resource : undefined;

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
                managedDisk: { id: osDiskRef?.id },
            };

        const vm = awaitingUpload !== undefined ? undefined : new compute.VirtualMachine(plan.resourceNames.vm, {
            ...common,
            vmName: plan.vmName,
            zones: plan.zones ? [...plan.zones] : undefined,
            availabilitySet: args.availabilitySetId !== undefined ? { id: args.availabilitySetId } : undefined,
            additionalCapabilities: plan.ultraSsdEnabled ? { ultraSSDEnabled: true } : undefined,
            hardwareProfile: { vmSize: plan.size },
            licenseType: plan.licenseType,
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
                // A data disk in its upload phase is attached in its "attach" phase.
                dataDisks: dataDisks.filter(({ disk }) => disk.upload?.phase !== "upload").map(({ disk, id }) => ({
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
            replacementTrigger: plan.vmOptions.replacementTrigger,
        });

        // The rules refuse every guest step, backup and monitoring while the OS disk awaits its upload.
        this.lastGuestStep = vm !== undefined ? declareGuestSteps(plan, args, profile.access, vm, { ...common, vmName: vm.name }, parent) : uploadingOsDisk(awaitingUpload);
        if (vm !== undefined && args.azureMonitor?.dataCollectionRuleId !== undefined) {
            // An extension resource of the VM: tied to it like the guest steps, so the new VM is associated again.
            new monitor.DataCollectionRuleAssociation(plan.resourceNames.dataCollection, {
                resourceUri: vm.id,
                associationName: `${plan.vmName}-dcr`,
                dataCollectionRuleId: args.azureMonitor.dataCollectionRuleId,
            }, { ...parent, replaceWith: [vm] });
        }
        if (vm !== undefined && args.backup !== undefined) {
            // The planned name, not the VM's output: the item's id is made of it, and must stay known through a replacement.
            declareVmBackup(plan.resourceNames.backup, args.backup, { id: vm.id, name: plan.vmName, resourceGroupName: args.resourceGroupName }, parent);
        }

        this.generatedCredential = profile.generatedCredential;
        this.virtualMachine = vm ?? uploadingOsDisk(awaitingUpload);
        this.vmId = vm?.id ?? pulumi.output("");
        this.vmName = vm?.name ?? pulumi.output("");
        this.nicId = nic.id;
        this.privateIpAddress = nic.ipConfigurations.apply((configs) => configs?.[0]?.privateIPAddress ?? "");
        this.osDiskName = vm?.storageProfile.apply((storage) => storage?.osDisk?.name ?? "") ?? uploadingOsDisk(awaitingUpload).name;
        this.principalId = vm?.identity.apply((identity) => identity?.principalId ?? "") ?? pulumi.output("");
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

/** The OS disk that stands for the VM while it awaits its upload; only called when there is no VM. */
function uploadingOsDisk(disk: compute.Disk | undefined): compute.Disk {
    if (disk === undefined) {
        throw new Error("internal: no VM was declared, and the OS disk is not awaiting an upload");
    }
    return disk;
}
