/**
 * A data disk's format command (components/disk/format-plan.ts): named after the disk's key, mounted at a folder named
 * after it, and recognised again from a registration by building its script anew (what the offline plan shows as the
 * disk's mount). Not proved here: the scripts' behaviour on a VM (test/disk/format-scripts.test.ts runs the Linux one).
 */
import { describe, expect, it } from "vitest";
import { FILE_SYSTEMS, formatOfCommand, planFormat } from "../../components/internal";

describe("GIVEN a formatted disk of each OS and file system", () => {
    const cases = (["linux", "windows"] as const).flatMap((os) => FILE_SYSTEMS[os].map((fileSystem) => ({ os, fileSystem })));

    it.each(cases)("WHEN its command is registered on a $os VM with $fileSystem THEN the plan reads its mount back", ({ os, fileSystem }) => {
        const plan = planFormat("web01", os, { key: "logs", lun: 3, fileSystem });
        expect([plan.resourceName, plan.runCommandName, plan.mountPoint]).toEqual(["web01-format-logs", "format-logs", os === "linux" ? "/data/logs" : "C:\\data\\logs"]);
        expect(formatOfCommand("logs", 3, plan)).toEqual({ fileSystem, mountPoint: plan.mountPoint });
    });

    it("WHEN no file system is given THEN the OS's first is made: ext4 on Linux, NTFS on Windows", () => {
        expect([planFormat("a", "linux", { key: "d", lun: 0, fileSystem: undefined }).fileSystem, planFormat("a", "windows", { key: "d", lun: 0, fileSystem: undefined }).fileSystem])
            .toEqual(["ext4", "NTFS"]);
    });
});

describe("GIVEN a Run Command that is not that disk's format command", () => {
    const plan = planFormat("web01", "linux", { key: "logs", lun: 3, fileSystem: "xfs" });

    it("THEN a changed byte of the script, another LUN, or another name is not taken for it", () => {
        expect(formatOfCommand("logs", 3, { runCommandName: plan.runCommandName, script: `${plan.script} ` })).toBeUndefined();
        expect(formatOfCommand("logs", 4, plan)).toBeUndefined();
        expect(formatOfCommand("data", 3, plan)).toBeUndefined();
        expect(formatOfCommand("logs", 3, { runCommandName: "format-logs", script: undefined })).toBeUndefined();
    });
});
