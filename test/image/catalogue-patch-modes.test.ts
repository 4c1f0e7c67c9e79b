/**
 * Every catalogue image (and each OS's default), booted by a VM and by a scale set with and without a health probe,
 * under the SDK's runtime mocks: the patch settings the components register are ones Azure accepts for that image.
 * The rules are Microsoft's, written here independently of the components: `AutomaticByPlatform` (patch or assessment
 * mode) only for an image whose exact publisher, offer and SKU is on Microsoft's list of images that support automatic
 * VM guest patching (the catalogue's transcription, PLATFORM_PATCHING_LIST); each OS's own modes (Linux:
 * AutomaticByPlatform, ImageDefault; Windows: AutomaticByPlatform, AutomaticByOS, Manual); and the Windows pairs of the
 * Microsoft.Compute API (AutomaticByOS and AutomaticByPlatform need enableAutomaticUpdates true, Manual false; platform
 * patching and platform assessment need the VM agent).
 * Not proved here: that Azure accepts these inputs (no Azure), or that Microsoft's list still says what the
 * transcription records (image-facts.test.ts checks the catalogue against the transcription).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { IMAGE_KEYS, IMAGES, LinuxScaleSet, LinuxVm, WindowsScaleSet, WindowsVm, type ImageKey } from "../../components";
import { onPlatformPatchingList } from "../../components/internal";
import { SUBNET_ID } from "../support/fixtures";
import { allRegistered, installRecorder, valueOf, type Recorder } from "../../tools/recorder/recorder";

let recorder: Recorder;

const VM = "azure-native:compute:VirtualMachine";
const VMSS = "azure-native:compute:VirtualMachineScaleSet";
const base = { resourceGroupName: "rg", location: "westeurope", subnetId: SUBNET_ID, size: "Standard_D4s_v5" };
const PROBE = { protocol: "tcp", port: 3389 } as const;

type Machine = "vm" | "fleet with a health probe" | "fleet without one";
const MACHINES: readonly Machine[] = ["vm", "fleet with a health probe", "fleet without one"];
/** Each catalogue image, and "(default)" for a machine that names none (a Linux and a Windows one). */
const IMAGES_BOOTED = [...IMAGE_KEYS, "(default linux)", "(default windows)"] as const;
type Booted = (typeof IMAGES_BOOTED)[number];

interface OsConfiguration {
    readonly provisionVMAgent?: boolean;
    readonly enableAutomaticUpdates?: boolean;
    readonly patchSettings?: { readonly patchMode?: string; readonly assessmentMode?: string };
}

const osOf = (image: Booted) => image === "(default linux)" ? "linux" : image === "(default windows)" ? "windows" : IMAGES[image].os;
const keyOf = (image: Booted): ImageKey => image === "(default linux)" ? "ubuntu-24.04" : image === "(default windows)" ? "windows-server-2025" : image;
/** A short resource name per case: Windows computer names take 15 characters, a Windows fleet's prefix 9. */
const nameOf = (image: Booted, machine: Machine) => `${["v", "p", "f"][MACHINES.indexOf(machine)] ?? "x"}${IMAGES_BOOTED.indexOf(image)}`;

function boot(image: Booted, machine: Machine): Promise<unknown> {
    const name = nameOf(image, machine);
    const chosen = image.startsWith("(default") ? {} : { image };
    if (machine === "vm") {
        const vm = osOf(image) === "linux" ? new LinuxVm(name, { ...base, ...chosen }) : new WindowsVm(name, { ...base, ...chosen });
        return valueOf(vm.vmId);
    }
    const fleetArgs = { ...base, ...chosen, instanceCount: 2, ...(machine === "fleet with a health probe" ? { healthProbe: PROBE } : {}) };
    const fleet = osOf(image) === "linux" ? new LinuxScaleSet(name, fleetArgs) : new WindowsScaleSet(name, fleetArgs);
    return valueOf(fleet.scaleSetId);
}

/** The OS configuration the machine registered (a VM's, or a scale set's instance model's). */
function configuration(image: Booted, machine: Machine): OsConfiguration {
    const name = nameOf(image, machine);
    const profile = machine === "vm"
        ? recorder.get(VM, `${name}-vm`).inputs["osProfile"]
        : (recorder.get(VMSS, `${name}-vmss`).inputs["virtualMachineProfile"] as { osProfile: unknown }).osProfile;
    const key = osOf(image) === "linux" ? "linuxConfiguration" : "windowsConfiguration";
    return (profile as Record<string, OsConfiguration>)[key] ?? {};
}

/** What Microsoft's rules say is wrong with this configuration for this image, as sentences (none: Azure accepts it). */
function refusals(image: Booted, config: OsConfiguration): string[] {
    const { publisher, offer, sku } = IMAGES[keyOf(image)];
    const listed = onPlatformPatchingList(publisher, offer, sku) === true;
    const patchMode = config.patchSettings?.patchMode;
    const assessmentMode = config.patchSettings?.assessmentMode;
    const found: string[] = [];
    const own = osOf(image) === "linux" ? ["AutomaticByPlatform", "ImageDefault"] : ["AutomaticByPlatform", "AutomaticByOS", "Manual"];
    if (patchMode === undefined || !own.includes(patchMode)) {
        found.push(`patchMode ${String(patchMode)} is not a ${osOf(image)} mode`);
    }
    if (!["AutomaticByPlatform", "ImageDefault"].includes(String(assessmentMode))) {
        found.push(`assessmentMode ${String(assessmentMode)} is not a mode`);
    }
    for (const [field, mode] of [["patchMode", patchMode], ["assessmentMode", assessmentMode]] as const) {
        if (mode === "AutomaticByPlatform" && !listed) {
            found.push(`${field} AutomaticByPlatform on ${publisher}:${offer}:${sku}, which is not on the list`);
        }
        if (mode === "AutomaticByPlatform" && config.provisionVMAgent !== true) {
            found.push(`${field} AutomaticByPlatform without the VM agent`);
        }
    }
    if (osOf(image) === "windows") {
        // Manual needs false; AutomaticByOS and AutomaticByPlatform need true.
        const needs = patchMode !== "Manual";
        if (config.enableAutomaticUpdates !== needs) {
            found.push(`patchMode ${String(patchMode)} with enableAutomaticUpdates ${String(config.enableAutomaticUpdates)}`);
        }
    } else if (config.enableAutomaticUpdates !== undefined) {
        found.push("enableAutomaticUpdates on Linux");
    }
    return found;
}

describe("GIVEN every catalogue image and each OS's default WHEN a VM, a fleet with a health probe and a fleet without one boot it", () => {
    beforeAll(async () => {
        recorder = await installRecorder();
        await Promise.all(IMAGES_BOOTED.flatMap((image) => MACHINES.map((machine) => boot(image, machine))));
        await allRegistered();
    }, 120_000);

    it("THEN no machine asks for a patch or assessment mode Azure refuses for its image, and every Windows pair is valid", () => {
        const found = IMAGES_BOOTED.flatMap((image) => MACHINES.flatMap((machine) =>
            refusals(image, configuration(image, machine)).map((refusal) => `${image}, ${machine}: ${refusal}`)));
        expect(found).toStrictEqual([]);
    });

    it("THEN the patch mode is AutomaticByPlatform exactly for listed images (a fleet also needs its probe), else the OS's default", () => {
        const modes = Object.fromEntries(IMAGES_BOOTED.map((image) => [image, MACHINES.map((machine) => configuration(image, machine).patchSettings?.patchMode)]));
        const platform = ["AutomaticByPlatform", "AutomaticByPlatform", "ImageDefault"];
        const linux = ["ImageDefault", "ImageDefault", "ImageDefault"];
        const windowsPlatform = ["AutomaticByPlatform", "AutomaticByPlatform", "AutomaticByOS"];
        const windows = ["AutomaticByOS", "AutomaticByOS", "AutomaticByOS"];
        expect(modes).toStrictEqual({
            "ubuntu-24.04": platform,
            "ubuntu-22.04": platform,
            "debian-12": linux,
            "rhel-9": platform,
            "sles-15": linux,
            "almalinux-9": linux,
            "azure-linux-3": platform,
            "windows-server-2025": windowsPlatform,
            "windows-server-2022": windowsPlatform,
            "windows-server-2019": windowsPlatform,
            "sql-server-2022-developer": windows,
            "sql-server-2022-standard": windows,
            "sql-server-2022-enterprise": windows,
            "(default linux)": platform,
            "(default windows)": windowsPlatform,
        });
    });
});
