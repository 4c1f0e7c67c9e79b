/**
 * The table of edits: realistic changes to the dev stack and the examples, each with the step the change prediction
 * says `pulumi up` would take for every resource it touches (every other resource: same), the exit code of
 * `npm run plan -- --changes-from`, and the engine or provider source its deciding rule comes from.
 * test/tools/change-table.test.ts runs each row (the program before and after the edit, in process) and asserts it;
 * the README's durability table is generated from the rows that have a `readme` line (`npm run docs`).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";

export type Project = "dev" | "sql-server" | "sharepoint-farm" | "lift-and-shift";

/** Config keys (as in Pulumi.<stack>.yaml) and the values that replace the file's. */
export type ConfigOverrides = Readonly<Record<string, unknown>>;

export interface EditRow {
    /** What the user does, as a sentence. */
    readonly edit: string;
    readonly project: Project;
    /**
     * The stack before the edit: config over its file (default: the file as committed), or `{ release }`, the plan of a
     * released library version (goldens/<release>/<project>.json), for an upgrade.
     */
    readonly before?: ConfigOverrides | { readonly release: string };
    /** The stack after the edit, over its config file. */
    readonly after: ConfigOverrides;
    /**
     * Resource name -> predicted step (`replace (delete-first)` for a replacement); "*" gives the step of every other
     * resource that changes at all; every resource not named is the same.
     */
    readonly expect: Readonly<Record<string, string>>;
    /** The exit code of `npm run plan -- --changes-from`. */
    readonly exit: 0 | 3 | 4 | 5;
    /** Where the deciding rule comes from: repository@version file:lines, or a lifecycle test. */
    readonly source: string;
    /** The README's line for this edit: what happens to the data. Absent: the row is not in the README. */
    readonly readme?: string;
}

const REPO = path.resolve(__dirname, "..", "..");

function fileConfig(project: Project): Record<string, unknown> {
    const dir = project === "dev" ? REPO : path.join(REPO, "examples", project);
    return (parse(fs.readFileSync(path.join(dir, "Pulumi.dev.yaml"), "utf8")) as { config: Record<string, unknown> }).config;
}

type Vm = Readonly<Record<string, unknown>> & { readonly name: string };
const DEV = fileConfig("dev");
const LIFT = fileConfig("lift-and-shift");
const VMS = DEV["azure-persistent-vm:vms"] as Vm[];

/** The dev stack's `vms` with one VM changed (or removed, when the edit returns undefined). */
function vms(name: string, edit: (vm: Vm) => Vm | undefined, extra: readonly Vm[] = []): ConfigOverrides {
    return { "azure-persistent-vm:vms": [...VMS.flatMap((vm) => vm.name === name ? [edit(vm)].filter((v): v is Vm => v !== undefined) : [vm]), ...extra] };
}

/** A VM's data disks with one changed. */
function disks(vm: Vm, edit: (disks: Record<string, unknown>[]) => Record<string, unknown>[]): Vm {
    return { ...vm, dataDisks: edit([...(vm["dataDisks"] as Record<string, unknown>[])]) };
}

const ADOPT = (disk: string) => `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-persistent-vm-dev/providers/Microsoft.Compute/disks/${disk}`;
const adopted = (id: string, protection?: string) => vms("web01", (vm) => disks(vm, (d) => [
    ...d, { name: "restored", lun: 1, sizeGb: 128, sku: "Premium_LRS", source: { adoptId: id }, ...(protection !== undefined ? { protection } : {}) },
]));

/**
 * The lift-and-shift server uploading its VHDs (`server.upload`) instead of importing them, in a phase; `osSizeBytes`
 * and each data VHD's `sizeBytes` are fixed VHDs' file sizes (127, 256 and 64 GiB, each with its 512-byte footer).
 */
function liftUpload(phase: "upload" | "attach", dataSizes: readonly number[] = [256, 64]): ConfigOverrides {
    const server = LIFT["apvm-lift-and-shift:server"] as Record<string, unknown> & { dataVhds: Record<string, unknown>[] };
    const bytes = (gib: number) => gib * 1_073_741_824 + 512;
    return {
        "apvm-lift-and-shift:server": {
            ...server,
            upload: { phase, osSizeBytes: bytes(127) },
            dataVhds: server.dataVhds.map((d, i) => ({ ...d, sizeBytes: bytes(dataSizes[i] ?? 64) })),
        },
    };
}

const ENGINE = "pulumi/pulumi@v3.259.0 pkg/resource/deploy";
const AZURE = "pulumi/pulumi-azure-native@v3.28.0 provider/pkg/provider";

/** The network resources every VmNetwork of 0.1.0 gains: created, with the subnet updated in place to use them. */
function networkUpgrade(network: string, groups: readonly ("linux" | "windows")[] = ["linux", "windows"]): Record<string, string> {
    return {
        ...Object.fromEntries(groups.map((os) => [`${network}-asg-${os}`, "create"])),
        [`${network}-nat`]: "create",
        [`${network}-nat-ip`]: "create",
        [`${network}-subnet`]: "update",
    };
}

/** A SharePointFarm added to a stack (the example's dev farm: no updates, passwords generated): all created. */
function sharePointFarmUpgrade(farm: string): Record<string, string> {
    const secrets = ["setup-password", "farm-password", "services-password", "app-pool-password", "passphrase", "product-key"];
    const names = [
        farm, `${farm}-vault-suffix`, `${farm}-vault`,
        ...secrets.map((s) => `${farm}-${s}`),
        ...secrets.filter((s) => s !== "product-key").map((s) => `${farm}-generated-${s}`),
        ...secrets.slice(0, 4).map((s) => `${farm}-dc-reads-${s}`),
        ...secrets.map((s) => `${farm}-sp-reads-${s}`),
        ...["1-ad-accounts", "2-sql-config", "3-sp-prerequisites", "4-restart-after-prerequisites", "5-sp-binaries", "6-restart-after-binaries", "9-sp-farm"]
            .map((s) => `${farm}-${s}`),
    ];
    return Object.fromEntries(names.map((n) => [n, "create"]));
}

/** Per project, what `pulumi up` does to a stack deployed with library 0.1.0. */
const UPGRADES: readonly { readonly project: Project; readonly expect: Readonly<Record<string, string>> }[] = [
    { project: "dev", expect: { ...networkUpgrade("network"), "network-nsg": "update", "web01-nic": "update", "app01-nic": "update" } },
    { project: "sql-server", expect: { ...networkUpgrade("net"), "sql01-nic": "update", "sql01-vm": "update" } },
    {
        project: "sharepoint-farm",
        expect: {
            ...networkUpgrade("farm"), "farm-nsg": "update", "dc01-nic": "update", "sql01-nic": "update", "sp01-nic": "update", "sql01-vm": "update",
            "dc01-vault-suffix": "create", "dc01-vault": "create", "dc01-safe-mode-password": "create", "dc01-safe-mode-reader": "create", "dc01-promote": "update",
            // The farm needs MAXDOP 1, which the example now gives its SQL Server VM: sent in place.
            "sql01-sql": "update",
            ...sharePointFarmUpgrade("sharepoint"),
        },
    },
    { project: "lift-and-shift", expect: { ...networkUpgrade("net"), "erp01-nic": "update" } },
];

export const EDITS: readonly EditRow[] = [
    // Disks
    {
        edit: "grow web01's data disk from 128 to 256 GB",
        project: "dev",
        after: vms("web01", (vm) => disks(vm, ([d]) => [{ ...d, sizeGb: 256 }])),
        expect: { "web01-disk-data": "update" },
        exit: 0,
        source: `${AZURE}/diff.go (calculateDetailedDiff: diskSizeGB is no replace key)`,
        readme: "Disk updated in place. The file system is not grown by the stack.",
    },
    {
        edit: "shrink web01's data disk from 128 to 64 GB",
        project: "dev",
        after: vms("web01", (vm) => disks(vm, ([d]) => [{ ...d, sizeGb: 64 }])),
        expect: { "web01-disk-data": "update-refused", "*": "not-reached" },
        exit: 4,
        source: "learn.microsoft.com/azure/virtual-machines/linux/expand-disks (a managed disk cannot shrink; Microsoft.Compute disks API 2024-03-02)",
        readme: "Refused: Azure cannot shrink a disk.",
    },
    {
        edit: "rename web01's data disk key (data to logs)",
        project: "dev",
        after: vms("web01", (vm) => disks(vm, ([d]) => [{ ...d, name: "logs" }])),
        expect: {
            "web01-disk-logs": "create", "web01-disk-data": "delete-refused", "web01-vm": "update",
            "web01-format-logs": "create", "web01-format-data": "delete",
        },
        exit: 4,
        source: `${ENGINE}/step.go:644-649 (DeleteStep.Apply refuses a protected delete); lifecycletest TestProtect`,
        readme: "Refused: the old, protected disk would be deleted (a new one is made under the new key). Keep keys stable.",
    },
    {
        edit: "remove web01's data disk",
        project: "dev",
        after: vms("web01", (vm) => disks(vm, () => [])),
        expect: { "web01-disk-data": "delete-refused", "web01-vm": "update", "web01-format-data": "delete" },
        exit: 4,
        source: `${ENGINE}/step.go:644-649 (DeleteStep.Apply); lifecycletest protect_test.go TestMultipleProtectedDeletes`,
        readme: "Refused while the disk's protection is `protect` (the default).",
    },
    {
        edit: "remove web01's data disk whose protection is retain",
        project: "dev",
        before: vms("web01", (vm) => disks(vm, ([d]) => [{ ...d, protection: "retain" }])),
        after: vms("web01", (vm) => disks(vm, () => [])),
        expect: { "web01-disk-data": "delete-skipped", "web01-vm": "update", "web01-format-data": "delete" },
        exit: 0,
        source: `${ENGINE}/step.go:661-662 (retainOnDelete skips the provider's delete); lifecycletest retain_on_delete_test.go TestRetainOnDelete`,
        readme: "The disk leaves the stack and stays in Azure, detached.",
    },
    {
        edit: "remove web01's data disk whose protection is delete",
        project: "dev",
        before: vms("web01", (vm) => disks(vm, ([d]) => [{ ...d, protection: "delete" }])),
        after: vms("web01", (vm) => disks(vm, () => [])),
        expect: { "web01-disk-data": "delete", "web01-vm": "update", "web01-format-data": "delete" },
        exit: 3,
        source: `${ENGINE}/step_generator.go:2422-2431 (GenerateDeletes)`,
    },
    {
        edit: "add a second data disk to web01",
        project: "dev",
        after: vms("web01", (vm) => disks(vm, (d) => [...d, { name: "logs", lun: 1, sizeGb: 64, sku: "Premium_LRS" }])),
        expect: { "web01-disk-logs": "create", "web01-vm": "update" },
        exit: 0,
        source: `${ENGINE}/step_generator.go (a goal with no old resource is created)`,
    },
    {
        edit: "move web01's data disk to LUN 3",
        project: "dev",
        after: vms("web01", (vm) => disks(vm, ([d]) => [{ ...d, lun: 3 }])),
        expect: { "web01-vm": "update", "web01-format-data": "update" },
        exit: 0,
        source: `${AZURE}/diff.go (dataDisks[].lun is no replace key)`,
    },
    {
        edit: "reorder web01's two data disks",
        project: "dev",
        before: vms("web01", (vm) => disks(vm, (d) => [...d, { name: "logs", lun: 1, sizeGb: 64, sku: "Premium_LRS" }])),
        after: vms("web01", (vm) => disks(vm, (d) => [{ name: "logs", lun: 1, sizeGb: 64, sku: "Premium_LRS" }, ...d])),
        expect: { "web01-vm": "update" },
        exit: 0,
        source: `${AZURE}/diff.go (array elements compared by position: the VM's dataDisks list changes, no replace key)`,
    },
    {
        edit: "change web01's data disk SKU to StandardSSD_LRS",
        project: "dev",
        after: vms("web01", (vm) => disks(vm, ([d]) => [{ ...d, sku: "StandardSSD_LRS", caching: "ReadOnly" }])),
        expect: { "web01-disk-data": "update" },
        exit: 0,
        source: `${AZURE}/diff.go (sku is no replace key for a disk)`,
    },
    {
        edit: "change web01's data disk SKU to Premium_ZRS",
        project: "dev",
        after: vms("web01", (vm) => disks(vm, ([d]) => [{ ...d, sku: "Premium_ZRS" }])),
        expect: { "web01-disk-data": "replace-refused (create-first)", "*": "not-reached" },
        exit: 4,
        source: `${ENGINE}/step_generator.go:1958 (protect refuses a replacement); zones is in the disk's replaceOnChanges (a ZRS disk has none)`,
    },
    {
        edit: "change web01's data disk caching to None",
        project: "dev",
        after: vms("web01", (vm) => disks(vm, ([d]) => [{ ...d, caching: "None" }])),
        expect: { "web01-vm": "update" },
        exit: 0,
        source: `${AZURE}/diff.go (dataDisks[].caching is no replace key)`,
    },
    {
        edit: "grow web01's OS disk from 64 to 128 GB",
        project: "dev",
        after: vms("web01", (vm) => ({ ...vm, osDisk: { sizeGb: 128, sku: "Premium_LRS" } })),
        expect: { "web01-vm": "update" },
        exit: 0,
        source: `${AZURE}/diff.go (storageProfile.osDisk.diskSizeGB is no replace key)`,
    },
    {
        edit: "give web01's data disk a copy source (copyFrom) under the same key",
        project: "dev",
        after: vms("web01", (vm) => disks(vm, ([d]) => [{ ...d, source: { copyFrom: ADOPT("web01-data-snapshot").replace("/disks/", "/snapshots/") } }])),
        expect: { "web01-disk-data": "replace-refused (create-first)", "*": "not-reached" },
        exit: 4,
        source: `${ENGINE}/step_generator.go:1958 (creationData is in the disk's replaceOnChanges, and the disk is protected)`,
        readme: "Refused: a disk's source is create-only. Copy into a new key instead.",
    },
    {
        edit: "attach an existing disk to web01 by id (existingId)",
        project: "dev",
        after: vms("web01", (vm) => disks(vm, (d) => [...d, { name: "shared", lun: 2, source: { existingId: ADOPT("shared-data") } }])),
        expect: { "web01-vm": "update" },
        exit: 0,
        source: `${AZURE}/diff.go (storageProfile.dataDisks is no replace key); the stack declares no Disk for it`,
    },
    {
        edit: "change web01's data disk SKU to PremiumV2_LRS",
        project: "dev",
        after: vms("web01", (vm) => disks(vm, ([d]) => [{ ...d, sku: "PremiumV2_LRS", caching: "None" }])),
        expect: { "web01-disk-data": "update", "web01-vm": "update" },
        exit: 0,
        source: `${AZURE}/diff.go (sku is no replace key for a disk; Azure converts Premium SSD to Premium SSD v2 in place)`,
    },
    {
        edit: "rebuild web01 from its kept OS disk (osDisk.source.existingId)",
        project: "dev",
        // A VM built from its disk takes its OS as it is: no image, administrator or keys, so no access extension.
        after: vms("web01", (vm) => ({
            ...Object.fromEntries(Object.entries(vm).filter(([k]) => !["image", "adminUsername", "sshPublicKeys"].includes(k))), name: vm.name,
            osDisk: { sku: "Premium_LRS", source: { existingId: ADOPT("web01_OsDisk_1_kept") } },
        })),
        expect: { "web01-vm": "replace (delete-first)", "web01-access": "delete", "web01-format-data": "replace (delete-first)" },
        exit: 0,
        source: `${ENGINE}/step_generator.go:3122-3213 (storageProfile.osDisk.createOption is in replaceOnChanges); replace_with_test.go TestReplaceWithDeleteBeforeReplace`,
        readme: "VM rebuilt on its kept OS disk: the machine comes back as itself, data disks re-attach.",
    },
    // Protection modes and locks
    {
        edit: "move web01's disks from protect to retain",
        project: "dev",
        after: vms("web01", (vm) => ({ ...vm, diskProtection: "retain" })),
        expect: {},
        exit: 0,
        source: `${ENGINE}/step_generator.go:1893-1923 (options alone: a same step); pkg/backend/snapshot.go:294-338`,
    },
    {
        edit: "move web01's disks from protect to delete",
        project: "dev",
        after: vms("web01", (vm) => ({ ...vm, diskProtection: "delete" })),
        expect: { "web01-vm": "update" },
        exit: 0,
        source: `${ENGINE}/step_generator.go:1893-1923 (options alone: same); the OS disk's deleteOption becomes Delete (an update)`,
    },
    {
        edit: "move web01's disks from retain back to protect",
        project: "dev",
        before: vms("web01", (vm) => ({ ...vm, diskProtection: "retain" })),
        after: vms("web01", (vm) => ({ ...vm, diskProtection: "protect" })),
        expect: {},
        exit: 0,
        source: `${ENGINE}/step_generator.go:1893-1923; lifecycletest TestProtect step 5`,
    },
    {
        edit: "put a CanNotDelete lock on web01's disks",
        project: "dev",
        after: vms("web01", (vm) => ({ ...vm, lock: { kind: "CanNotDelete" } })),
        expect: { "web01-disk-data-lock": "create" },
        exit: 0,
        source: `${ENGINE}/step_generator.go (create)`,
    },
    {
        edit: "remove the lock from web01's disks",
        project: "dev",
        before: vms("web01", (vm) => ({ ...vm, lock: { kind: "CanNotDelete" } })),
        after: vms("web01", (vm) => vm),
        expect: { "web01-disk-data-lock": "delete" },
        exit: 0,
        source: `${ENGINE}/step_generator.go:2422-2431 (GenerateDeletes)`,
    },
    // The VM
    {
        edit: "resize web01 from Standard_D2s_v5 to Standard_D4s_v5",
        project: "dev",
        after: vms("web01", (vm) => ({ ...vm, size: "Standard_D4s_v5" })),
        expect: { "web01-vm": "update" },
        exit: 0,
        source: `${AZURE}/diff.go (hardwareProfile.vmSize is no replace key)`,
        readme: "Updated in place (Azure restarts the VM).",
    },
    {
        edit: "resize app01 across the premium boundary (Standard_D2s_v5 to Standard_D2_v5, data disk to StandardSSD_LRS)",
        project: "dev",
        after: vms("app01", (vm) => disks({ ...vm, size: "Standard_D2_v5" }, ([d]) => [{ ...d, sku: "StandardSSD_LRS" }])),
        expect: { "app01-vm": "update", "app01-disk-data": "update" },
        exit: 0,
        source: `${ENGINE}/step_generator.go:3026-3048 (processIgnoreChanges: the defaulted OS disk SKU is ignored, so it never replaces the VM)`,
        readme: "Updated in place; the OS disk keeps the SKU it was created with (a size never replaces a VM by itself).",
    },
    {
        edit: "change web01's image (Ubuntu 24.04 to 22.04)",
        project: "dev",
        after: vms("web01", (vm) => ({ ...vm, image: "ubuntu-22.04" })),
        expect: { "web01-vm": "replace (delete-first)", "web01-access": "replace (delete-first)", "web01-format-data": "replace (delete-first)" },
        exit: 0,
        source: `${ENGINE}/step_generator.go:3122-3213 (applyReplaceOnChanges); replace_with_test.go TestReplaceWithDeleteBeforeReplace`,
        readme: "VM rebuilt on a fresh OS disk; the old OS disk is left detached, data disks re-attach, the guest steps run again.",
    },
    {
        edit: "change web01's computer name",
        project: "dev",
        after: vms("web01", (vm) => ({ ...vm, computerName: "web01-renamed" })),
        expect: { "web01-vm": "replace (delete-first)", "web01-access": "replace (delete-first)", "web01-format-data": "replace (delete-first)" },
        exit: 0,
        source: `${ENGINE}/step_generator.go:3122-3213 (osProfile.computerName is in replaceOnChanges)`,
    },
    {
        edit: "change web01's admin username",
        project: "dev",
        after: vms("web01", (vm) => ({ ...vm, adminUsername: "opsadmin" })),
        expect: { "web01-vm": "replace (delete-first)", "web01-access": "replace (delete-first)", "web01-format-data": "replace (delete-first)" },
        exit: 0,
        source: `${ENGINE}/step_generator.go:3122-3213 (osProfile.adminUsername is in replaceOnChanges)`,
    },
    {
        edit: "give web01 custom data",
        project: "dev",
        after: vms("web01", (vm) => ({ ...vm, customData: "#cloud-config\npackages: [nginx]\n" })),
        expect: { "web01-vm": "replace (delete-first)", "web01-access": "replace (delete-first)", "web01-format-data": "replace (delete-first)" },
        exit: 0,
        source: `${ENGINE}/step_generator.go:3122-3213 (osProfile.customData is in replaceOnChanges)`,
    },
    {
        edit: "replace web01's SSH key",
        project: "dev",
        after: vms("web01", (vm) => ({ ...vm, sshPublicKeys: ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBm4v0wRvhnYV3sXxbBqvQ9iTtCkV8hO8Gc4Zb5LZ3Yx rotated@azure-persistent-vm"] })),
        expect: { "web01-access": "update" },
        exit: 0,
        source: `${ENGINE}/step_generator.go:3026-3048 (ssh.publicKeys is in the VM's ignoreChanges); the access extension rotates it`,
        readme: "The key rotates through the VM access extension; the VM is not touched.",
    },
    {
        edit: "switch web01 from Trusted Launch to Standard",
        project: "dev",
        after: vms("web01", (vm) => ({ ...vm, securityType: "Standard" })),
        expect: { "web01-vm": "replace (delete-first)", "web01-access": "replace (delete-first)", "web01-format-data": "replace (delete-first)" },
        exit: 0,
        source: `${ENGINE}/step_generator.go:3625-3641 (shouldTriggerReplace: the VM's replacementTrigger carries the security type)`,
        readme: "VM rebuilt (the security type is create-only); data disks re-attach.",
    },
    {
        edit: "move web01 to zone 2",
        project: "dev",
        after: vms("web01", (vm) => ({ ...vm, zone: "2" })),
        expect: { "web01-disk-data": "replace-refused (create-first)", "*": "not-reached" },
        exit: 4,
        source: `${ENGINE}/step_generator.go:1958 (protect refuses the disk's replacement: zones is in its replaceOnChanges)`,
        readme: "Refused: a disk's zone is create-only and the disk is protected.",
    },
    {
        edit: "rename web01 to web02",
        project: "dev",
        after: vms("web01", (vm) => ({ ...vm, name: "web02" })),
        expect: {
            "web01": "delete", "web01-vm": "delete", "web01-nic": "delete", "web01-access": "delete", "web01-format-data": "delete", "web01-disk-data": "delete-refused",
            "web02": "create", "web02-vm": "create", "web02-nic": "create", "web02-access": "create", "web02-format-data": "create", "web02-disk-data": "create",
        },
        exit: 4,
        source: `${ENGINE}/step.go:644-649 (a protected delete is refused); new names are new URNs`,
        readme: "Refused: the old VM's disks are protected. Keep the name, or move the data with `adoptId`.",
    },
    // Adopting disks
    {
        edit: "adopt an existing disk under a new key",
        project: "dev",
        after: adopted(ADOPT("restored-from-backup")),
        expect: { "web01-disk-restored-adoption": "create", "web01-disk-restored": "import", "web01-vm": "update" },
        exit: 0,
        source: `${ENGINE}/step_generator.go:1113 (a goal with an import id and no old resource is imported)`,
    },
    {
        edit: "adopt a different disk under a key already in the stack",
        project: "dev",
        before: adopted(ADOPT("restored-from-backup")),
        after: adopted(ADOPT("restored-again")),
        expect: { "web01-disk-restored-adoption": "replace-refused (create-first)", "*": "not-reached" },
        exit: 4,
        source: `${ENGINE}/step_generator.go:1104-1113 (import id compared exactly) and :1958 (the protected guard's replacement is refused first); lifecycletest import_test.go TestImportOption step 8`,
        readme: "Refused: the adoption guard's replacement is refused before the disk is registered, so the old disk is never import-replaced. Use a new key.",
    },
    {
        edit: "change only the letter case of an adopted disk's id",
        project: "dev",
        before: adopted(ADOPT("restored-from-backup")),
        after: adopted(ADOPT("restored-from-backup").replace("Microsoft.Compute", "microsoft.compute")),
        expect: { "web01-disk-restored-adoption": "replace-refused (create-first)", "*": "not-reached" },
        exit: 4,
        source: `${ENGINE}/step_generator.go:1113 (resource.ID compared with Go's !=, case-sensitive)`,
    },
    // Credentials
    {
        edit: "give app01 a password instead of the generated one",
        project: "dev",
        after: { "azure-persistent-vm:adminPasswords": { app01: "Given-Passw0rd-for-tests!" } },
        expect: { "app01-admin-password": "delete", "app01-access": "update" },
        exit: 0,
        source: `${ENGINE}/step_generator.go:3026-3048 (osProfile.adminPassword is in the VM's ignoreChanges); the access extension rotates it`,
    },
    // Backup
    {
        edit: "turn on backup for web01",
        project: "dev",
        after: { ...vms("web01", (vm) => ({ ...vm, backup: true })), "azure-persistent-vm:backup": {} },
        expect: { "backup": "create", "backup-vault": "create", "backup-policy": "create", "web01-backup": "create" },
        exit: 0,
        source: `${ENGINE}/step_generator.go (create)`,
    },
    {
        edit: "turn off backup for web01",
        project: "dev",
        before: { ...vms("web01", (vm) => ({ ...vm, backup: true })), "azure-persistent-vm:backup": {} },
        after: { ...vms("web01", (vm) => ({ ...vm, backup: false })), "azure-persistent-vm:backup": {} },
        expect: { "web01-backup": "delete-skipped" },
        exit: 0,
        source: `${ENGINE}/step.go:661-662 (the protected item has retainOnDelete: its recovery points stay)`,
    },
    // Network and tags
    {
        edit: "give web01 a public IP address",
        project: "dev",
        after: vms("web01", (vm) => ({ ...vm, publicIp: true })),
        expect: { "web01-pip": "create", "web01-nic": "update" },
        exit: 0,
        source: `${AZURE}/diff.go (ipConfigurations is no replace key for a NIC)`,
    },
    {
        edit: "change the management source prefixes",
        project: "dev",
        after: { "azure-persistent-vm:network": { ...(DEV["azure-persistent-vm:network"] as object), managementSourcePrefixes: ["198.51.100.0/24"] } },
        expect: { "network-nsg": "update" },
        exit: 0,
        source: `${AZURE}/diff.go (securityRules is no replace key)`,
    },
    {
        edit: "change the subnet's prefix",
        project: "dev",
        after: { "azure-persistent-vm:network": { ...(DEV["azure-persistent-vm:network"] as object), subnetPrefix: "10.42.2.0/24" } },
        // The management rules target the VMs' application security groups, not the prefix: the NSG stays as it is.
        expect: { "network-subnet": "update" },
        exit: 0,
        source: `${AZURE}/diff.go (addressPrefix is no replace key; Azure refuses it at deployment while NICs use the subnet)`,
    },
    {
        edit: "add a tag to every resource",
        project: "dev",
        after: { "azure-persistent-vm:tags": { costCenter: "1234" } },
        expect: {
            "resource-group": "update", "network-vnet": "update", "network-nsg": "update", "network-asg-linux": "update", "network-asg-windows": "update",
            "network-nat": "update", "network-nat-ip": "update", "web01-vm": "update", "web01-nic": "update", "web01-disk-data": "update",
            "app01-vm": "update", "app01-nic": "update", "app01-disk-data": "update",
            "web01-access": "update", "web01-format-data": "update", "app01-access": "update", "app01-format-data": "update",
        },
        exit: 0,
        source: `${AZURE}/diff.go (tags is no replace key)`,
    },
    // Where the stack lives
    {
        edit: "move the stack to another region",
        project: "dev",
        after: { "azure-native:location": "northeurope" },
        expect: { "resource-group": "replace-refused (delete-first)", "*": "not-reached" },
        exit: 4,
        source: `${ENGINE}/step_generator.go:1958 (protect refuses the disks' replacement: location is in their replaceOnChanges)`,
        readme: "Refused: disks cannot move region; copy them (`copyFrom`) in the new region's stack.",
    },
    {
        edit: "move the stack to another resource group",
        project: "dev",
        after: { "azure-persistent-vm:resourceGroupName": "rg-persistent-vm-other" },
        expect: { "resource-group": "replace-refused (delete-first)", "*": "not-reached" },
        exit: 4,
        source: `${AZURE}/diff.go (resourceGroupName is a URL parameter: a delete-first replacement) and ${ENGINE}/step_generator.go:1958`,
    },
    {
        edit: "change only the letter case of the resource group's name",
        project: "dev",
        after: { "azure-persistent-vm:resourceGroupName": "RG-persistent-vm-dev" },
        expect: {},
        exit: 0,
        source: `${AZURE}/diff.go (applyAzureSpecificDiff compares resourceGroupName ignoring case; pulumi/pulumi-azure-native#2910)`,
    },
    // The examples
    {
        edit: "grow the SQL Server example's data disk from 256 to 512 GB",
        project: "sql-server",
        after: { "apvm-sql-server:dataDiskSizeGb": 512 },
        expect: { "sql01-disk-sql-data": "update" },
        exit: 0,
        source: `${AZURE}/diff.go (diskSizeGB is no replace key)`,
    },
    {
        edit: "resize the SQL Server example's VM to Standard_E8ds_v5",
        project: "sql-server",
        after: { "apvm-sql-server:size": "Standard_E8ds_v5" },
        expect: { "sql01-vm": "update" },
        exit: 0,
        source: `${AZURE}/diff.go (hardwareProfile.vmSize is no replace key)`,
    },
    {
        edit: "change the SQL Server example's licence to Azure Hybrid Benefit",
        project: "sql-server",
        before: { "apvm-sql-server:edition": "enterprise" },
        after: { "apvm-sql-server:edition": "enterprise", "apvm-sql-server:licenseType": "AHUB" },
        expect: { "sql01-sql": "update" },
        exit: 0,
        source: "learn.microsoft.com/azure/azure-sql/virtual-machines/windows/licensing-model-azure-hybrid-benefit-ahb-change (the licence model changes in place)",
    },
    {
        edit: "change the SQL Server example's edition (a new image) while the agent still pools its disks",
        project: "sql-server",
        after: { "apvm-sql-server:edition": "enterprise" },
        expect: { "sql01-vm": "replace-refused (delete-first)", "*": "not-reached" },
        exit: 4,
        source: `${ENGINE}/step_generator.go:2111-2122 (a protected dependent refuses a delete-first replacement); lifecycletest delete_before_replace_test.go TestDBRProtect`,
    },
    {
        edit: "tell the SQL Server example its disks hold storage pools (existingStorage: true)",
        project: "sql-server",
        after: { "apvm-sql-server:existingStorage": true },
        expect: { "sql01-sql": "update" },
        exit: 0,
        source: `${ENGINE}/step_generator.go:3122-3213 (the storage settings disappear as a whole, at a path the listed ones do not cover); :1893-1923 (protect goes off)`,
    },
    {
        edit: "change the SQL Server example's edition once existingStorage is true",
        project: "sql-server",
        before: { "apvm-sql-server:existingStorage": true },
        after: { "apvm-sql-server:existingStorage": true, "apvm-sql-server:edition": "enterprise" },
        expect: { "sql01-vm": "replace (delete-first)", "sql01-sql": "replace (delete-first)", "sql01-access": "replace (delete-first)" },
        exit: 0,
        source: `${ENGINE}/step_generator.go:3220-3361 (the registration is a dependent of the VM: its virtualMachineResourceId is in its replaceOnChanges)`,
    },
    {
        // The VM's kept OS disk keeps the instance (master, logins, jobs); with no image there is no OS profile, so no
        // generated password and no access extension, and the registration, tied to the VM, is created again without
        // a storage configuration.
        edit: "rebuild the SQL Server example's VM from its kept OS disk once existingStorage is true",
        project: "sql-server",
        before: { "apvm-sql-server:existingStorage": true },
        after: { "apvm-sql-server:existingStorage": true, "apvm-sql-server:osDiskId": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-apvm-sql-dev/providers/Microsoft.Compute/disks/sql01_OsDisk_1_0f1e" },
        expect: { "sql01-vm": "replace (delete-first)", "sql01-sql": "replace (delete-first)", "sql01-access": "delete", "sql01-admin-password": "delete" },
        exit: 0,
        source: `${ENGINE}/step_generator.go:2075-2122, 3366-3386 (the registration is tied to the VM with replaceWith, and deleted before it, unprotected)`,
    },
    {
        edit: "set a collation on the SQL Server example's deployed VM",
        project: "sql-server",
        after: { "apvm-sql-server:collation": "Latin1_General_100_CI_AS_SC_UTF8" },
        expect: { "sql01-sql": "update-refused" },
        exit: 4,
        source: "learn.microsoft.com/sql/relational-databases/collations/set-or-change-the-server-collation (the server collation is chosen when SQL Server is installed; tools/plan/resource-diff.ts SQL_CREATE_ONLY_IN_PLACE)",
    },
    {
        edit: "set the SQL Server example's existingStorage back to false",
        project: "sql-server",
        before: { "apvm-sql-server:existingStorage": true },
        after: { "apvm-sql-server:existingStorage": false },
        expect: { "sql01-sql": "update" },
        exit: 5,
        source: "tools/plan/changes.ts riskOf (the prediction's own rule: a storage configuration sent again on an update may ask the agent to pool disks that hold pools; Microsoft documents it for new VMs only)",
    },
    {
        edit: "grow the SharePoint farm's SQL log disk from 64 to 128 GB",
        project: "sharepoint-farm",
        after: { "apvm-sharepoint-farm:sqlLogDiskSizeGb": 128 },
        expect: { "sql01-disk-sql-log": "update" },
        exit: 0,
        source: `${AZURE}/diff.go (diskSizeGB is no replace key)`,
    },
    {
        edit: "resize the SharePoint farm's domain controller to Standard_D4s_v5",
        project: "sharepoint-farm",
        after: { "apvm-sharepoint-farm:dcSize": "Standard_D4s_v5" },
        expect: { "dc01-vm": "update" },
        exit: 0,
        source: `${AZURE}/diff.go (hardwareProfile.vmSize is no replace key)`,
    },
    {
        // The NIC was created with accelerated networking (the default on Standard_D2s_v5); Azure refuses to resize a
        // VM whose NIC has it to a size without it, so the default there is applied, not ignored.
        edit: "resize the SharePoint farm's domain controller to Standard_B4ms, a size without accelerated networking",
        project: "sharepoint-farm",
        after: { "apvm-sharepoint-farm:dcSize": "Standard_B4ms" },
        expect: { "dc01-nic": "update", "dc01-vm": "update" },
        exit: 0,
        source: `${AZURE}/diff.go (enableAcceleratedNetworking and hardwareProfile.vmSize are no replace keys); learn.microsoft.com/azure/virtual-network/manage-accelerated-networking (turning it off needs no stop)`,
    },
    {
        edit: "point the lift-and-shift example's data disk at another VHD",
        project: "lift-and-shift",
        after: {
            "apvm-lift-and-shift:server": {
                ...(LIFT["apvm-lift-and-shift:server"] as Record<string, unknown>),
                dataVhds: ((LIFT["apvm-lift-and-shift:server"] as { dataVhds: Record<string, unknown>[] }).dataVhds)
                    .map((d, i) => i === 0 ? { ...d, uri: "https://migratevhds.blob.core.windows.net/vhds/erp01-data-v2.vhd" } : d),
            },
        },
        expect: { "erp01-disk-data": "replace-refused (create-first)", "*": "not-reached" },
        exit: 4,
        source: `${ENGINE}/step_generator.go:1958 (creationData is in the disk's replaceOnChanges, and the disk is protected)`,
    },
    {
        edit: "finish the lift-and-shift example's upload: phase upload to attach, after azcopy and az disk revoke-access",
        project: "lift-and-shift",
        before: liftUpload("upload"),
        after: liftUpload("attach"),
        expect: { "erp01-os-disk": "update", "erp01-disk-data": "update", "erp01-disk-logs": "update", "erp01-vm": "create" },
        exit: 0,
        source: `${AZURE}/diff.go (networkAccessPolicy and publicNetworkAccess are no replace keys; creationData, the same in both phases, is unchanged)`,
        readme: "The uploaded disks close to the network in place (`DenyAll`) and the VM is created on them; nothing is replaced.",
    },
    {
        edit: "give an uploaded VHD of the lift-and-shift example another size (sizeBytes)",
        project: "lift-and-shift",
        before: liftUpload("attach"),
        after: liftUpload("attach", [512, 64]),
        expect: { "erp01-disk-data": "replace-refused (create-first)", "*": "not-reached" },
        exit: 4,
        source: `${ENGINE}/step_generator.go:1958 (uploadSizeBytes is in creationData, in the disk's replaceOnChanges, and the disk is protected)`,
    },
    {
        edit: "switch the lift-and-shift example's deployed disks from imported to uploaded",
        project: "lift-and-shift",
        after: liftUpload("attach"),
        expect: { "erp01-os-disk": "replace-refused (create-first)", "erp01-disk-data": "replace-refused (create-first)", "erp01-disk-logs": "replace-refused (create-first)", "*": "not-reached" },
        exit: 4,
        source: `${ENGINE}/step_generator.go:1958 (a disk's source is its creationData, in its replaceOnChanges, and the disk is protected)`,
    },
    // Upgrades: a stack deployed with a released library, planned with this one. What 0.1.0 stacks get (docs/security.md,
    // "Upgrading a deployed stack"): the application security groups (each VM's NIC joins its OS's, and the management
    // rules target them), the NAT gateway with its address (the subnet takes it and the Key Vault service endpoint in
    // place), for a domain controller the vault, secret and role assignment its promotion now reads the safe-mode
    // password through, the promotion updating in place, and for a SQL Server VM its patch mode, AutomaticByPlatform to
    // AutomaticByOS in place (its image is not on Microsoft's platform-patching list; Azure switches the two in place
    // on a VM created with enableAutomaticUpdates true, which stays true). Nothing is replaced or deleted.
    ...UPGRADES.map(({ project, expect }): EditRow => ({
        edit: `upgrade the ${project === "dev" ? "dev stack" : `${project} example`} from library 0.1.0`,
        project,
        before: { release: "0.1.0" },
        after: {},
        expect,
        exit: 0,
        source: `${ENGINE}/step_generator.go:1893-1923 (new options alone: same) and :3635-3638 (a replacement trigger the state does not have never replaces); new resources are creates, changed inputs of non-replacing properties are updates`,
    })),
];
