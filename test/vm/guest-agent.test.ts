/**
 * What runs in the guest through the Azure VM agent (data disk `format`, the Azure Monitor agent, backup, the domain
 * join, Entra ID sign-in) on a VM built from an existing OS disk: refused for a VHD from outside Azure (imported or
 * uploaded) unless `osDisk.vmAgentInstalled` says the agent is there, warned for a copied, adopted or attached disk,
 * refused when the user says the agent is not there, and refused while an uploaded OS disk has no VM. The planner's
 * exact problems and warnings; and, under the SDK's runtime mocks, that a stated agent lets the steps be declared.
 * Not proved here: whether a disk's OS really has the agent (nothing offline can read the disk), or how Azure fails
 * without it.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { WindowsVm } from "../../components";
import { installRecorder, type Recorder } from "../../tools/recorder/recorder";
import { named, settled } from "../support/components";
import { ED25519_KEY, SUBNET_ID, type Rejected } from "../support/fixtures";
import { expectAccepted, expectRefused } from "../support/plan-tables";

let recorder: Recorder;
beforeAll(async () => {
    recorder = await installRecorder();
});

const STORAGE = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-migrate/providers/Microsoft.Storage/storageAccounts/migratevhds";
const VHD = { importVhd: { uri: "https://migratevhds.blob.core.windows.net/vhds/erp01-os.vhd", storageAccountId: STORAGE } };
const KEPT = { existingId: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-persistent-vm-test/providers/Microsoft.Compute/disks/web01_OsDisk_1_0f1e" };
const SNAPSHOT = { copyFrom: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-persistent-vm-test/providers/Microsoft.Compute/snapshots/app01-os" };
const UPLOAD_ATTACHED = { upload: { sizeBytes: 128 * 1_073_741_824 + 512, phase: "attach" as const } };
const POLICY = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/rsv-persistent-vm/backupPolicies/daily-enhanced";
const JOIN = { domainName: "corp.example.com", user: "CORP\\joiner", password: "Join-Secret-2026!" };
/** A Gen2 disk, stated, so that no generation warning mixes with the agent's. */
const GEN2 = { preflightFacts: { imageGeneration: 2 as const } };
const FORMATTED = [{ name: "data", lun: 0, sizeGb: 64, format: true }];

const outside = (path: string, field: string, what: string) => ({
    path,
    message: `is set, but the OS disk is a VHD from outside Azure (osDisk.source.${field}), which has the Azure VM agent only if it was installed before the VHD was made, and ${what} runs through it (install the agent, then set osDisk.vmAgentInstalled: true; or remove ${path}).`,
});
const FORMAT = "formatting and mounting the disk (a Run Command)";

const REFUSED: readonly Rejected[] = [
    {
        scenario: "an imported VHD with a formatted disk and backup, the agent unknown",
        os: "windows",
        args: { osDisk: { source: VHD }, dataDisks: FORMATTED, backup: { policyId: POLICY } },
        problems: [outside("dataDisks[0].format", "importVhd", FORMAT), outside("backup", "importVhd", "Azure Backup (its snapshot extension)")],
    },
    {
        scenario: "an uploaded VHD with the Azure Monitor agent and Entra ID sign-in, the agent unknown",
        os: "linux",
        args: { osDisk: { source: UPLOAD_ATTACHED, hyperVGeneration: "V2" }, azureMonitor: {}, entraIdLogin: true },
        problems: [
            outside("azureMonitor", "upload", "the Azure Monitor agent (a VM extension)"),
            outside("entraIdLogin", "upload", "Microsoft Entra ID sign-in (a VM extension)"),
        ],
    },
    {
        scenario: "a copied disk joined to a domain, the agent stated absent",
        os: "windows",
        args: { ...GEN2, osDisk: { source: SNAPSHOT, vmAgentInstalled: false }, domainJoin: JOIN },
        problems: [{
            path: "domainJoin",
            message: "is set, but osDisk.vmAgentInstalled is false, and the domain join (a Run Command, then the JsonADDomainExtension) runs through the Azure VM agent (install the agent in the disk's OS and set vmAgentInstalled: true, or remove domainJoin).",
        }],
    },
    {
        scenario: "an OS disk still being uploaded, with backup, the agent stated",
        os: "windows",
        args: { osDisk: { source: { upload: { ...UPLOAD_ATTACHED.upload, phase: "upload" } }, hyperVGeneration: "V2", vmAgentInstalled: true }, backup: { policyId: POLICY } },
        problems: [{
            path: "backup",
            message: `is set, but osDisk.source.upload.phase is "upload": no VM exists until the OS disk is uploaded and attached, and Azure Backup (its snapshot extension) runs on the VM (set backup together with phase: "attach").`,
        }],
    },
    {
        scenario: "vmAgentInstalled on a VM made from an image",
        os: "linux",
        args: { osDisk: { vmAgentInstalled: true } },
        credentials: { sshPublicKeys: [ED25519_KEY] },
        problems: [{ path: "osDisk.vmAgentInstalled", message: "is for a VM built from osDisk.source; a VM made from an image has the Azure VM agent (remove it)." }],
    },
];

describe("GIVEN a VM built from an existing OS disk WHEN it asks for what runs through the Azure VM agent", () => {
    it.each(REFUSED)("THEN $scenario is refused, naming each field and the fix", (row) => expectRefused(row));

    it("THEN an imported VHD whose agent is stated takes every such feature, with no warning", () => {
        expectAccepted({
            scenario: "stated", os: "windows",
            args: { osDisk: { source: VHD, vmAgentInstalled: true }, dataDisks: FORMATTED, backup: { policyId: POLICY }, azureMonitor: {}, domainJoin: JOIN },
            resolved: (plan) => [plan.dataDisks[0]?.format?.runCommandName, plan.domainJoin?.domainName],
            value: ["format-data", "corp.example.com"],
        });
    });

    it("THEN a disk attached by id with a formatted disk is accepted with one warning asking to state the agent", () => {
        expectAccepted({
            scenario: "kept disk", os: "linux", args: { ...GEN2, osDisk: { source: KEPT }, dataDisks: FORMATTED },
            warnings: [{
                path: "osDisk.vmAgentInstalled",
                message: "is not set, and dataDisks[0].format runs through the Azure VM agent, which the OS disk (osDisk.source.existingId) has if it comes from an Azure VM, and may lack if it was brought from elsewhere: without the agent it fails after Azure's timeouts (set vmAgentInstalled: true once the disk's OS has the agent, or false to refuse it).",
            }],
        });
    });

    it("THEN a copied disk with two such features gets one warning naming both", () => {
        expectAccepted({
            scenario: "copy", os: "linux", args: { ...GEN2, osDisk: { source: SNAPSHOT }, dataDisks: FORMATTED, azureMonitor: {} },
            warnings: [{
                path: "osDisk.vmAgentInstalled",
                message: "is not set, and dataDisks[0].format, azureMonitor run through the Azure VM agent, which the OS disk (osDisk.source.copyFrom) has if it comes from an Azure VM, and may lack if it was brought from elsewhere: without the agent they fail after Azure's timeouts (set vmAgentInstalled: true once the disk's OS has the agent, or false to refuse them).",
            }],
        });
    });

    it("THEN an imported VHD that asks for nothing in the guest needs no statement", () => {
        expectAccepted({ scenario: "bare", os: "windows", args: { osDisk: { source: VHD } } });
    });
});

describe("GIVEN a Windows server lifted from a VHD with the agent stated, a formatted disk, monitoring and backup", () => {
    beforeAll(async () => {
        await settled(new WindowsVm("erp02", {
            resourceGroupName: "rg", location: "westeurope", subnetId: SUBNET_ID, size: "Standard_D4s_v5",
            osDisk: { source: VHD, vmAgentInstalled: true }, dataDisks: FORMATTED, azureMonitor: {}, backup: { policyId: POLICY },
        }));
    });

    it("THEN the monitor agent, the format command and the backup item are declared; no access extension, the disk brings its accounts", () => {
        expect(named(recorder, "erp02").map((r) => r.name).sort()).toStrictEqual([
            "erp02", "erp02-backup", "erp02-disk-data", "erp02-format-data", "erp02-monitor-agent", "erp02-nic", "erp02-os-disk", "erp02-vm",
        ]);
    });
});
