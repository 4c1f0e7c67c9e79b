// The preflight table for names and the VM's own fields: inputs Azure would refuse are refused at plan time with their
// exact messages, and inputs exactly on a limit pass with the value they resolve to.
// Not proved here: that Azure still enforces the same limits today. They are copied from Microsoft Learn and the Compute
// REST API as components/vm/vm-rules.ts, components/core/name-rules.ts and components/backup/backup-rules.ts record
// them, and Azure can change them without notice. Nor is it proved that the components declare what the plan says.
import { describe, it } from "vitest";
import { type Accepted, type Rejected } from "../support/fixtures";
import { expectAccepted, expectRefused } from "../support/plan-tables";

const VM_NAME_CHARS = (name: string): string => `"${name}" may hold only letters, digits, "_", "." and "-", must start with a letter or digit, and cannot end with "." or "-" (set vmName).`;
const WINDOWS_COMPUTER_CHARS = (name: string): string => `"${name}" must hold only letters, digits and hyphens, not only digits, and not end with a hyphen (set computerName).`;
const LINUX_COMPUTER_CHARS = (name: string): string => `"${name}" must hold only letters, digits, hyphens and periods, and start and end with a letter or digit (set computerName).`;
const RESOURCE_GROUP_CHARS = (name: string): string => `"${name}" is a resource group name that may hold only letters, digits, "_", "-", ".", "(" and ")", and cannot end with "." (set resourceGroupName).`;
const BAD_POLICY_ID = (id: string): string => `"${id}" is not a backup policy id; expected /subscriptions/<subscription>/resourceGroups/<group>/providers/Microsoft.RecoveryServices/vaults/<vault>/backupPolicies/<policy> (use a BackupVault's policyId).`;

const VM_NAME_65 = "a".repeat(65);
const RESOURCE_GROUP_91 = `rg-${"a".repeat(88)}`;
// 43 + "-disk-" + 32 = 81 characters.
const VM_NAME_43 = "a".repeat(43);
const DISK_KEY_32 = "b".repeat(32);

const REJECTED: readonly Rejected[] = [
    // Names.
    {
        scenario: "a 65-character vmName",
        os: "linux", args: { vmName: VM_NAME_65, computerName: "web01" },
        problems: [{ path: "vmName", message: `"${VM_NAME_65}" is 65 characters; Azure allows 1 to 64 (set vmName).` }],
    },
    {
        scenario: "an empty vmName",
        os: "linux", args: { vmName: "", computerName: "web01" },
        problems: [{ path: "vmName", message: `"" is 0 characters; Azure allows 1 to 64 (set vmName).` }],
    },
    {
        scenario: "a vmName ending with a period",
        os: "linux", args: { vmName: "web01.", computerName: "web01" },
        problems: [{ path: "vmName", message: VM_NAME_CHARS("web01.") }],
    },
    {
        scenario: "a vmName ending with a hyphen",
        os: "linux", args: { vmName: "web01-", computerName: "web01" },
        problems: [{ path: "vmName", message: VM_NAME_CHARS("web01-") }],
    },
    {
        scenario: "a vmName starting with an underscore",
        os: "linux", args: { vmName: "_web01", computerName: "web01" },
        problems: [{ path: "vmName", message: VM_NAME_CHARS("_web01") }],
    },
    {
        scenario: "a vmName with a slash",
        os: "linux", args: { vmName: "web/01", computerName: "web01" },
        problems: [{ path: "vmName", message: VM_NAME_CHARS("web/01") }],
    },
    {
        scenario: "a Windows VM whose 16-character vmName becomes its computer name",
        os: "windows", args: { vmName: "sqlserverprod001" },
        problems: [{ path: "computerName", message: `"sqlserverprod001" is 16 characters; Windows allows at most 15 (set computerName).` }],
    },
    {
        scenario: "a Windows VM whose 16-character component name becomes its computer name",
        os: "windows", name: "reporting-server", args: {},
        problems: [{ path: "computerName", message: `"reporting-server" is 16 characters; Windows allows at most 15 (set computerName).` }],
    },
    {
        scenario: "a Windows VM with a 16-character computerName",
        os: "windows", args: { computerName: "application-srv1" },
        problems: [{ path: "computerName", message: `"application-srv1" is 16 characters; Windows allows at most 15 (shorten computerName).` }],
    },
    {
        scenario: "a Windows computer name of only digits",
        os: "windows", args: { computerName: "20250101" },
        problems: [{ path: "computerName", message: WINDOWS_COMPUTER_CHARS("20250101") }],
    },
    {
        scenario: "a Windows computer name ending with a hyphen",
        os: "windows", args: { computerName: "app01-" },
        problems: [{ path: "computerName", message: WINDOWS_COMPUTER_CHARS("app01-") }],
    },
    {
        scenario: "a Windows computer name with an underscore",
        os: "windows", args: { computerName: "app_01" },
        problems: [{ path: "computerName", message: WINDOWS_COMPUTER_CHARS("app_01") }],
    },
    {
        scenario: "a Windows computer name with a period",
        os: "windows", args: { computerName: "app.01" },
        problems: [{ path: "computerName", message: WINDOWS_COMPUTER_CHARS("app.01") }],
    },
    {
        scenario: "a Linux VM with a 65-character computerName",
        os: "linux", args: { computerName: VM_NAME_65 },
        problems: [{ path: "computerName", message: `"${VM_NAME_65}" is 65 characters; Linux allows at most 64 (shorten computerName).` }],
    },
    {
        scenario: "a Linux computer name starting with a hyphen",
        os: "linux", args: { computerName: "-web01" },
        problems: [{ path: "computerName", message: LINUX_COMPUTER_CHARS("-web01") }],
    },
    {
        scenario: "a Linux computer name ending with a period",
        os: "linux", args: { computerName: "web01.example." },
        problems: [{ path: "computerName", message: LINUX_COMPUTER_CHARS("web01.example.") }],
    },
    {
        scenario: "a Linux computer name with an underscore",
        os: "linux", args: { computerName: "web_01" },
        problems: [{ path: "computerName", message: LINUX_COMPUTER_CHARS("web_01") }],
    },
    {
        scenario: "a 43-character vmName and a 32-character disk key, which make an 81-character disk name",
        os: "linux", args: { vmName: VM_NAME_43, dataDisks: [{ name: DISK_KEY_32, lun: 0, sizeGb: 128 }] },
        problems: [{
            path: "dataDisks[0].name",
            message: `makes the disk name "${VM_NAME_43}-disk-${DISK_KEY_32}", 81 characters; Azure allows at most 80 (shorten the disk name or vmName).`,
        }],
    },
    {
        scenario: "a 91-character resource group name",
        os: "linux", args: { resourceGroupName: RESOURCE_GROUP_91 },
        problems: [{ path: "resourceGroupName", message: `"${RESOURCE_GROUP_91}" is a resource group name of 91 characters; Azure allows 1 to 90 (set resourceGroupName).` }],
    },
    {
        scenario: "an empty resource group name",
        os: "linux", args: { resourceGroupName: "" },
        problems: [{ path: "resourceGroupName", message: `"" is a resource group name of 0 characters; Azure allows 1 to 90 (set resourceGroupName).` }],
    },
    {
        scenario: "a resource group name ending with a period",
        os: "linux", args: { resourceGroupName: "rg-app." },
        problems: [{ path: "resourceGroupName", message: RESOURCE_GROUP_CHARS("rg-app.") }],
    },
    {
        scenario: "a resource group name with a hash",
        os: "linux", args: { resourceGroupName: "rg#app" },
        problems: [{ path: "resourceGroupName", message: RESOURCE_GROUP_CHARS("rg#app") }],
    },

    // VM size.
    {
        scenario: "a size without its Standard_ prefix",
        os: "linux", args: { size: "D2s_v5" },
        problems: [{ path: "size", message: `"D2s_v5" is not an Azure VM size; sizes look like "Standard_D2s_v5".` }],
    },

    // Backup.
    {
        scenario: "a backup policy id that names a vault, not a policy",
        os: "linux", args: { backup: { policyId: "/subscriptions/0/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/rsv" } },
        problems: [{ path: "backup.policyId", message: BAD_POLICY_ID("/subscriptions/0/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/rsv") }],
    },
];

const LINUX_VM_NAME_64 = `web-${"a".repeat(60)}`;
const LINUX_COMPUTER_NAME_64 = `${"h".repeat(60)}.lab`;
const RESOURCE_GROUP_90 = `rg-${"a".repeat(87)}`;
// 42 + "-disk-" + 32 = 80 characters.
const VM_NAME_42 = "a".repeat(42);

const ACCEPTED: readonly Accepted[] = [
    {
        scenario: "a 15-character Windows computerName",
        os: "windows", args: { computerName: "app-server-0001" },
        resolved: (p) => p.computerName, value: "app-server-0001",
    },
    {
        scenario: "a 15-character Windows vmName that becomes the computer name",
        os: "windows", args: { vmName: "sqlserverprod01" },
        resolved: (p) => p.computerName, value: "sqlserverprod01",
    },
    {
        scenario: "a Windows computer name that starts with a digit but is not only digits",
        os: "windows", args: { computerName: "1app" },
        resolved: (p) => p.computerName, value: "1app",
    },
    {
        scenario: "a 64-character Linux vmName, which is also the computer name",
        os: "linux", args: { vmName: LINUX_VM_NAME_64 },
        resolved: (p) => [p.vmName, p.computerName, p.nicName], value: [LINUX_VM_NAME_64, LINUX_VM_NAME_64, `${LINUX_VM_NAME_64}-nic`],
    },
    {
        scenario: "a 64-character Linux computerName with a period",
        os: "linux", args: { computerName: LINUX_COMPUTER_NAME_64 },
        resolved: (p) => p.computerName, value: LINUX_COMPUTER_NAME_64,
    },
    {
        scenario: "a 42-character vmName and a 32-character disk key, which make an 80-character disk name",
        os: "linux", args: { vmName: VM_NAME_42, dataDisks: [{ name: DISK_KEY_32, lun: 0, sizeGb: 64 }] },
        resolved: (p) => p.dataDisks.map((d) => [d.diskName, d.diskName.length]), value: [[`${VM_NAME_42}-disk-${DISK_KEY_32}`, 80]],
    },
    {
        scenario: "a 90-character resource group name",
        os: "linux", args: { resourceGroupName: RESOURCE_GROUP_90 },
    },
    {
        scenario: "a resource group name with parentheses, periods and non-ASCII letters",
        os: "linux", args: { resourceGroupName: "(rg).prod.müller_1" },
    },
    {
        scenario: "a backup policy id in any letter case",
        os: "linux", args: { backup: { policyId: "/SUBSCRIPTIONS/0/resourcegroups/rg/providers/microsoft.recoveryservices/VAULTS/rsv/backupPolicies/daily" } },
        resolved: (p) => p.resourceNames.backup, value: "vm01-backup",
    },
];

describe("GIVEN an input Azure would refuse WHEN the VM is planned", () => {
    it.each<Rejected>(REJECTED)("THEN $scenario is refused with its exact message", expectRefused);
});

describe("GIVEN an input exactly on a limit WHEN the VM is planned", () => {
    it.each<Accepted>(ACCEPTED)("THEN $scenario is accepted", expectAccepted);
});
