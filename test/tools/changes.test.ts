/**
 * The change prediction's rules, one scenario each, on hand-made old and new resources, so each rule is seen alone.
 * Scenarios named after a Pulumi lifecycle test follow that test's expectation (pulumi/pulumi v3.259.0,
 * pkg/engine/lifecycletest).
 * Not proved here: that the rules are the engine's (read from its source, cited in docs/reference/change-rules.md),
 * or what the library registers (test/tools/change-table.test.ts runs the stack and the examples).
 */
import { describe, expect, it } from "vitest";
import { predictChanges, type ResourceChange } from "../../tools/plan/changes";
import { changeReport, EXIT } from "../../tools/plan/change-report";
import { OPAQUE_SECRET, OPAQUE_UNKNOWN, type ResourceState } from "../../tools/plan/resource-state";

const STACK = "urn:pulumi:dev::azure-persistent-vm";
const urn = (type: string, name: string, parentType?: string) => `${STACK}::${parentType !== undefined ? `${parentType}$` : ""}${type}::${name}`;
const DISK = "azure-native:compute:Disk";
const VM = "azure-native:compute:VirtualMachine";
const EXT = "azure-native:compute:VirtualMachineExtension";
const LOCK = "azure-native:authorization:ManagementLockByScope";

function state(type: string, name: string, inputs: Record<string, unknown>, more: Partial<ResourceState> = {}): ResourceState {
    return {
        urn: urn(type, name), type, custom: true, parent: null, inputs: inputs as ResourceState["inputs"], secretInputs: [],
        propertyDependencies: {}, dependencies: [], protect: false, retainOnDelete: false, deleteBeforeReplace: false,
        ignoreChanges: [], replaceOnChanges: [], importId: null, aliases: [], replaceWith: [], replacementTrigger: undefined,
        deletedWith: null, ...more,
    };
}

const diskInputs = { resourceGroupName: "rg", diskName: "app01-data", location: "westeurope", diskSizeGB: 64, creationData: { createOption: "Empty" } };
const protectedDisk = (inputs: Record<string, unknown> = diskInputs, more: Partial<ResourceState> = {}) =>
    state(DISK, "app01-disk-data", inputs, { protect: true, replaceOnChanges: ["location", "zones", "creationData"], ...more });

function only(changes: readonly ResourceChange[], name: string): ResourceChange {
    const found = changes.find((c) => c.name === name);
    if (found === undefined) {
        throw new Error(`no change for ${name}: ${changes.map((c) => c.name).join(", ")}`);
    }
    return found;
}

describe("GIVEN a protected disk WHEN the program no longer declares it", () => {
    it("THEN the delete is refused and the gate exits 4", () => {
        const changes = predictChanges([protectedDisk()], []);
        expect(only(changes, "app01-disk-data")).toMatchObject({ step: "delete-refused", rules: ["delete-protect", "delete"], risk: "refused" });
        expect(changeReport({ kind: "test", description: "test" }, changes, []).exitCode).toBe(EXIT.refused);
    });
});

describe("GIVEN a disk with retainOnDelete WHEN the program no longer declares it", () => {
    it("THEN the delete is skipped: it stays in Azure, and nothing is risky", () => {
        const changes = predictChanges([protectedDisk(diskInputs, { protect: false, retainOnDelete: true })], []);
        expect(only(changes, "app01-disk-data")).toMatchObject({ step: "delete-skipped", rules: ["retain-on-delete", "delete"] });
        expect(changeReport({ kind: "test", description: "test" }, changes, []).exitCode).toBe(EXIT.ok);
    });
});

describe("GIVEN an unprotected disk WHEN the program no longer declares it", () => {
    it("THEN it is deleted, a data loss: exit 3", () => {
        const changes = predictChanges([protectedDisk(diskInputs, { protect: false })], []);
        expect(only(changes, "app01-disk-data")).toMatchObject({ step: "delete", risk: "data-loss" });
        expect(changeReport({ kind: "test", description: "test" }, changes, []).exitCode).toBe(EXIT.dataLoss);
    });
});

describe("GIVEN a disk WHEN its size grows", () => {
    it("THEN it is updated in place at diskSizeGB", () => {
        const changes = predictChanges([protectedDisk()], [protectedDisk({ ...diskInputs, diskSizeGB: 128 })]);
        expect(only(changes, "app01-disk-data")).toMatchObject({ step: "update", paths: ["diskSizeGB"] });
    });
});

describe("GIVEN a protected disk WHEN a create-only property changes (zones)", () => {
    it("THEN the replacement is refused because protect is set before and after", () => {
        const changes = predictChanges([protectedDisk()], [protectedDisk({ ...diskInputs, zones: ["2"] })]);
        expect(only(changes, "app01-disk-data")).toMatchObject({ step: "replace-refused", paths: ["zones"], rules: ["protect-replace", "replace-on-changes"] });
    });
});

describe("GIVEN a protected disk WHEN the same update turns protect off and changes a create-only property", () => {
    it("THEN it is replaced (protect refuses only when set before and after), a data loss", () => {
        const goal = protectedDisk({ ...diskInputs, zones: ["2"] }, { protect: false, deleteBeforeReplace: false });
        const change = only(predictChanges([protectedDisk()], [goal]), "app01-disk-data");
        expect(change).toMatchObject({ step: "replace-refused", rules: ["azure-native-exists", "replace-on-changes"] });
        const dbr = only(predictChanges([protectedDisk()], [{ ...goal, deleteBeforeReplace: true }]), "app01-disk-data");
        expect(dbr).toMatchObject({ step: "replace", order: "delete-first", risk: "data-loss" });
    });
});

describe("GIVEN a disk WHEN its Azure name changes (a URL parameter)", () => {
    it("THEN azure-native replaces it delete-first, and protect refuses", () => {
        const changes = predictChanges([protectedDisk()], [protectedDisk({ ...diskInputs, diskName: "app01-data2" })]);
        expect(only(changes, "app01-disk-data")).toMatchObject({ step: "replace-refused", order: "delete-first", rules: ["protect-replace", "azure-native-url"] });
    });
});

describe("GIVEN a disk WHEN the letter case of its names changes", () => {
    it("THEN its Azure name is a replacement (compared exactly), while its resource group and location spelt differently are no change", () => {
        const name = predictChanges([protectedDisk()], [protectedDisk({ ...diskInputs, diskName: "APP01-data" })]);
        expect(only(name, "app01-disk-data")).toMatchObject({ step: "replace-refused", rules: ["protect-replace", "azure-native-url"] });
        const spelling = predictChanges([protectedDisk()], [protectedDisk({ ...diskInputs, resourceGroupName: "RG", location: "West Europe" })]);
        expect(only(spelling, "app01-disk-data").step).toBe("same");
    });
});

describe("GIVEN an adopted disk WHEN its import id changes, even in letter case only (import_test.go: import-replace, then delete-replaced)", () => {
    it("THEN it is an import-replacement that deletes the old disk without checking protect: exit 3", () => {
        const id = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/disks/old";
        const old = protectedDisk(diskInputs, { importId: id });
        for (const newId of ["/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/disks/restored", id.toUpperCase()]) {
            const changes = predictChanges([old], [protectedDisk(diskInputs, { importId: newId })]);
            expect(only(changes, "app01-disk-data")).toMatchObject({ step: "import-replacement", risk: "data-loss" });
            expect(changeReport({ kind: "test", description: "test" }, changes, []).exitCode).toBe(EXIT.dataLoss);
        }
        expect(only(predictChanges([old], [protectedDisk(diskInputs, { importId: id })]), "app01-disk-data").step).toBe("same");
    });
});

describe("GIVEN a VM WHEN its whole securityProfile disappears and only securityProfile.securityType is listed", () => {
    it("THEN it is an update at securityProfile, not a replacement; a replacement trigger that changes replaces it", () => {
        const vm = (inputs: Record<string, unknown>, trigger?: string) => state(VM, "app01-vm", { resourceGroupName: "rg", vmName: "app01", ...inputs }, {
            deleteBeforeReplace: true, replaceOnChanges: ["securityProfile.securityType"], replacementTrigger: trigger,
        });
        const tl = { securityProfile: { securityType: "TrustedLaunch" } };
        expect(only(predictChanges([vm(tl)], [vm({})]), "app01-vm")).toMatchObject({ step: "update", paths: ["securityProfile"] });
        expect(only(predictChanges([vm(tl, "TrustedLaunch")], [vm({}, "Standard")]), "app01-vm")).toMatchObject({ step: "replace", order: "delete-first", rules: ["replacement-trigger"] });
        // A trigger the old state does not have never replaces: adding one to a deployed VM is safe.
        expect(only(predictChanges([vm(tl)], [vm(tl, "TrustedLaunch")]), "app01-vm").step).toBe("same");
    });
});

describe("GIVEN a VM whose OS disk is deleted with it WHEN the VM is replaced", () => {
    it("THEN the VM's own disk is lost (exit 3); with Detach it is left detached (exit 0)", () => {
        const vm = (deleteOption: string, sku: string) => state(VM, "app01-vm", {
            resourceGroupName: "rg", vmName: "app01",
            storageProfile: { osDisk: { createOption: "FromImage", deleteOption, managedDisk: { storageAccountType: sku } } },
        }, { deleteBeforeReplace: true, replaceOnChanges: ["storageProfile.osDisk.managedDisk.storageAccountType"] });
        const deleted = predictChanges([vm("Delete", "Premium_LRS")], [vm("Delete", "StandardSSD_LRS")]);
        expect(only(deleted, "app01-vm")).toMatchObject({ step: "replace", vmDisks: "deleted", risk: "data-loss" });
        const detached = predictChanges([vm("Detach", "Premium_LRS")], [vm("Detach", "StandardSSD_LRS")]);
        const report = changeReport({ kind: "test", description: "test" }, detached, []);
        expect(report.summary.osDisksDetached).toEqual(["app01-vm"]);
        expect(report.exitCode).toBe(EXIT.ok);
        expect(changeReport({ kind: "test", description: "test" }, detached, ["vm-replace"]).exitCode).toBe(EXIT.failOn);
    });
});

describe("GIVEN a VM replaced delete-first WHEN an extension takes the VM's name from the VM, and another is tied with replaceWith", () => {
    it("THEN both are replaced with it; an extension with neither is left as it is", () => {
        const vmUrn = urn(VM, "app01-vm");
        const vm = (image: string) => state(VM, "app01-vm", { resourceGroupName: "rg", vmName: "app01", storageProfile: { imageReference: { sku: image } } }, {
            deleteBeforeReplace: true, replaceOnChanges: ["storageProfile.imageReference"],
        });
        const ext = (name: string, more: Partial<ResourceState>) => state(EXT, name, { resourceGroupName: "rg", vmName: "app01", vmExtensionName: name }, more);
        const olds = [vm("22_04"), ext("by-input", { propertyDependencies: { vmName: [vmUrn] } }), ext("tied", {}), ext("loose", {})];
        const goals = [vm("24_04"), ext("by-input", { propertyDependencies: { vmName: [vmUrn] } }), ext("tied", { replaceWith: [vmUrn] }), ext("loose", {})];
        const changes = predictChanges(olds, goals);
        expect(only(changes, "by-input")).toMatchObject({ step: "replace", order: "delete-first", rules: ["dependent-replace"] });
        // replace_with_test.go TestReplaceWithDeleteBeforeReplace: a delete-first target deletes what is tied to it first.
        expect(only(changes, "tied")).toMatchObject({ step: "replace", order: "delete-first", rules: ["replace-with"] });
        expect(only(changes, "loose").step).toBe("same");
    });
});

describe("GIVEN a disk replaced delete-first WHEN a lock's scope comes from it", () => {
    it("THEN the lock is replaced too (its scope is its URL)", () => {
        const diskUrn = urn(DISK, "app01-disk-data");
        const disk = (name: string) => state(DISK, "app01-disk-data", { ...diskInputs, diskName: name }, { deleteBeforeReplace: true });
        const lock = state(LOCK, "app01-disk-data-lock", { scope: "/subscriptions/s/disks/app01-data", lockName: "keep", level: "CanNotDelete" }, { propertyDependencies: { scope: [diskUrn] } });
        const changes = predictChanges([disk("app01-data"), lock], [disk("app01-data2"), lock]);
        expect(only(changes, "app01-disk-data-lock")).toMatchObject({ step: "replace", rules: ["dependent-replace"] });
    });
});

describe("GIVEN a resource renamed in the program WHEN an alias names its old URN", () => {
    it("THEN it is matched with the old resource: no create, no delete", () => {
        const old = protectedDisk();
        const goal = { ...protectedDisk(), urn: urn(DISK, "app01-disk-renamed"), aliases: [{ urn: old.urn }] };
        const changes = predictChanges([old], [goal]);
        expect(changes).toHaveLength(1);
        expect(changes[0]).toMatchObject({ step: "same", name: "app01-disk-renamed", rules: ["match-alias"] });
        const spec = { ...goal, aliases: [{ name: "app01-disk-data" }] };
        expect(predictChanges([old], [spec])[0]?.step).toBe("same");
    });
});

describe("GIVEN ignoreChanges on a path WHEN that path changes", () => {
    it("THEN there is no change; a path the old inputs lack is removed from the goal", () => {
        const vm = (inputs: Record<string, unknown>) => state(VM, "app01-vm", { resourceGroupName: "rg", vmName: "app01", ...inputs }, {
            ignoreChanges: ["osProfile.adminPassword"], replaceOnChanges: ["osProfile.computerName"],
        });
        expect(only(predictChanges([vm({ osProfile: { adminPassword: "a", computerName: "x" } })], [vm({ osProfile: { adminPassword: "b", computerName: "x" } })]), "app01-vm").step).toBe("same");
        expect(only(predictChanges([vm({ osProfile: { computerName: "x" } })], [vm({ osProfile: { adminPassword: "b", computerName: "x" } })]), "app01-vm").step).toBe("same");
    });
});

describe("GIVEN a NIC deployed without accelerated networking and its VM WHEN accelerated networking is turned on", () => {
    const NIC = "azure-native:network:NetworkInterface";
    const nicInputs = { resourceGroupName: "rg", networkInterfaceName: "app01-nic", enableIPForwarding: false };
    const nic = (inputs: Record<string, unknown>, ignoreChanges: string[] = []) => state(NIC, "app01-nic", { ...nicInputs, ...inputs }, { ignoreChanges });
    const vm = state(VM, "app01-vm", { resourceGroupName: "rg", vmName: "app01" }, { dependencies: [nic({}).urn] });

    it("THEN set explicitly, the NIC's update is refused (Azure needs the VM deallocated) and the VM that waits for it is not reached: exit 4", () => {
        const changes = predictChanges([nic({}), vm], [nic({ enableAcceleratedNetworking: true }), vm]);
        expect(only(changes, "app01-nic")).toMatchObject({ step: "update-refused", paths: ["enableAcceleratedNetworking"], rules: ["azure-accelerated-networking"], risk: "refused" });
        expect(only(changes, "app01-vm")).toMatchObject({ step: "not-reached", rules: ["refusal-stops"] });
        expect(changeReport({ kind: "test", description: "test" }, changes, []).exitCode).toBe(EXIT.refused);
        const fromFalse = predictChanges([nic({ enableAcceleratedNetworking: false })], [nic({ enableAcceleratedNetworking: true })]);
        expect(only(fromFalse, "app01-nic").step).toBe("update-refused");
    });

    it("THEN as the library's default, which the NIC ignores once it exists, nothing changes: a stack upgraded to the default keeps its NICs", () => {
        const changes = predictChanges([nic({})], [nic({ enableAcceleratedNetworking: true }, ["enableAcceleratedNetworking"])]);
        expect(only(changes, "app01-nic")).toMatchObject({ step: "same" });
    });

    it("THEN turned off, it is an update Azure applies while the VM runs", () => {
        const changes = predictChanges([nic({ enableAcceleratedNetworking: true })], [nic({ enableAcceleratedNetworking: false })]);
        expect(only(changes, "app01-nic")).toMatchObject({ step: "update", paths: ["enableAcceleratedNetworking"], rules: [] });
        expect(changeReport({ kind: "test", description: "test" }, changes, []).exitCode).toBe(EXIT.ok);
    });
});

describe("GIVEN a deployed SQL Server registration WHEN its collation is sent again or changed", () => {
    const SQL_VM = "azure-native:sqlvirtualmachine:SqlVirtualMachine";
    const sqlVm = (sqlInstanceSettings: Record<string, unknown> | undefined, ignoreChanges: string[] = []) => state(SQL_VM, "sql01-sql", {
        resourceGroupName: "rg", sqlVirtualMachineName: "sql01",
        serverConfigurationsManagementSettings: { sqlConnectivityUpdateSettings: { connectivityType: "PRIVATE", port: 1433 }, ...(sqlInstanceSettings !== undefined ? { sqlInstanceSettings } : {}) },
    }, { ignoreChanges });
    const WHY = "serverConfigurationsManagementSettings.sqlInstanceSettings.collation changes, and SQL Server takes its collation only when it is installed: set it back to the value the registration was created with, or remove it (nothing is then sent); a new collation needs a new SQL Server VM, or the system databases rebuilt by hand";

    it("THEN a new collation is refused (SQL Server was installed with the other), with the fix: exit 4", () => {
        const changes = predictChanges([sqlVm({ collation: "SQL_Latin1_General_CP1_CI_AS", maxDop: 4 })], [sqlVm({ collation: "Latin1_General_100_CI_AS_SC_UTF8", maxDop: 4 })]);
        expect(only(changes, "sql01-sql")).toMatchObject({
            step: "update-refused", paths: ["serverConfigurationsManagementSettings.sqlInstanceSettings.collation"], rules: ["azure-sql-create-only"], why: WHY, risk: "refused",
        });
        expect(changeReport({ kind: "test", description: "test" }, changes, []).exitCode).toBe(EXIT.refused);
    });

    it("THEN a collation set on a registration created without one (the image's) is refused too", () => {
        const changes = predictChanges([sqlVm(undefined)], [sqlVm({ collation: "Latin1_General_100_CI_AS_SC_UTF8" })]);
        expect(only(changes, "sql01-sql")).toMatchObject({ step: "update-refused", rules: ["azure-sql-create-only"], why: WHY });
    });

    it("THEN the same collation with another setting changed, or the collation no longer sent, is an update", () => {
        expect(only(predictChanges([sqlVm({ collation: "Latin1_General_100_CI_AS_SC_UTF8", maxDop: 4 })], [sqlVm({ collation: "Latin1_General_100_CI_AS_SC_UTF8", maxDop: 1 })]), "sql01-sql"))
            .toMatchObject({ step: "update", paths: ["serverConfigurationsManagementSettings.sqlInstanceSettings.maxDop"], rules: [] });
        expect(only(predictChanges([sqlVm({ collation: "Latin1_General_100_CI_AS_SC_UTF8", maxDop: 4 })], [sqlVm({ maxDop: 4 })]), "sql01-sql"))
            .toMatchObject({ step: "update", paths: ["serverConfigurationsManagementSettings.sqlInstanceSettings.collation"], rules: [] });
    });

    it("THEN defaults the registration ignores reach none deployed without them: the same", () => {
        const changes = predictChanges([sqlVm(undefined)], [sqlVm({ maxDop: 4, isIfiEnabled: true }, ["serverConfigurationsManagementSettings.sqlInstanceSettings"])]);
        expect(only(changes, "sql01-sql")).toMatchObject({ step: "same" });
    });
});

describe("GIVEN a base that does not show a secret WHEN a replace path lies under it", () => {
    it("THEN the answer is cannot tell, never same; for a Disk that is exit 5", () => {
        const vm = (osProfile: unknown) => state(VM, "app01-vm", { resourceGroupName: "rg", vmName: "app01", osProfile, storageProfile: { osDisk: { createOption: "FromImage", deleteOption: "Delete" } } }, {
            replaceOnChanges: ["osProfile.computerName"], deleteBeforeReplace: true,
        });
        const changes = predictChanges([vm(OPAQUE_SECRET)], [vm({ computerName: "app01" })]);
        expect(only(changes, "app01-vm")).toMatchObject({ step: "cannot-tell", paths: ["osProfile"], rules: ["opaque-secret", "replace-on-changes"], risk: "cannot-tell-data" });
        expect(changeReport({ kind: "test", description: "test" }, changes, []).exitCode).toBe(EXIT.cannotTell);
        const unknownZone = predictChanges([protectedDisk()], [protectedDisk({ ...diskInputs, zones: OPAQUE_UNKNOWN })]);
        expect(only(unknownZone, "app01-disk-data")).toMatchObject({ step: "cannot-tell", rules: ["unknown-value", "replace-on-changes"], risk: "cannot-tell-data" });
    });
});

describe("GIVEN a type no rule covers WHEN its inputs change", () => {
    it("THEN the answer is cannot tell (uncovered-type), not a guess", () => {
        const other = (v: number) => state("azure-native:web:WebApp", "site", { resourceGroupName: "rg", name: "site", x: v });
        expect(only(predictChanges([other(1)], [other(2)]), "site")).toMatchObject({ step: "cannot-tell", rules: ["uncovered-type"] });
    });
});

describe("GIVEN an adoption guard (random RandomUuid with keepers) that is protected WHEN the adopted id changes", () => {
    it("THEN the guard's replacement is refused: exit 4", () => {
        const guard = (id: string) => state("random:index/randomUuid:RandomUuid", "app01-disk-data-adoption", { keepers: { adoptId: id } }, { protect: true });
        const changes = predictChanges([guard("a")], [guard("b")]);
        expect(only(changes, "app01-disk-data-adoption")).toMatchObject({ step: "replace-refused", rules: ["protect-replace", "bridged-force-new"] });
        expect(changeReport({ kind: "test", description: "test" }, changes, []).exitCode).toBe(EXIT.refused);
    });
});

describe("GIVEN a new resource with an import id", () => {
    it("THEN it is imported; without one, created", () => {
        const changes = predictChanges([], [protectedDisk(diskInputs, { importId: "/subscriptions/s/disks/d" }), state(EXT, "new", {})]);
        expect(changes.map((c) => c.step)).toEqual(["import", "create"]);
    });
});
