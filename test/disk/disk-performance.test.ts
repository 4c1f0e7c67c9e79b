/**
 * A data disk's provisioned performance (`iops`, `throughputMBps`): only Premium SSD v2 and Ultra Disk take it, within
 * the ranges Microsoft gives ("Azure managed disk types"), each problem with its exact message; and the values reach
 * the managed disk as `diskIOPSReadWrite` and `diskMBpsReadWrite` only when given.
 * Not proved here: that Azure accepts a value at the edge of a range (there is no Azure here), or the limits of a
 * region or a VM size on a disk's performance.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { WindowsVm } from "../../components";
import { checkDiskPerformance, provisionedPerformance } from "../../components/internal";
import { installRecorder, valueOf, allRegistered, type Recorder } from "../../tools/recorder/recorder";
import { SUBNET_ID } from "../support/fixtures";

let recorder: Recorder;
beforeAll(async () => {
    recorder = await installRecorder();
});

describe("GIVEN a data disk's provisioned performance WHEN its SKU and size are checked", () => {
    it.each<[string, Parameters<typeof checkDiskPerformance>[0], { path: string; message: string }[]]>([
        ["Premium SSD v2 within its range", { sku: "PremiumV2_LRS", sizeGb: 160, iops: 80_000, throughputMBps: 2000 }, []],
        ["Premium SSD v2 with neither given", { sku: "PremiumV2_LRS", sizeGb: 64 }, []],
        ["Premium SSD v2 above 500 IOPS a GiB and 0.25 MB/s an IOPS", { sku: "PremiumV2_LRS", sizeGb: 10, iops: 6000, throughputMBps: 1600 }, [
            { path: "iops", message: "6000 is outside 3000-5000 IOPS, the range of a PremiumV2_LRS disk of 10 GiB (set a whole number in that range)." },
            { path: "throughputMBps", message: "1600 is outside 125-1500 MB/s, the range of a PremiumV2_LRS disk with 6000 IOPS (set a whole number in that range)." },
        ]],
        ["Premium SSD v2 of 6 GiB, which keeps its baseline throughput", { sku: "PremiumV2_LRS", sizeGb: 6, throughputMBps: 126 }, [
            { path: "throughputMBps", message: "126 is outside 125-125 MB/s, the range of a PremiumV2_LRS disk (set a whole number in that range)." },
        ]],
        ["Ultra Disk below its least IOPS, of a size the plan does not know", { sku: "UltraSSD_LRS", sizeGb: undefined, iops: 50 }, [
            { path: "iops", message: "50 is not a whole number of at least 100 IOPS, the least a UltraSSD_LRS disk takes (set one)." },
        ]],
        ["Premium SSD, whose performance follows its size", { sku: "Premium_LRS", sizeGb: 1024, iops: 5000, throughputMBps: 200 }, [
            { path: "iops", message: "is set, but a Premium_LRS disk's performance follows its size; only Premium SSD v2 (PremiumV2_LRS) and Ultra Disk (UltraSSD_LRS) take provisioned IOPS and throughput (remove iops, or choose one of those SKUs)." },
            { path: "throughputMBps", message: "is set, but a Premium_LRS disk's performance follows its size; only Premium SSD v2 (PremiumV2_LRS) and Ultra Disk (UltraSSD_LRS) take provisioned IOPS and throughput (remove throughputMBps, or choose one of those SKUs)." },
        ]],
    ])("THEN %s gives exactly these problems", (_, disk, problems) => {
        expect(checkDiskPerformance(disk)).toStrictEqual(problems);
    });

    it("THEN the ranges are Microsoft's: Premium SSD v2 at most 80,000 IOPS and 2,000 MB/s, Ultra Disk at most 400,000 IOPS", () => {
        expect(provisionedPerformance("PremiumV2_LRS", 1024, 80_000)).toStrictEqual({ iops: { min: 3000, max: 80_000 }, throughputMBps: { min: 125, max: 2000 } });
        expect(provisionedPerformance("UltraSSD_LRS", 1024, 400_000)).toStrictEqual({ iops: { min: 100, max: 400_000 }, throughputMBps: { min: 1, max: 10_000 } });
        expect(provisionedPerformance("StandardSSD_LRS", 1024, undefined)).toBeUndefined();
    });
});

describe("GIVEN a zonal Windows VM with a Premium SSD v2 data disk WHEN its performance is given", () => {
    it("THEN the disk is created with it, and a disk without it sends neither", async () => {
        const vm = new WindowsVm("perf01", {
            resourceGroupName: "rg", location: "westeurope", subnetId: SUBNET_ID, size: "Standard_E4s_v5", zone: "1", image: "windows-server-2022",
            adminPassword: "Given-Passw0rd-For-Test",
            dataDisks: [
                { name: "fast", lun: 0, sizeGb: 256, sku: "PremiumV2_LRS", iops: 12_000, throughputMBps: 400 },
                { name: "plain", lun: 1, sizeGb: 256, sku: "PremiumV2_LRS" },
            ],
        });
        await valueOf(vm.dataDiskIds);
        await allRegistered();
        const fast = recorder.get("azure-native:compute:Disk", "perf01-disk-fast").inputs;
        expect([fast["diskIOPSReadWrite"], fast["diskMBpsReadWrite"]]).toStrictEqual([12_000, 400]);
        const plain = Object.keys(recorder.get("azure-native:compute:Disk", "perf01-disk-plain").inputs);
        expect(plain.filter((k) => k.startsWith("diskIOPS") || k.startsWith("diskMBps"))).toStrictEqual([]);
    });
});
