/**
 * What LinuxScaleSet and WindowsScaleSet share: a fleet of identical VMs as one Virtual Machine Scale Set with Flexible
 * orchestration, declared from a plan. One scale set child for any number of instances, plus a generated credential
 * when none is given: what the stack registers never depends on the instance count.
 */
import * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/azure-native/compute";
import type * as azureInputs from "@pulumi/azure-native/types/input";
import { logWarnings } from "../core/log-warnings";
import { securityProfile } from "../vm/os-profile-declare";
import type { ScaleSetArgs } from "./scale-set-args";
import type { ScaleSetPlan } from "./scale-set-plan";

/** The OS profile a fleet component builds, and the credential it generated, if any (a secret). */
export interface FleetOsProfile {
    readonly osProfile: azureInputs.compute.VirtualMachineScaleSetOSProfileArgs;
    readonly generatedCredential: pulumi.Output<string> | undefined;
}

/** What both fleet components share: the scale set, its outputs and the warnings of its plan. */
export abstract class PersistentScaleSet extends pulumi.ComponentResource {
    /** The scale set's Azure resource id. */
    public readonly scaleSetId: pulumi.Output<string>;
    /** The scale set's name in Azure (the component's name), once the scale set exists. */
    public readonly scaleSetName: pulumi.Output<string>;
    /** The principal id of the scale set's system-assigned managed identity, which its instances use. */
    public readonly principalId: pulumi.Output<string>;
    /** The credential the component generated (a secret), exposed under an OS-specific name by each component. */
    protected readonly generatedCredential: pulumi.Output<string> | undefined;

    protected constructor(
        type: string,
        name: string,
        plan: ScaleSetPlan,
        args: ScaleSetArgs,
        buildOsProfile: (childOptions: pulumi.CustomResourceOptions) => FleetOsProfile,
        opts?: pulumi.ComponentResourceOptions,
    ) {
        super(type, name, {}, opts);
        logWarnings(this, type, name, plan.warnings);
        const parent = { parent: this };
        const profile = buildOsProfile(parent);
        const image = plan.image.kind === "marketplace"
            ? { publisher: plan.image.publisher, offer: plan.image.offer, sku: plan.image.sku, version: plan.image.version }
            : { id: args.galleryImageId };
        const health = plan.healthExtension;

        const scaleSet = new compute.VirtualMachineScaleSet(plan.resourceNames.scaleSet, {
            resourceGroupName: args.resourceGroupName,
            location: args.location,
            tags: args.tags,
            vmScaleSetName: plan.scaleSetName,
            orchestrationMode: plan.orchestrationMode,
            platformFaultDomainCount: plan.platformFaultDomainCount,
            sku: { name: plan.size, capacity: args.instanceCount },
            zones: plan.zones.length > 0 ? [...plan.zones] : undefined,
            upgradePolicy: { mode: plan.upgradeMode },
            identity: { type: "SystemAssigned" },
            plan: plan.plan ? { ...plan.plan } : undefined,
            additionalCapabilities: plan.ultraSsdEnabled ? { ultraSSDEnabled: true } : undefined,
            virtualMachineProfile: {
                licenseType: plan.licenseType,
                osProfile: profile.osProfile,
                securityProfile: securityProfile(plan.securityType, args.encryptionAtHost === true),
                diagnosticsProfile: { bootDiagnostics: { enabled: true } },
                storageProfile: {
                    imageReference: image,
                    osDisk: {
                        createOption: "FromImage",
                        caching: plan.osDisk.caching,
                        deleteOption: plan.osDisk.deleteOption,
                        diskSizeGB: plan.osDisk.sizeGb,
                        managedDisk: { storageAccountType: plan.osDisk.sku },
                    },
                    dataDisks: plan.dataDisks.map((disk) => ({
                        lun: disk.lun,
                        createOption: "Empty",
                        diskSizeGB: disk.sizeGb,
                        caching: disk.caching,
                        deleteOption: disk.deleteOption,
                        managedDisk: { storageAccountType: disk.sku },
                    })),
                },
                networkProfile: {
                    networkApiVersion: plan.networkApiVersion,
                    networkInterfaceConfigurations: [{
                        name: "nic",
                        primary: true,
                        enableIPForwarding: false,
                        // A NIC made from the profile holds no data; kept, it would hold its IP address for nothing.
                        deleteOption: "Delete",
                        networkSecurityGroup: args.networkSecurityGroupId !== undefined ? { id: args.networkSecurityGroupId } : undefined,
                        ipConfigurations: [{
                            name: "ipconfig1",
                            primary: true,
                            subnet: { id: args.subnetId },
                            applicationSecurityGroups: args.applicationSecurityGroupIds?.map((id) => ({ id })),
                            loadBalancerBackendAddressPools: args.loadBalancerBackendAddressPoolIds?.map((id) => ({ id })),
                        }],
                    }],
                },
                extensionProfile: health === undefined ? undefined : {
                    extensions: [{
                        name: health.name,
                        publisher: health.publisher,
                        type: health.type,
                        typeHandlerVersion: health.typeHandlerVersion,
                        autoUpgradeMinorVersion: true,
                        settings: { ...health.settings },
                    }],
                },
            },
        }, parent);

        this.generatedCredential = profile.generatedCredential;
        this.scaleSetId = scaleSet.id;
        this.scaleSetName = scaleSet.id.apply(() => plan.scaleSetName);
        this.principalId = scaleSet.identity.apply((identity) => identity?.principalId ?? "");
        this.registerOutputs({
            scaleSetId: this.scaleSetId,
            scaleSetName: this.scaleSetName,
            principalId: this.principalId,
            generatedCredential: profile.generatedCredential,
        });
    }
}
