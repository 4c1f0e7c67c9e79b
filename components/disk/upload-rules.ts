/**
 * The rules of a disk uploaded with `source.upload` (`createOption: Upload`), what the preflight can know of a VHD
 * offline: its size (a whole number of MiB plus the footer, within Azure's range), its phase, the size a disk may be
 * given around it, and an uploaded OS disk's generation and size limits.
 * Sources: the Compute disks API 2024-03-02 (`creationData.uploadSizeBytes`: "the size of the contents of the upload
 * including the VHD footer", between 20972032 and 35183298347520 bytes, which the text calls "32 TiB + 512 bytes" but
 * is 32,767 GiB + 512); Microsoft Learn, "Upload a VHD to Azure or
 * copy a managed disk to another region - Azure CLI" (virtual-machines/linux/disks-upload-vhd-to-managed-disk-cli: an
 * OS disk needs its Hyper-V generation); "Prepare a Windows VHD or VHDX to upload to Azure"
 * (virtual-machines/windows/prepare-for-upload-vhd-image: a fixed-size VHD, a virtual size aligned to 1 MiB, a
 * Generation 1 OS disk of at most 2 TiB); "Prepare a Linux image" (virtual-machines/linux/create-upload-generic: "The
 * size must be a whole number (in MBs)").
 */
import { choiceRule, type Problem } from "../core/problems";
import { UPLOAD_PHASES, type DiskUploadArgs } from "./disk-args";

/** A VHD's footer: a fixed VHD file is its virtual size plus these 512 bytes, and `uploadSizeBytes` counts them. */
export const VHD_FOOTER_BYTES = 512;
const MIB = 1_048_576;
const GIB = 1_073_741_824;
/** The smallest upload Azure takes: 20 MiB and the footer. */
export const MIN_UPLOAD_BYTES = 20 * MIB + VHD_FOOTER_BYTES;
/** The largest upload Azure takes: 32,767 GiB, the largest disk of most SKUs, and the footer (the API's 35183298347520). */
export const MAX_UPLOAD_BYTES = 32_767 * GIB + VHD_FOOTER_BYTES;
/** A Generation 1 (BIOS, MBR) OS disk boots from at most 2 TiB. */
export const MAX_GEN1_OS_DISK_GB = 2_048;

export const checkUploadPhase = choiceRule(UPLOAD_PHASES, "upload phase");

/** The GiB an upload of `sizeBytes` fills: its virtual size (without the footer), rounded up. */
export function uploadSizeGb(sizeBytes: number): number {
    return Math.ceil((sizeBytes - VHD_FOOTER_BYTES) / GIB);
}

/**
 * An upload's size and phase: a whole number of bytes within Azure's range, a virtual size aligned to 1 MiB (Azure
 * refuses others: "The size must be a whole number (in MBs)"), and a known phase. A size that is a whole number of
 * MiB is most often the virtual size given without the footer, and the message says so.
 */
export function checkUpload(path: string, upload: DiskUploadArgs): Problem[] {
    const problems = checkUploadPhase(`${path}.phase`, upload.phase);
    const size = upload.sizeBytes;
    const fix = "give the VHD file's size in bytes, as `wc -c <file>.vhd` or `(Get-Item <file>.vhd).Length` shows it";
    if (!Number.isInteger(size)) {
        return [...problems, { path: `${path}.sizeBytes`, message: `${size} is not a whole number of bytes (${fix}).` }];
    }
    if (size < MIN_UPLOAD_BYTES || size > MAX_UPLOAD_BYTES) {
        problems.push({
            path: `${path}.sizeBytes`,
            message: `${size} is outside ${MIN_UPLOAD_BYTES}-${MAX_UPLOAD_BYTES} bytes, the uploads Azure takes (20 MiB to 32,767 GiB, plus the VHD's ${VHD_FOOTER_BYTES}-byte footer); ${fix}.`,
        });
        return problems;
    }
    const virtual = size - VHD_FOOTER_BYTES;
    if (virtual % MIB === 0) {
        return problems;
    }
    if (size % MIB === 0) {
        problems.push({
            path: `${path}.sizeBytes`,
            message: `${size} is a whole number of MiB, so it lacks the VHD's ${VHD_FOOTER_BYTES}-byte footer, which the upload includes: a fixed VHD of that virtual size is ${size + VHD_FOOTER_BYTES} bytes (${fix}).`,
        });
        return problems;
    }
    const mib = Math.floor(virtual / MIB);
    const aligned = (mib + 1) * MIB;
    problems.push({
        path: `${path}.sizeBytes`,
        message: `${size} is not a whole number of MiB plus the VHD's ${VHD_FOOTER_BYTES}-byte footer (its virtual size, ${virtual} bytes, is ${virtual - mib * MIB} bytes past ${mib} MiB), and Azure takes only VHDs whose virtual size is a whole number of MiB: resize the VHD to ${aligned} bytes (\`Resize-VHD -SizeBytes ${aligned}\` on Hyper-V, or \`qemu-img resize -f raw <file>.raw ${mib + 1}M\` before \`qemu-img convert -f raw -o subformat=fixed,force_size -O vpc\`), then give the new file's size, ${aligned + VHD_FOOTER_BYTES}.`,
    });
    return problems;
}

/**
 * An uploaded disk: its upload's size and phase, and a `sizeGb` only in the "attach" phase (the upload phase's disk is
 * exactly the upload's size), never below what the upload fills, since Azure cannot shrink a disk.
 */
export function checkUploadedDisk(path: string, sizePath: string, upload: DiskUploadArgs, sizeGb: number | undefined): Problem[] {
    const problems = checkUpload(path, upload);
    if (sizeGb === undefined || problems.length > 0) {
        return problems;
    }
    if (upload.phase === "upload") {
        return [{ path: sizePath, message: `is set, but ${path}.phase is "upload": the disk is created at the upload's size (sizeBytes); grow it once it is uploaded (set ${sizePath} with phase: "attach").` }];
    }
    const filled = uploadSizeGb(upload.sizeBytes);
    return sizeGb < filled
        ? [{ path: sizePath, message: `${sizeGb} GiB is smaller than the uploaded VHD, which fills ${filled} GiB, and Azure cannot shrink a disk (set at least ${filled}, or remove ${sizePath}).` }]
        : [];
}

/**
 * An uploaded OS disk: the upload's own rules, its Hyper-V generation (required: Azure cannot change it later), and an
 * OS disk's size limits, which the upload's size decides: at most 4,095 GiB, and 2 TiB for a Generation 1 disk, which
 * boots from an MBR partition table.
 */
export function checkUploadedOsDisk(upload: DiskUploadArgs, sizeGb: number | undefined, generation: string | undefined, maxOsDiskSizeGb: number): Problem[] {
    const problems = checkUploadedDisk("osDisk.source.upload", "osDisk.sizeGb", upload, sizeGb);
    if (generation === undefined) {
        problems.push({ path: "osDisk.hyperVGeneration", message: `is required for an uploaded OS disk: "V2" for a UEFI (Generation 2) VHD, "V1" for a BIOS (Generation 1) one; Azure cannot change it once the disk exists (set the VHD's generation).` });
    }
    if (problems.some((p) => p.path === "osDisk.source.upload.sizeBytes")) {
        return problems;
    }
    const filled = uploadSizeGb(upload.sizeBytes);
    const max = generation === "V1" ? MAX_GEN1_OS_DISK_GB : maxOsDiskSizeGb;
    if (filled > max) {
        const why = generation === "V1" ? `a Generation 1 OS disk boots from at most ${MAX_GEN1_OS_DISK_GB} GiB` : `an OS disk is at most ${maxOsDiskSizeGb} GiB`;
        problems.push({ path: "osDisk.source.upload.sizeBytes", message: `${upload.sizeBytes} bytes fill ${filled} GiB, and ${why} (shrink the OS volume and the VHD before the upload, or move data to a data disk).` });
    }
    return problems;
}
