/**
 * Making a data disk ready in the guest: the Run Command that formats it only if it is blank and mounts it at a
 * folder named after its key, planned from the disk's arguments; and the way back from a registered Run Command to
 * that plan, for the offline plan. Pure: the scripts themselves are in format-scripts.ts.
 */
import type { OsType } from "../core/os";
import type { FileSystem } from "./disk-args";
import { FILE_SYSTEMS } from "./disk-rules";
import { linuxFormatScript, windowsFormatScript } from "./format-scripts";

/** The Run Command that formats a blank disk and mounts it. */
export interface DiskFormatPlan {
    readonly resourceName: string;
    /** The Run Command's Azure name, unique on its VM. */
    readonly runCommandName: string;
    readonly fileSystem: FileSystem;
    readonly mountPoint: string;
    /** The script the command runs (bash on Linux, PowerShell on Windows). */
    readonly script: string;
}

/** Where a data disk is mounted: `/data/<key>` on Linux, the folder `C:\data\<key>` on Windows. */
export function mountPoint(os: OsType, key: string): string {
    return os === "linux" ? `/data/${key}` : `C:\\data\\${key}`;
}

/** A format command's Azure name: `format-<key>`. */
export function formatCommandName(key: string): string {
    return `format-${key}`;
}

function formatScript(key: string, lun: number, fileSystem: FileSystem): string {
    return fileSystem === "ext4" || fileSystem === "xfs"
        ? linuxFormatScript({ key, lun, fileSystem })
        : windowsFormatScript({ key, lun, fileSystem });
}

/**
 * The format command of a disk whose arguments passed the disk rules (a LUN in range, a file system of the OS).
 * @param name the VM component's name
 * @param fileSystem the disk's `fileSystem`, or undefined for the OS's default (ext4, NTFS)
 */
export function planFormat(name: string, os: OsType, disk: { readonly key: string; readonly lun: number; readonly fileSystem: FileSystem | undefined }): DiskFormatPlan {
    const fileSystem = disk.fileSystem ?? FILE_SYSTEMS[os][0] ?? "ext4";
    return {
        resourceName: `${name}-format-${disk.key}`,
        runCommandName: formatCommandName(disk.key),
        fileSystem,
        mountPoint: mountPoint(os, disk.key),
        script: formatScript(disk.key, disk.lun, fileSystem),
    };
}

/**
 * The format plan a registered Run Command was built from, if it is one: its name is the disk's format command and
 * its script is, byte for byte, the script `planFormat` writes for the disk at `lun` with one of the file systems.
 * The offline plan shows each disk's mount with it; nothing is parsed out of the script.
 */
export function formatOfCommand(key: string, lun: number, command: { readonly runCommandName: unknown; readonly script: unknown }): Pick<DiskFormatPlan, "fileSystem" | "mountPoint"> | undefined {
    if (command.runCommandName !== formatCommandName(key)) {
        return undefined;
    }
    for (const os of ["linux", "windows"] as const) {
        const fileSystem = FILE_SYSTEMS[os].find((candidate) => formatScript(key, lun, candidate) === command.script);
        if (fileSystem !== undefined) {
            return { fileSystem, mountPoint: mountPoint(os, key) };
        }
    }
    return undefined;
}
