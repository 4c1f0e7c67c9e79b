/**
 * The data-disk scripts. The Linux script is executed by bash under a fake root (its own /dev/disk/azure links, device
 * files and /etc/fstab) with stub blkid, lsblk, parted, partprobe, udevadm, mkfs.ext4, mkfs.xfs, mountpoint and
 * mount that log every call and answer from a small state directory. The stubs come first on PATH, which otherwise
 * holds only /usr/bin and /bin, not the sbin directories where real disk tools live, so nothing real can be formatted.
 * A VM rebuilt over a formatted disk is a fresh fake root (an fstab without the disk) given the disk's state.
 * Not proved here: real udev links and Azure device naming (SCSI or NVMe), what real blkid, parted, mkfs and mount do
 * on real devices, the Run Command service, and anything PowerShell does: the Windows script is only read as text
 * here (test/workloads/powershell-grammar.test.ts parses it). shellcheck, a linter, finds no issue in the Linux script.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LINUX_FILE_SYSTEMS, type LinuxFileSystem, WINDOWS_FILE_SYSTEMS } from "../../components";
import { linuxFormatScript, mountPoint, windowsFormatScript } from "../../components/internal";

const BASE = mkdtempSync(join(tmpdir(), "apvm-disk-format-"));
afterAll(() => rmSync(BASE, { recursive: true, force: true }));

const OS_FSTAB = "UUID=11111111-os / ext4 defaults 0 1\n";
const NEW_UUID = "0b9c2c2e-5e55-4b1e-9d7e-000000000001";
const OLD_UUID = "7d3f0a6c-1f1f-4c3a-8e8e-000000000002";

/** Each stub logs "name args" and answers from the state files: disk.<FIELD> and part.<FIELD> are blkid's fields. */
const STUBS: Readonly<Record<string, string>> = {
    blkid: `dev="\${@: -1}"; case "$dev" in *[0-9]) kind=part ;; *) kind=disk ;; esac
[ -f "$S/blkid.fails" ] && exit 4
for f in PTTYPE TYPE UUID; do [ -f "$S/$kind.$f" ] && { echo "$f=$(cat "$S/$kind.$f")"; found=1; }; done
[ -n "\${found:-}" ] || exit 2`,
    lsblk: `dev="\${@: -1}"; echo "$dev disk"; [ -f "$S/partitioned" ] && echo "\${dev}1 part"; exit 0`,
    parted: `touch "$S/partitioned"; echo gpt > "$S/disk.PTTYPE"`,
    partprobe: "",
    udevadm: "",
    "mkfs.ext4": `echo ext4 > "$S/part.TYPE"; echo ${NEW_UUID} > "$S/part.UUID"`,
    "mkfs.xfs": `echo xfs > "$S/part.TYPE"; echo ${NEW_UUID} > "$S/part.UUID"`,
    mountpoint: `[ -f "$S/mounted" ]`,
    mount: `touch "$S/mounted"`,
};

interface Vm {
    readonly root: string;
    readonly state: string;
    readonly stubs: string;
}

let vms = 0;
/** A fresh fake VM with an OS line in fstab and no data disk. */
function newVm(fstab = OS_FSTAB): Vm {
    const dir = join(BASE, `vm${++vms}`);
    const vm = { root: join(dir, "root"), state: join(dir, "state"), stubs: join(dir, "bin") };
    for (const d of [join(vm.root, "etc"), join(vm.root, "dev/disk/azure/data/by-lun"), join(vm.root, "dev/disk/azure/scsi1"), vm.state, vm.stubs]) {
        mkdirSync(d, { recursive: true });
    }
    writeFileSync(join(vm.root, "etc/fstab"), fstab);
    for (const [name, body] of Object.entries(STUBS)) {
        const path = join(vm.stubs, name);
        writeFileSync(path, `#!/bin/bash\nS="$APVM_TEST_STATE"\necho "${name} $*" >> "$S/calls.log"\n${body}\n`);
        chmodSync(path, 0o755);
    }
    return vm;
}

/** Attaches /dev/sdc at a LUN through one of the two udev link layouts; its first bytes are zeros unless given. */
function attach(vm: Vm, lun: number, via: "by-lun" | "scsi1", head: Buffer = Buffer.alloc(4096)): void {
    writeFileSync(join(vm.root, "dev/sdc"), head);
    // Relative links, as udev makes them.
    if (via === "by-lun") symlinkSync("../../../../sdc", join(vm.root, `dev/disk/azure/data/by-lun/${lun}`));
    else symlinkSync("../../../sdc", join(vm.root, `dev/disk/azure/scsi1/lun${lun}`));
}

/** Sets what blkid and lsblk report: the whole disk's fields, the first partition's fields, whether it is mounted. */
function given(vm: Vm, facts: { disk?: Record<string, string>; part?: Record<string, string>; mounted?: boolean }): void {
    for (const [f, v] of Object.entries(facts.disk ?? {})) writeFileSync(join(vm.state, `disk.${f}`), v);
    for (const [f, v] of Object.entries(facts.part ?? {})) writeFileSync(join(vm.state, `part.${f}`), v);
    if (facts.part) writeFileSync(join(vm.state, "partitioned"), "");
    if (facts.mounted) writeFileSync(join(vm.state, "mounted"), "");
}

function runLinux(vm: Vm, disk: { key: string; lun: number; fileSystem: LinuxFileSystem }, waitSeconds = 5) {
    const log = join(vm.state, "calls.log");
    rmSync(log, { force: true });
    // --norc and no stdin: bash reads ~/.bashrc when its stdin is a socket, as Node's pipes are.
    const result = spawnSync("bash", ["--norc", "-c", linuxFormatScript(disk)], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
        timeout: 30_000,
        env: { PATH: `${vm.stubs}:/usr/bin:/bin`, APVM_ROOT: vm.root, APVM_WAIT_SECONDS: String(waitSeconds), APVM_TEST_STATE: vm.state },
    });
    const calls = existsSync(log) ? readFileSync(log, "utf8").trimEnd().split("\n").map((c) => c.replaceAll(vm.root, "<root>")) : [];
    return { status: result.status, stdout: result.stdout, stderr: result.stderr.replaceAll(vm.root, "<root>"), calls };
}

const fstabOf = (vm: Vm) => readFileSync(join(vm.root, "etc/fstab"), "utf8");
const FORMATS = /^(parted|mkfs)/;

describe("GIVEN a new, empty data disk at LUN 0 (by-lun link)", () => {
    const vm = newVm();
    let first: ReturnType<typeof runLinux>;
    beforeAll(() => {
        attach(vm, 0, "by-lun");
        first = runLinux(vm, { key: "data", lun: 0, fileSystem: "ext4" });
    });

    it("WHEN the script first runs THEN it partitions once, formats the partition as ext4 labelled with the key, adds one fstab line and mounts", () => {
        expect(first.status).toBe(0);
        expect(first.calls).toEqual([
            "blkid -p -o export <root>/dev/sdc",
            "lsblk -nrpo NAME,TYPE <root>/dev/sdc",
            "parted -s <root>/dev/sdc mklabel gpt mkpart primary 0% 100%",
            "partprobe <root>/dev/sdc",
            "udevadm settle",
            "lsblk -nrpo NAME,TYPE <root>/dev/sdc",
            "mkfs.ext4 -q -L data <root>/dev/sdc1",
            "udevadm settle",
            "blkid -p -o export <root>/dev/sdc1",
            "mountpoint -q <root>/data/data",
            "mount <root>/data/data",
        ]);
        expect(fstabOf(vm)).toBe(`${OS_FSTAB}UUID=${NEW_UUID} /data/data ext4 defaults,nofail 0 2\n`);
        expect(existsSync(join(vm.root, "data/data"))).toBe(true);
        expect(first.stdout).toBe("data disk 'data' (LUN 0): formatted <root>/dev/sdc1 as ext4 and mounted it at /data/data\n".replace("<root>", vm.root));
    });

    it("WHEN it runs again THEN nothing is partitioned, formatted, mounted or added to fstab", () => {
        const again = runLinux(vm, { key: "data", lun: 0, fileSystem: "ext4" });
        expect(again.status).toBe(0);
        expect(again.calls.filter((c) => FORMATS.test(c) || c.startsWith("mount "))).toEqual([]);
        expect(fstabOf(vm)).toBe(`${OS_FSTAB}UUID=${NEW_UUID} /data/data ext4 defaults,nofail 0 2\n`);
        expect(again.stdout).toContain("already mounted at /data/data");
    });

    it("WHEN it runs after a reboot that left it unmounted THEN it only mounts, with fstab unchanged", () => {
        rmSync(join(vm.state, "mounted"));
        const rerun = runLinux(vm, { key: "data", lun: 0, fileSystem: "ext4" });
        expect(rerun.status).toBe(0);
        expect(rerun.calls.filter((c) => FORMATS.test(c))).toEqual([]);
        expect(rerun.calls.at(-1)).toBe("mount <root>/data/data");
        expect(fstabOf(vm).match(/\/data\/data/g)).toHaveLength(1);
    });
});

describe("GIVEN a new, empty disk with a long key at LUN 5 (scsi1 link only, WALinuxAgent rules)", () => {
    it.each([["xfs", "mkfs.xfs -q -L analytics-ar"], ["ext4", "mkfs.ext4 -q -L analytics-archiv"]] as const)(
        "WHEN it runs with %s THEN it finds the disk, and the label is cut to what the file system holds",
        (fileSystem, mkfs) => {
            const vm = newVm();
            attach(vm, 5, "scsi1");
            const run = runLinux(vm, { key: "analytics-archive", lun: 5, fileSystem });
            expect(run.status).toBe(0);
            expect(run.calls).toContain(`${mkfs} <root>/dev/sdc1`);
            expect(fstabOf(vm)).toBe(`${OS_FSTAB}UUID=${NEW_UUID} /data/analytics-archive ${fileSystem} defaults,nofail 0 2\n`);
        },
    );
});

describe("GIVEN a disk re-attached from another VM, with a partition holding xfs", () => {
    it("WHEN the script runs with ext4 THEN it never formats, records the file system it found and mounts it", () => {
        const vm = newVm();
        attach(vm, 1, "by-lun", Buffer.from("not zeros"));
        given(vm, { disk: { PTTYPE: "gpt" }, part: { TYPE: "xfs", UUID: OLD_UUID } });
        const run = runLinux(vm, { key: "logs", lun: 1, fileSystem: "ext4" });
        expect(run.status).toBe(0);
        expect(run.calls.filter((c) => FORMATS.test(c))).toEqual([]);
        expect(fstabOf(vm)).toBe(`${OS_FSTAB}UUID=${OLD_UUID} /data/logs xfs defaults,nofail 0 2\n`);
        expect(run.stdout).toBe(`data disk 'logs' (LUN 1): mounted ${vm.root}/dev/sdc1 (xfs, already formatted) at /data/logs\n`);
    });
});

describe("GIVEN a disk the first VM formatted WHEN the VM is replaced by one built from a fresh image", () => {
    // The format command is tied to the VM, so it runs again on the new VM: a new OS disk (an fstab without the data
    // disk), the same data disk (its GPT, partition and file system), nothing mounted yet.
    it("THEN the script on the new VM finds the file system, formats nothing, adds its fstab line and mounts it", () => {
        const first = newVm();
        attach(first, 0, "by-lun");
        expect(runLinux(first, { key: "data", lun: 0, fileSystem: "ext4" }).status).toBe(0);

        const rebuilt = newVm();
        attach(rebuilt, 0, "scsi1", Buffer.from("protective MBR and GPT header"));
        given(rebuilt, { disk: { PTTYPE: readFileSync(join(first.state, "disk.PTTYPE"), "utf8").trim() }, part: { TYPE: "ext4", UUID: NEW_UUID } });
        const run = runLinux(rebuilt, { key: "data", lun: 0, fileSystem: "ext4" });
        expect(run.status).toBe(0);
        expect(run.calls).toEqual([
            "blkid -p -o export <root>/dev/sdc",
            "lsblk -nrpo NAME,TYPE <root>/dev/sdc",
            "blkid -p -o export <root>/dev/sdc1",
            "mountpoint -q <root>/data/data",
            "mount <root>/data/data",
        ]);
        expect(fstabOf(rebuilt)).toBe(`${OS_FSTAB}UUID=${NEW_UUID} /data/data ext4 defaults,nofail 0 2\n`);
        expect(run.stdout).toBe(`data disk 'data' (LUN 0): mounted ${rebuilt.root}/dev/sdc1 (ext4, already formatted) at /data/data\n`);
    });

    it("WHEN the new VM's kernel does not list the partition yet THEN the script refuses rather than formats", () => {
        const rebuilt = newVm();
        attach(rebuilt, 0, "by-lun", Buffer.from("protective MBR and GPT header"));
        given(rebuilt, { disk: { PTTYPE: "gpt" } });
        const run = runLinux(rebuilt, { key: "data", lun: 0, fileSystem: "ext4" });
        expect(run.status).toBe(1);
        expect(run.calls.filter((c) => FORMATS.test(c) || c.startsWith("mount "))).toEqual([]);
        expect(fstabOf(rebuilt)).toBe(OS_FSTAB);
    });
});

describe("GIVEN a disk formatted whole, without a partition table", () => {
    it("WHEN the script runs THEN it mounts the bare disk's file system and writes no partition table", () => {
        const vm = newVm();
        attach(vm, 2, "by-lun", Buffer.from("superblock"));
        given(vm, { disk: { TYPE: "ext4", UUID: OLD_UUID } });
        const run = runLinux(vm, { key: "data", lun: 2, fileSystem: "ext4" });
        expect(run.status).toBe(0);
        expect(run.calls.filter((c) => FORMATS.test(c))).toEqual([]);
        expect(fstabOf(vm)).toBe(`${OS_FSTAB}UUID=${OLD_UUID} /data/data ext4 defaults,nofail 0 2\n`);
    });
});

describe("GIVEN disks the script must refuse, leaving them and fstab untouched", () => {
    const cases: [string, Parameters<typeof given>[1], Buffer, string][] = [
        ["a partition table whose partition has no file system", { disk: { PTTYPE: "gpt" }, part: {} }, Buffer.from("x"),
            "<root>/dev/sdc1 has no file system; it is left untouched, as it may hold data in a form this script cannot see. If it holds nothing you need, format it by hand (for example mkfs.ext4 <root>/dev/sdc1), then run this again."],
        ["a partition table without partitions", { disk: { PTTYPE: "dos" } }, Buffer.from("x"),
            "<root>/dev/sdc has a dos partition table but no partition; it is left untouched. If it holds nothing you need, partition and format it by hand, then run this again."],
        ["an LVM physical volume on the whole disk", { disk: { TYPE: "LVM2_member", UUID: OLD_UUID } }, Buffer.from("LABELONE"),
            "<root>/dev/sdc holds LVM2_member, which this script does not mount; it is left untouched. Mount it by hand."],
        ["no signature blkid knows, but data in its first MiB", {}, Buffer.from("database pages"),
            "<root>/dev/sdc has no partition table or signature blkid knows, but its first MiB is not empty; it is left untouched. If it holds nothing you need, format it by hand, then run this again."],
    ];
    it.each(cases)("WHEN the disk has %s THEN the script exits non-zero with the reason and formats nothing", (_what, facts, head, reason) => {
        const vm = newVm();
        attach(vm, 3, "by-lun", head);
        given(vm, facts);
        const run = runLinux(vm, { key: "data", lun: 3, fileSystem: "ext4" });
        expect(run.status).toBe(1);
        expect(run.stderr).toBe(`data disk 'data' (LUN 3): ${reason}\n`);
        expect(run.calls.filter((c) => FORMATS.test(c) || c.startsWith("mount "))).toEqual([]);
        expect(fstabOf(vm)).toBe(OS_FSTAB);
    });

    it("WHEN blkid cannot read the disk THEN the script stops rather than taking the disk for blank", () => {
        const vm = newVm();
        attach(vm, 3, "by-lun");
        writeFileSync(join(vm.state, "blkid.fails"), "");
        const run = runLinux(vm, { key: "data", lun: 3, fileSystem: "ext4" });
        expect([run.status, run.stderr]).toEqual([1, "data disk 'data' (LUN 3): blkid could not read <root>/dev/sdc (exit 4)\n"]);
        expect(run.calls.filter((c) => FORMATS.test(c))).toEqual([]);
    });
});

describe("GIVEN an fstab that already decides something about this mount point", () => {
    it("WHEN another file system is listed at /data/data THEN the script stops without adding a line or mounting", () => {
        const fstab = `${OS_FSTAB}UUID=${OLD_UUID} /data/data xfs defaults 0 2\n`;
        const vm = newVm(fstab);
        attach(vm, 0, "by-lun");
        const run = runLinux(vm, { key: "data", lun: 0, fileSystem: "ext4" });
        expect(run.status).toBe(1);
        expect(run.stderr).toBe(`data disk 'data' (LUN 0): <root>/etc/fstab already has another line for UUID=${NEW_UUID} or /data/data, left as it is: UUID=${OLD_UUID} /data/data xfs defaults 0 2\n`);
        expect(fstabOf(vm)).toBe(fstab);
        expect(run.calls.filter((c) => c.startsWith("mount "))).toEqual([]);
    });

    it("WHEN its last line has no newline THEN the new line still goes on a line of its own", () => {
        const vm = newVm(OS_FSTAB.trimEnd());
        attach(vm, 0, "by-lun");
        expect(runLinux(vm, { key: "data", lun: 0, fileSystem: "ext4" }).status).toBe(0);
        expect(fstabOf(vm)).toBe(`${OS_FSTAB}UUID=${NEW_UUID} /data/data ext4 defaults,nofail 0 2\n`);
    });
});

describe("GIVEN no disk ever appears at the LUN", () => {
    it("WHEN the (shortened) wait runs out THEN the script exits non-zero naming the key and LUN, having touched nothing", () => {
        const vm = newVm();
        const run = runLinux(vm, { key: "it's", lun: 9, fileSystem: "xfs" }, 1);
        expect(run.status).toBe(1);
        expect(run.stderr).toBe("data disk 'it's' (LUN 9): no disk appeared at /dev/disk/azure/data/by-lun/9 or /dev/disk/azure/scsi1/lun9 within 1 seconds; check that it is attached at this LUN and that the image has the azure-vm-utils or WALinuxAgent udev rules\n");
        expect(run.calls).toEqual([]);
        expect(fstabOf(vm)).toBe(OS_FSTAB);
    });
});

describe("GIVEN scripts generated for many disks", () => {
    const keys = ["data", "sql-logs", "a", "k".repeat(32), "it's"];
    const luns = [0, 7, 63];

    it("THEN every Linux script parses (bash -n)", () => {
        for (const key of keys) for (const lun of luns) for (const fileSystem of LINUX_FILE_SYSTEMS) {
            const check = spawnSync("bash", ["--norc", "-n"], { input: linuxFormatScript({ key, lun, fileSystem }), encoding: "utf8" });
            expect([key, lun, fileSystem, check.status, check.stderr]).toEqual([key, lun, fileSystem, 0, ""]);
        }
    });

    it("THEN every Linux script passes shellcheck with no finding (Debian's shellcheck, which .ci/run installs)", () => {
        const version = spawnSync("shellcheck", ["--version"], { encoding: "utf8" });
        expect(version.error?.message, "shellcheck is not installed: apt-get install shellcheck").toBeUndefined();
        for (const key of keys) for (const lun of luns) for (const fileSystem of LINUX_FILE_SYSTEMS) {
            const check = spawnSync("shellcheck", ["--shell=bash", "--severity=style", "-"], { input: linuxFormatScript({ key, lun, fileSystem }), encoding: "utf8" });
            expect([key, lun, fileSystem, check.status, check.stdout]).toEqual([key, lun, fileSystem, 0, ""]);
        }
    });

    it("THEN the key and LUN (and, on Windows, the file system) appear only as the literal assignments at the top", () => {
        const linux = linuxFormatScript({ key: "sql-logs", lun: 37, fileSystem: "xfs" }).split("\n");
        expect(linux.slice(0, 6)).toEqual(["#!/bin/bash", expect.stringMatching(/^# /), "set -euo pipefail", "KEY='sql-logs'", "LUN='37'", "FS='xfs'"]);
        expect(linux.filter((l) => l.includes("sql-logs") || /\b37\b/.test(l))).toEqual(["KEY='sql-logs'", "LUN='37'"]);

        const windows = windowsFormatScript({ key: "sql-logs", lun: 37, fileSystem: "ReFS" }).split("\n");
        expect(windows.slice(0, 5)).toEqual([expect.stringMatching(/^# /), "$ErrorActionPreference = 'Stop'", "$Key = 'sql-logs'", "$Lun = 37", "$FileSystem = 'ReFS'"]);
        expect(windows.filter((l) => l.includes("sql-logs") || /\b37\b/.test(l) || l.includes("ReFS"))).toEqual(["$Key = 'sql-logs'", "$Lun = 37", "$FileSystem = 'ReFS'"]);
    });

    it("THEN quotes in a key cannot end its literal", () => {
        expect(linuxFormatScript({ key: "it's", lun: 0, fileSystem: "ext4" })).toContain("\nKEY='it'\\''s'\n");
        expect(windowsFormatScript({ key: "it's", lun: 0, fileSystem: "NTFS" })).toContain("\n$Key = 'it''s'\n");
        expect(windowsFormatScript({ key: "it\u2019s", lun: 0, fileSystem: "NTFS" })).toContain("\n$Key = 'it\u2019\u2019s'\n");
    });

    it("THEN a LUN that is not one is refused, since the PowerShell script writes it unquoted", () => {
        expect(() => windowsFormatScript({ key: "data", lun: 64, fileSystem: "NTFS" })).toThrow(new RangeError("lun 64 is outside 0-63 (set a LUN from 0 to 63)."));
        expect(() => linuxFormatScript({ key: "data", lun: 1.5, fileSystem: "ext4" })).toThrow(new RangeError("lun 1.5 is not a whole number (set a LUN from 0 to 63)."));
    });

    it("THEN the mount points are /data/<key> and C:\\data\\<key>, as the scripts build them", () => {
        expect([mountPoint("linux", "sql-logs"), mountPoint("windows", "sql-logs")]).toEqual(["/data/sql-logs", "C:\\data\\sql-logs"]);
        expect(linuxFormatScript({ key: "k", lun: 0, fileSystem: "ext4" })).toContain('\nMOUNT_POINT="/data/$KEY"\n');
        expect(windowsFormatScript({ key: "k", lun: 0, fileSystem: "NTFS" })).toContain("\n$MountPoint = 'C:\\data\\' + $Key\n");
    });
});

/** How many braces are open after each line. */
function bracesOpenAfterEachLine(lines: readonly string[]): number[] {
    let open = 0;
    return lines.map((l) => (open += [...l].filter((c) => c === "{").length - [...l].filter((c) => c === "}").length));
}

describe("GIVEN the Windows script (read as text; no PowerShell here)", () => {
    const WRITES = /\b(Initialize-Disk|New-Partition|Format-Volume|Clear-Disk|Remove-Partition|Set-Partition|Resize-Partition|New-Volume)\b/;

    it.each(WINDOWS_FILE_SYSTEMS)("THEN with %s, every command that writes a partition table or file system is inside the one RAW-only block", (fileSystem) => {
        const lines = windowsFormatScript({ key: "data", lun: 0, fileSystem }).split("\n");
        const begin = lines.findIndex((l) => l.startsWith("# BEGIN RAW-ONLY"));
        const end = lines.findIndex((l) => l === "# END RAW-ONLY");
        expect([lines.filter((l) => l.startsWith("# BEGIN RAW-ONLY")).length, lines.filter((l) => l === "# END RAW-ONLY").length]).toEqual([1, 1]);
        const block = lines.slice(begin + 1, end);
        // The block is exactly one if-statement on RAW: it opens on its first line and first closes on its last.
        expect(block[0]).toBe("if ($disk.PartitionStyle -eq 'RAW') {");
        expect(block.at(-1)).toBe("}");
        expect(bracesOpenAfterEachLine(block)).toEqual([1, 1, 1, 1, 1, 0]);
        expect(block.map((l) => WRITES.exec(l)?.[1]).filter((c) => c !== undefined)).toEqual(["Initialize-Disk", "New-Partition", "Format-Volume"]);
        expect(lines.filter((l, i) => WRITES.test(l) && !l.trimStart().startsWith("#") && (i <= begin || i >= end))).toEqual([]);
        expect(block.join("\n")).toContain("-FileSystem $FileSystem -NewFileSystemLabel $Key -Confirm:$false");
    });

    it("THEN a disk Windows holds offline or read-only (as on a new VM) is brought online and read again before the RAW check", () => {
        const script = windowsFormatScript({ key: "data", lun: 0, fileSystem: "NTFS" });
        const at = (text: string): number => script.indexOf(text);
        expect(at("if ($disk.IsOffline) { Set-Disk -Number $disk.Number -IsOffline $false }")).toBeGreaterThan(-1);
        expect(at("if ($disk.IsOffline)")).toBeLessThan(at("$disk = Get-Disk -Number $disk.Number"));
        expect(at("$disk = Get-Disk -Number $disk.Number")).toBeLessThan(at("if ($disk.PartitionStyle -eq 'RAW') {"));
    });

    it("THEN the disk is chosen by LUN off the OS disk's controller, an ambiguous LUN stops it, and the wait is bounded", () => {
        const script = windowsFormatScript({ key: "data", lun: 0, fileSystem: "NTFS" });
        expect(script).toContain("if (-not ($d.Location -match ': Adapter (\\d+) : Port \\d+ : Target \\d+ : LUN (\\d+)$')) { continue }");
        expect(script).toContain("if (([int]$Matches[2] -eq $Lun) -and ($osAdapters -notcontains $Matches[1])) { $d }");
        expect(script).toContain("if ($found.Count -gt 1) { Stop-Disk");
        expect(script).toContain("if ((Get-Date) -ge $deadline) { Stop-Disk");
        expect(script).toContain("if ($partition.AccessPaths -contains $accessPath) {");
    });
});
