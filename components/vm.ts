/**
 * What LinuxVm and WindowsVm share: the NIC, the persistent data disks and the VM resource, declared from a plan.
 */
import * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/azure-native/compute";
import * as network from "@pulumi/azure-native/network";
import type * as azureInputs from "@pulumi/azure-native/types/input";
import { declareAccessExtension, type AccessExtension } from "./access-extension";
import { declareVmBackup } from "./backup";
import type { VmArgs } from "./vm-args";
import { declareDataDisk, declareDiskFormat, declareOsDisk } from "./data-disk";
import { azureOsType } from "./os-disk-plan";
import type { VmPlan } from "./vm-plan";

/** The OS profile a component builds for its OS, and the credential it generated, if any (a secret). */
export interface OsProfile {
    /** Undefined for a VM built from an existing OS disk, which brings its own. */
    readonly osProfile: azureInputs.compute.OSProfileArgs | undefined;
    readonly generatedCredential: pulumi.Output<string> | undefined;
    /** The extension that rotates the credential in place; undefined for a VM built from an existing OS disk. */
    readonly access: AccessExtension | undefined;
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

        const nic = new network.NetworkInterface(plan.resourceNames.nic, {
            ...common,
            networkInterfaceName: plan.nicName,
            ipConfigurations: [{
                name: "ipconfig1",
                primary: true,
                privateIPAllocationMethod: "Dynamic",
                subnet: { id: args.subnetId },
            }],
            networkSecurityGroup: args.networkSecurityGroupId !== undefined ? { id: args.networkSecurityGroupId } : undefined,
            enableIPForwarding: false,
        }, parent);

        const dataDisks = plan.dataDisks.map((disk, index) => ({
            disk,
            id: declareDataDisk(disk, args.dataDisks?.[index]?.source, common, parent),
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
                managedDisk: { storageAccountType: plan.osDisk.sku },
            }
            : {
                createOption: "Attach",
                osType: azureOsType(plan.os),
                deleteOption: plan.osDisk.deleteOption,
                caching: plan.osDisk.caching,
                managedDisk: {
                    id: declareOsDisk(plan.osDisk, args.osDisk?.source, plan.os, plan.securityType === "TrustedLaunch", plan.osDisk.zones, common, parent),
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
            // API 2024-11-01 has no "Standard" security type: Standard means sending no security profile.
            securityProfile: plan.securityType === "TrustedLaunch"
                ? { securityType: "TrustedLaunch", uefiSettings: { secureBootEnabled: true, vTpmEnabled: true } }
                : undefined,
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

        // What runs in the guest, in order, one step after the other (the disks are attached with the VM): the
        // access extension, then each disk's formatting, by LUN.
        const target = { ...common, vmName: vm.name };
        let previous: pulumi.Resource = vm;
        if (profile.access !== undefined) {
            previous = declareAccessExtension(plan.resourceNames.access, profile.access, target, parent);
        }
        for (const disk of [...plan.dataDisks].sort((a, b) => a.lun - b.lun)) {
            if (disk.format !== undefined) {
                previous = declareDiskFormat(disk.format, target, { ...parent, dependsOn: [previous] });
            }
        }
        if (args.backup !== undefined) {
            // The planned name, not the VM's output: the item's id is made of it, and must stay known through a replacement.
            declareVmBackup(plan.resourceNames.backup, args.backup, { id: vm.id, name: plan.vmName, resourceGroupName: args.resourceGroupName }, parent);
        }

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
