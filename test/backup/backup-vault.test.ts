/**
 * BackupVault and declareVmBackup under the SDK's runtime mocks, with the recorder capturing every registration and
 * its options; checkBackupPolicyId as a pure rule.
 * Not proved here: that Azure accepts the vault, the Enhanced policy or the protected item (no Azure); that a Trusted
 * Launch VM's backup succeeds; that the engine refuses to delete the protected vault and policy, or keeps a deleted
 * VM's backup data when the item is retained (the engine does not run offline); that Azure enforces the lock.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as pulumi from "@pulumi/pulumi";
import { BackupVault, InvalidArgumentsError } from "../../components";
import { checkBackupPolicyId, declareVmBackup } from "../../components/internal";
import { allRegistered, installRecorder, valueOf, type Recorder, type Registration } from "../../tools/recorder/recorder";
import { childrenOf } from "../support/components";

let recorder: Recorder;
beforeAll(async () => {
    recorder = await installRecorder();
});

const VAULT = "azure-native:recoveryservices:Vault";
const POLICY = "azure-native:recoveryservices:ProtectionPolicy";
const ITEM = "azure-native:recoveryservices:ProtectedItem";
const LOCK = "azure-native:authorization:ManagementLockByScope";
const SUBSCRIPTION = "/subscriptions/00000000-0000-0000-0000-000000000000";
const POLICY_ID = `${SUBSCRIPTION}/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/rsv-prod/backupPolicies/daily-enhanced`;
const VM_ID = `${SUBSCRIPTION}/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/web01`;
const base = { resourceGroupName: "rg-backup", location: "westeurope" };

/** Waits until a registration exists: children that wait on another's id register after the component's outputs. */
function registered(type: string, name: string): Promise<Registration> {
    return vi.waitFor(() => recorder.get(type, name));
}

async function settledVault(vault: BackupVault): Promise<void> {
    await Promise.all([valueOf(vault.vaultId), valueOf(vault.policyId), valueOf(vault.urn)]);
}

function thrownBy(build: () => unknown): Error {
    try {
        build();
    } catch (error) {
        expect(error).toBeInstanceOf(InvalidArgumentsError);
        return error as Error;
    }
    throw new Error("expected the constructor to throw");
}

describe("GIVEN a BackupVault with only a resource group and a region", () => {
    let vault: BackupVault;
    beforeAll(async () => {
        vault = new BackupVault("vault", base);
        await settledVault(vault);
    });

    it("THEN it registers exactly a vault and a policy under the component", () => {
        const component = recorder.get("azure-persistent-vm:index:BackupVault", "vault");
        expect(childrenOf(recorder, component.urn)).toEqual([`${POLICY}::vault-policy`, `${VAULT}::vault-vault`]);
    });

    it("THEN the vault is protected, Standard, system-identified, geo-redundant, closed to public networks, soft delete and immutability on", () => {
        const registration = recorder.get(VAULT, "vault-vault");
        expect(registration.inputs).toEqual({
            resourceGroupName: "rg-backup",
            location: "westeurope",
            vaultName: "vault",
            sku: { name: "RS0", tier: "Standard" },
            identity: { type: "SystemAssigned" },
            properties: {
                publicNetworkAccess: "Disabled",
                redundancySettings: { standardTierStorageRedundancy: "GeoRedundant" },
                securitySettings: { softDeleteSettings: { softDeleteState: "Enabled" }, immutabilitySettings: { state: "Unlocked" } },
            },
        });
        expect([registration.options.protect, registration.options.retainOnDelete]).toEqual([true, false]);
    });

    it("THEN the policy is a protected Enhanced (V2) daily policy at 23:00 UTC, 30 days, 7 days of instant restore, after the vault", () => {
        const registration = recorder.get(POLICY, "vault-policy");
        expect(registration.inputs).toEqual({
            resourceGroupName: "rg-backup",
            vaultName: "vault",
            policyName: "daily-enhanced",
            properties: {
                backupManagementType: "AzureIaasVM",
                policyType: "V2",
                timeZone: "UTC",
                instantRpRetentionRangeInDays: 7,
                schedulePolicy: { schedulePolicyType: "SimpleSchedulePolicyV2", scheduleRunFrequency: "Daily", dailySchedule: { scheduleRunTimes: ["2024-01-01T23:00:00Z"] } },
                retentionPolicy: {
                    retentionPolicyType: "LongTermRetentionPolicy",
                    dailySchedule: { retentionTimes: ["2024-01-01T23:00:00Z"], retentionDuration: { count: 30, durationType: "Days" } },
                },
            },
        });
        expect(registration.options.protect).toBe(true);
        expect(registration.options.dependencies).toContain(recorder.get(VAULT, "vault-vault").urn);
    });

    it("THEN its outputs name the vault, its group and the policy", async () => {
        expect(await valueOf(pulumi.all([vault.vaultId, vault.vaultName, vault.resourceGroupName, vault.policyId, vault.policyName]))).toEqual([
            recorder.get(VAULT, "vault-vault").id, "vault", "rg-backup", recorder.get(POLICY, "vault-policy").id, "daily-enhanced",
        ]);
    });
});

describe("GIVEN a BackupVault with every choice set and a CanNotDelete lock", () => {
    beforeAll(async () => {
        await settledVault(new BackupVault("prod", {
            ...base,
            vaultName: "rsv-prod",
            policyName: "nightly",
            scheduleTime: "02:00",
            retentionDays: 90,
            instantRestoreDays: 2,
            storageRedundancy: "ZoneRedundant",
            publicNetworkAccess: "Enabled",
            immutability: "Locked",
            lock: { kind: "CanNotDelete" },
            tags: { env: "prod" },
        }));
    });

    it("THEN the vault and the policy carry the choices", () => {
        const vault = recorder.get(VAULT, "prod-vault").inputs;
        expect([vault["vaultName"], vault["tags"], vault["properties"]]).toEqual([
            "rsv-prod",
            { env: "prod" },
            {
                publicNetworkAccess: "Enabled",
                redundancySettings: { standardTierStorageRedundancy: "ZoneRedundant" },
                securitySettings: { softDeleteSettings: { softDeleteState: "Enabled" }, immutabilitySettings: { state: "Locked" } },
            },
        ]);
        const policy = recorder.get(POLICY, "prod-policy").inputs;
        const properties = policy["properties"] as { instantRpRetentionRangeInDays: number; schedulePolicy: unknown; retentionPolicy: unknown };
        expect([policy["vaultName"], policy["policyName"], properties.instantRpRetentionRangeInDays]).toEqual(["rsv-prod", "nightly", 2]);
        expect(properties.schedulePolicy).toMatchObject({ dailySchedule: { scheduleRunTimes: ["2024-01-01T02:00:00Z"] } });
        expect(properties.retentionPolicy).toMatchObject({ dailySchedule: { retentionTimes: ["2024-01-01T02:00:00Z"], retentionDuration: { count: 90, durationType: "Days" } } });
    });

    it("THEN a CanNotDelete lock is scoped to the vault's id, named after the vault, and parented to the component", async () => {
        const lock = await registered(LOCK, "prod-lock");
        const vault = recorder.get(VAULT, "prod-vault");
        expect(lock.inputs).toEqual({
            scope: vault.id,
            lockName: "lock-rsv-prod",
            level: "CanNotDelete",
            notes: "Backup vault: its recovery points are the last copy of deleted VMs; remove this lock before deleting it.",
        });
        expect(lock.options.dependencies).toEqual([vault.urn]);
        expect(lock.parent).toBe(recorder.get("azure-persistent-vm:index:BackupVault", "prod").urn);
    });

    it("WHEN the lock is named or its kind is None THEN that name is used, or no lock is made", async () => {
        await settledVault(new BackupVault("named", { ...base, lock: { kind: "CanNotDelete", name: "keep-backups" } }));
        await settledVault(new BackupVault("unlocked", { ...base, lock: { kind: "None" } }));
        expect((await registered(LOCK, "named-lock")).inputs["lockName"]).toBe("keep-backups");
        const unlocked = recorder.get("azure-persistent-vm:index:BackupVault", "unlocked");
        expect(childrenOf(recorder, unlocked.urn)).toEqual([`${POLICY}::unlocked-policy`, `${VAULT}::unlocked-vault`]);
    });
});

describe("GIVEN BackupVault arguments Azure would refuse", () => {
    it.each([
        ["a vault name with an underscore", { vaultName: "rsv_prod" }, `vaultName "rsv_prod" may hold only letters, digits and hyphens, starting with a letter (set vaultName).`],
        ["a one-letter vault name", { vaultName: "v" }, `vaultName "v" is 1 characters; Azure allows 2 to 50 for a Recovery Services vault (set vaultName).`],
        ["a component name too long for a vault", { name: "v".repeat(51) }, `vaultName defaults to the component name "${"v".repeat(51)}", which is 51 characters; Azure allows 2 to 50 for a Recovery Services vault (set vaultName).`],
        ["three days of retention", { retentionDays: 3 }, `retentionDays 3 is below 7; Azure keeps daily backups 7-9999 days (set retentionDays).`],
        ["a half-hour schedule", { scheduleTime: "23:30" }, `scheduleTime "23:30" is not a whole UTC hour; use "HH:00", from "00:00" to "23:00" (set scheduleTime).`],
        ["31 days of instant restore", { instantRestoreDays: 31 }, `instantRestoreDays 31 is above 30; an Enhanced policy keeps instant-restore snapshots 1-30 days (set instantRestoreDays).`],
        ["a storage redundancy Azure does not offer", { storageRedundancy: "ReadAccessGeoRedundant" }, `storageRedundancy "ReadAccessGeoRedundant" is not a storage redundancy; use "GeoRedundant", "ZoneRedundant" or "LocallyRedundant".`],
        ["an immutability state Azure does not have", { immutability: "On" }, `immutability "On" is not a vault immutability state; use "Unlocked", "Locked" or "Disabled".`],
    ])("WHEN given %s THEN it throws naming the component, field, value and fix, and registers nothing", async (_, bad, message) => {
        const { name = "vault-bad", ...args } = bad as Record<string, unknown> & { name?: string };
        const before = recorder.registrations.length;
        const error = thrownBy(() => new BackupVault(name, { ...base, ...args } as never));
        expect(error.message).toBe(`BackupVault "${name}": ${message}`);
        // Registration is asynchronous: wait for every registration begun so far to reach the recorder.
        await allRegistered();
        expect(recorder.registrations.length).toBe(before);
    });

    it("WHEN several arguments are wrong THEN every problem is reported at once", () => {
        const error = thrownBy(() => new BackupVault("many", { ...base, retentionDays: 10000, instantRestoreDays: 0, scheduleTime: "7:00" }));
        expect(error.message).toBe([
            `BackupVault "many": scheduleTime "7:00" is not a whole UTC hour; use "HH:00", from "00:00" to "23:00" (set scheduleTime).`,
            `BackupVault "many": retentionDays 10000 is above 9999; Azure keeps daily backups 7-9999 days (set retentionDays).`,
            `BackupVault "many": instantRestoreDays 0 is below 1; an Enhanced policy keeps instant-restore snapshots 1-30 days (set instantRestoreDays).`,
        ].join("\n"));
    });
});

describe("GIVEN a VM that declares its backup under a parent component", () => {
    let parent: pulumi.ComponentResource;
    beforeAll(() => {
        parent = new pulumi.ComponentResource("test:index:BackedUpVm", "web01");
    });

    it("THEN a retained protected item goes in the policy's vault, with Azure's container and item names for the VM", async () => {
        declareVmBackup("web01-backup", { policyId: POLICY_ID }, { id: VM_ID, name: "web01", resourceGroupName: "rg-app" }, { parent });
        const item = await registered(ITEM, "web01-backup");
        expect(item.inputs).toEqual({
            resourceGroupName: "rg-backup",
            vaultName: "rsv-prod",
            fabricName: "Azure",
            containerName: "iaasvmcontainer;iaasvmcontainerv2;rg-app;web01",
            protectedItemName: "vm;iaasvmcontainerv2;rg-app;web01",
            properties: { protectedItemType: "Microsoft.Compute/virtualMachines", policyId: POLICY_ID, sourceResourceId: VM_ID },
        });
        expect([item.options.retainOnDelete, item.options.protect]).toEqual([true, false]);
        expect(item.parent).toBe(await valueOf(parent.urn));
    });

    it("WHEN the policy id is an Output in Azure's lower case THEN the vault is still read from it", async () => {
        const lowerCase = POLICY_ID.replace("resourceGroups", "resourcegroups").replace("Microsoft.RecoveryServices", "microsoft.recoveryservices");
        declareVmBackup("web02-backup", { policyId: pulumi.output(lowerCase) }, { id: VM_ID, name: "web02", resourceGroupName: "rg-app" }, { parent });
        const item = await registered(ITEM, "web02-backup");
        expect([item.inputs["resourceGroupName"], item.inputs["vaultName"], item.options.retainOnDelete]).toEqual(["rg-backup", "rsv-prod", true]);
    });

    it("WHEN the policy id resolves to something else THEN nothing throws: an error is logged and the item names no vault", async () => {
        const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
        declareVmBackup("web03-backup", { policyId: pulumi.output("not-a-policy") }, { id: VM_ID, name: "web03", resourceGroupName: "rg-app" }, { parent });
        const item = await registered(ITEM, "web03-backup");
        expect([item.inputs["resourceGroupName"], item.inputs["vaultName"]]).toEqual(["", ""]);
        expect(errors.mock.calls.map((call) => String(call[0]))).toContainEqual(expect.stringContaining(`declareVmBackup "web03-backup": policyId "not-a-policy" is not a backup policy id`));
        expect(pulumi.log.hasErrors()).toBe(true);
        errors.mockRestore();
    });
});

describe("GIVEN checkBackupPolicyId, the plan-time rule for a VM's backup.policyId", () => {
    it("THEN a well-formed id, any-case id or Output passes, and a malformed or missing one is refused exactly", () => {
        expect(checkBackupPolicyId("backup.policyId", POLICY_ID)).toEqual([]);
        expect(checkBackupPolicyId("backup.policyId", POLICY_ID.toLowerCase())).toEqual([]);
        expect(checkBackupPolicyId("backup.policyId", pulumi.output(POLICY_ID))).toEqual([]);
        const vaultId = `${SUBSCRIPTION}/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/rsv-prod`;
        expect(checkBackupPolicyId("backup.policyId", vaultId)).toEqual([{
            path: "backup.policyId",
            message: `"${vaultId}" is not a backup policy id; expected /subscriptions/<subscription>/resourceGroups/<group>/providers/Microsoft.RecoveryServices/vaults/<vault>/backupPolicies/<policy> (use a BackupVault's policyId).`,
        }]);
        expect(checkBackupPolicyId("backup.policyId", undefined)).toEqual([{ path: "backup.policyId", message: "is missing; set it to a backup policy id (use a BackupVault's policyId)." }]);
    });
});
