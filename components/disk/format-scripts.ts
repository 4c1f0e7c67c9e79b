/**
 * The scripts that make a data disk ready on a VM: find it by LUN, give a blank disk one GPT partition and a file
 * system, and mount it at a folder named after the disk's key. A managed Run Command runs one per disk, as root or
 * SYSTEM, each time it is created or updated, so each script is safe to re-run forever and on a disk re-attached to
 * a rebuilt VM: a disk with anything on it is never partitioned or formatted, only mounted, or refused loudly.
 * Pure: plain data in, script text out. The key, LUN and file system are the only values written into a script.
 */
import { bashLiteral, powerShellLiteral } from "../core/quoting";
import type { LinuxFileSystem, WindowsFileSystem } from "./disk-args";
import { checkLun } from "./disk-rules";

/** The LUN is written unquoted into the PowerShell script, so it must be a LUN (keys are only ever quoted). */
function assertLun(lun: number): void {
    const problems = checkLun("lun", lun);
    if (problems.length > 0) throw new RangeError(problems.map((p) => `${p.path} ${p.message}`).join(" "));
}

/** A bash script (run as root by a Run Command) that formats the disk at `lun` only if it is blank, then mounts it at `/data/<key>`. */
export function linuxFormatScript(disk: { key: string; lun: number; fileSystem: LinuxFileSystem }): string {
    assertLun(disk.lun);
    return `#!/bin/bash
# Makes one data disk ready: found by LUN, formatted only if blank, mounted at /data/<key> through /etc/fstab.
set -euo pipefail
KEY=${bashLiteral(disk.key)}
LUN=${bashLiteral(String(disk.lun))}
FS=${bashLiteral(disk.fileSystem)}
${LINUX_BODY}`;
}

const LINUX_BODY = `
# Tests point these at a fake root and a short wait; on a VM neither is set.
ROOT="\${APVM_ROOT:-}"
WAIT_SECONDS="\${APVM_WAIT_SECONDS:-300}"
MOUNT_POINT="/data/$KEY"
FSTAB="$ROOT/etc/fstab"

say() { echo "data disk '$KEY' (LUN $LUN): $*"; }
fail() { say "$*" >&2; exit 1; }

# blkid -p reads the device itself rather than the udev cache, which may not have seen a new disk yet. It prints
# KEY=VALUE lines (TYPE, UUID, PTTYPE...) and exits 2 when it finds nothing; any other failure is not "nothing".
probe() {
    local rc=0
    blkid -p -o export "$1" || rc=$?
    if [ "$rc" -ne 0 ] && [ "$rc" -ne 2 ]; then fail "blkid could not read $1 (exit $rc)"; fi
}
field() { printf '%s\\n' "$1" | awk -F= -v k="$2" '$1 == k { print substr($0, length(k) + 2); exit }'; }
first_partition() { lsblk -nrpo NAME,TYPE "$1" | awk '$2 == "part" { print $1; exit }'; }

# One run command per disk, and they may run at once: take turns, so that fstab edits never interleave.
exec 9>>"$FSTAB"
flock 9

# 1. Find the disk by LUN. azure-vm-utils' udev rules (newer images; the only ones for NVMe sizes) link
#    /dev/disk/azure/data/by-lun/<lun>; WALinuxAgent's rules link /dev/disk/azure/scsi1/lun<lun> (SCSI only).
#    A link can lag the attach by a while, so wait for either.
LINK=""
deadline=$((SECONDS + WAIT_SECONDS))
while [ -z "$LINK" ]; do
    for candidate in "$ROOT/dev/disk/azure/data/by-lun/$LUN" "$ROOT/dev/disk/azure/scsi1/lun$LUN"; do
        if [ -e "$candidate" ]; then LINK="$candidate"; break; fi
    done
    if [ -z "$LINK" ]; then
        [ "$SECONDS" -lt "$deadline" ] || fail "no disk appeared at /dev/disk/azure/data/by-lun/$LUN or /dev/disk/azure/scsi1/lun$LUN within $WAIT_SECONDS seconds; check that it is attached at this LUN and that the image has the azure-vm-utils or WALinuxAgent udev rules"
        sleep 2
    fi
done
DISK="$(readlink -f "$LINK")"

# 2. Blank means all three agree: blkid finds no partition table or signature of any kind (file system, LVM, RAID,
#    LUKS; it also reads the backup GPT at the end of the disk); the kernel lists no partition; and the first MiB is
#    zeros, as on a new empty managed disk, so data in a format blkid does not know is not taken for nothing.
DISK_INFO="$(probe "$DISK")"
PART="$(first_partition "$DISK")"
NONZERO="$(head -c 1048576 "$DISK" | tr -d '\\0' | wc -c)"
FORMATTED=no
if [ -z "$DISK_INFO" ] && [ -z "$PART" ] && [ "$NONZERO" -eq 0 ]; then
    # 3. Blank: one GPT partition over the whole disk (parted aligns 0% to 1 MiB), then a file system labelled
    #    with the key, cut to what the label holds (keys are ASCII, so characters are bytes).
    parted -s "$DISK" mklabel gpt mkpart primary 0% 100%
    partprobe "$DISK"
    udevadm settle
    for _ in $(seq 1 30); do
        PART="$(first_partition "$DISK")"
        if [ -n "$PART" ]; then break; fi
        sleep 1
    done
    [ -n "$PART" ] || fail "created a partition on $DISK but the kernel does not list it"
    case "$FS" in
        ext4) mkfs.ext4 -q -L "\${KEY:0:16}" "$PART" ;;
        xfs) mkfs.xfs -q -L "\${KEY:0:12}" "$PART" ;;
        *) fail "cannot make a '$FS' file system; use ext4 or xfs" ;;
    esac
    udevadm settle
    FORMATTED=yes
    DEV="$PART"
elif [ -n "$PART" ]; then
    # Partitioned by someone: use the first partition as it is; the table is never touched.
    DEV="$PART"
elif [ -n "$(field "$DISK_INFO" PTTYPE)" ]; then
    fail "$DISK has a $(field "$DISK_INFO" PTTYPE) partition table but no partition; it is left untouched. If it holds nothing you need, partition and format it by hand, then run this again."
elif [ -n "$DISK_INFO" ]; then
    # A signature on the whole disk, no table: a file system made on the bare disk is used as it is.
    DEV="$DISK"
else
    fail "$DISK has no partition table or signature blkid knows, but its first MiB is not empty; it is left untouched. If it holds nothing you need, format it by hand, then run this again."
fi

# Only a file system this script knows how to mount is used; whatever else is there is left alone.
INFO="$(probe "$DEV")"
TYPE="$(field "$INFO" TYPE)"
UUID="$(field "$INFO" UUID)"
case "$TYPE" in
    ext4 | xfs) ;;
    "") fail "$DEV has no file system; it is left untouched, as it may hold data in a form this script cannot see. If it holds nothing you need, format it by hand (for example mkfs.$FS $DEV), then run this again." ;;
    *) fail "$DEV holds $TYPE, which this script does not mount; it is left untouched. Mount it by hand." ;;
esac
[ -n "$UUID" ] || fail "$DEV has a $TYPE file system without a UUID; mount it by hand"

# 4. Mount by UUID, which survives device renames and a move to another VM; nofail, so a missing disk cannot stop
#    a boot. One line per disk: a line that names this file system or this mount point but not both is someone
#    else's decision, so it is reported rather than overwritten.
CONFLICT="$(awk -v uuid="UUID=$UUID" -v mp="$MOUNT_POINT" '$1 !~ /^#/ && (($1 == uuid) != ($2 == mp))' "$FSTAB")"
[ -z "$CONFLICT" ] || fail "$FSTAB already has another line for UUID=$UUID or $MOUNT_POINT, left as it is: $CONFLICT"
if ! awk -v uuid="UUID=$UUID" -v mp="$MOUNT_POINT" '$1 == uuid && $2 == mp { found = 1 } END { exit !found }' "$FSTAB"; then
    # A last line without a newline would swallow ours.
    if [ -s "$FSTAB" ] && [ -n "$(tail -c 1 "$FSTAB")" ]; then echo >>"$FSTAB"; fi
    echo "UUID=$UUID $MOUNT_POINT $TYPE defaults,nofail 0 2" >>"$FSTAB"
fi
mkdir -p "$ROOT$MOUNT_POINT"
if mountpoint -q "$ROOT$MOUNT_POINT"; then
    say "$DEV ($TYPE) already mounted at $MOUNT_POINT"
else
    mount "$ROOT$MOUNT_POINT"
    if [ "$FORMATTED" = yes ]; then say "formatted $DEV as $TYPE and mounted it at $MOUNT_POINT"; else say "mounted $DEV ($TYPE, already formatted) at $MOUNT_POINT"; fi
fi
`;

/** A PowerShell script (run as SYSTEM by a Run Command) that formats the disk at `lun` only if it is RAW, then mounts it at `C:\data\<key>`. */
export function windowsFormatScript(disk: { key: string; lun: number; fileSystem: WindowsFileSystem }): string {
    assertLun(disk.lun);
    return `# Makes one data disk ready: found by LUN, formatted only if RAW, mounted at the folder C:\\data\\<key>.
$ErrorActionPreference = 'Stop'
$Key = ${powerShellLiteral(disk.key)}
$Lun = ${disk.lun}
$FileSystem = ${powerShellLiteral(disk.fileSystem)}
${WINDOWS_BODY}`;
}

const WINDOWS_BODY = String.raw`
$MountPoint = 'C:\data\' + $Key
$WaitSeconds = 300
function Stop-Disk([string]$Message) { throw ("data disk '" + $Key + "' (LUN " + $Lun + '): ' + $Message) }

# 1. Find the disk by LUN. Azure SCSI data disks report it in Get-Disk's Location (the same string as
#    Get-PhysicalDisk's PhysicalLocation), "... : Adapter 1 : Port 0 : Target 0 : LUN 2"; Get-Disk is used because its
#    objects are the ones partitioned and mounted. The OS and temporary disks sit on the OS disk's controller and
#    report LUN 0 and 1 too, so a disk on that adapter is never taken (kubernetes-sigs/azuredisk-csi-driver#2661).
#    NVMe sizes report no LUN in Location, so on them no disk is found and this stops below, having changed nothing.
function Find-DataDisk {
    $disks = @(Get-Disk)
    $osAdapters = @(foreach ($d in $disks) { if (($d.IsBoot -or $d.IsSystem) -and ($d.Location -match 'Adapter (\d+) :')) { $Matches[1] } })
    foreach ($d in $disks) {
        if ($d.IsBoot -or $d.IsSystem) { continue }
        if (-not ($d.Location -match ': Adapter (\d+) : Port \d+ : Target \d+ : LUN (\d+)$')) { continue }
        if (([int]$Matches[2] -eq $Lun) -and ($osAdapters -notcontains $Matches[1])) { $d }
    }
}
$deadline = (Get-Date).AddSeconds($WaitSeconds)
while ($true) {
    $found = @(Find-DataDisk)
    if ($found.Count -gt 1) { Stop-Disk ('disks ' + (($found | ForEach-Object { $_.Number }) -join ', ') + ' all report this LUN; nothing was changed.') }
    if ($found.Count -eq 1) { $disk = $found[0]; break }
    if ((Get-Date) -ge $deadline) { Stop-Disk ('no disk reported this LUN within ' + $WaitSeconds + ' seconds; check that it is attached at this LUN. On NVMe sizes Windows does not report LUNs: prepare the disk by hand.') }
    Start-Sleep -Seconds 5
    Update-HostStorageCache
}

# 2. A disk Windows holds offline (SAN policy, or a copy of a disk it already has) or read-only can be neither
#    inspected nor mounted; bringing it online leaves its partitions and files as they are.
if ($disk.IsOffline) { Set-Disk -Number $disk.Number -IsOffline $false }
if ($disk.IsReadOnly) { Set-Disk -Number $disk.Number -IsReadOnly $false }
$disk = Get-Disk -Number $disk.Number

# 3. Only a RAW disk (no partition table at all, as a new empty managed disk) is initialized and formatted. Windows
#    also calls a file system made on a bare disk (by Linux, say) RAW, so such a disk must not be attached here.
$formatted = $false
# BEGIN RAW-ONLY: the only lines that write a partition table or a file system.
if ($disk.PartitionStyle -eq 'RAW') {
    Initialize-Disk -Number $disk.Number -PartitionStyle GPT
    $partition = New-Partition -DiskNumber $disk.Number -UseMaximumSize
    Format-Volume -Partition $partition -FileSystem $FileSystem -NewFileSystemLabel $Key -Confirm:$false | Out-Null
    $formatted = $true
}
# END RAW-ONLY
if (-not $formatted) {
    # Initialized by someone: use the first partition with a file system; anything else is left alone.
    $partition = $null
    foreach ($p in @(Get-Partition -DiskNumber $disk.Number)) {
        try { $volume = Get-Volume -Partition $p -ErrorAction Stop } catch { $volume = $null }
        if ($volume -and $volume.FileSystem -and $volume.FileSystem -ne 'RAW') { $partition = $p; break }
    }
    if (-not $partition) { Stop-Disk ('disk ' + $disk.Number + ' has a ' + $disk.PartitionStyle + ' partition table but no partition with a file system Windows reads; it is left untouched. If it holds nothing you need, format it by hand, then run this again.') }
}

# 4. Mount at the folder once. The mount point belongs to this Windows installation, so a rebuilt VM gets it again
#    from this same script.
$partition = Get-Partition -DiskNumber $disk.Number -PartitionNumber $partition.PartitionNumber
$accessPath = $MountPoint + '\'
if ($partition.AccessPaths -contains $accessPath) {
    $summary = 'already mounted at ' + $MountPoint
} else {
    New-Item -ItemType Directory -Path $MountPoint -Force | Out-Null
    Add-PartitionAccessPath -DiskNumber $disk.Number -PartitionNumber $partition.PartitionNumber -AccessPath $accessPath
    if ($formatted) { $summary = 'formatted as ' + $FileSystem + ' and mounted at ' + $MountPoint } else { $summary = 'mounted at ' + $MountPoint + ' (already formatted)' }
}
Write-Output ("data disk '" + $Key + "' (LUN " + $Lun + '): ' + $summary)
`;
