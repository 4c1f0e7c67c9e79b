/**
 * Managed disks closed to public networks, with their settings stated.
 *
 * A disk adopted into a stack with the `import` resource option must leave these settings out so that its inputs
 * match the existing disk, and a policy cannot see the import option (the engine does not pass it to analyzers).
 * So a disk whose settings are absent gets an advisory, and only an explicit bad value is refused.
 */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { DISK, field, resourceRule, sameText, show, switchedOn } from "./support";

export const DISK_NO_PUBLIC_ACCESS = "apvm-disk-no-public-access";
/**
 * The pack config switch that lets a disk created for a direct upload (`creationData.createOption: "Upload"`) be open
 * while it waits for its VHD: a SAS from outside Azure can write it only so (docs/durability.md, "Uploading a VHD into
 * a disk"). Every other disk stays refused, and an Upload disk is refused again once the switch is off.
 */
export const ALLOW_UPLOAD = "allowUpload";
export const DISK_SETTINGS_EXPLICIT = "apvm-disk-settings-explicit";

export const DISK_POLICIES: ResourceValidationPolicy[] = [
    resourceRule({
        name: DISK_NO_PUBLIC_ACCESS,
        description: "A managed disk is not open to public networks: publicNetworkAccess \"Disabled\", networkAccessPolicy \"DenyAll\" or \"AllowPrivate\" with a disk access.",
        // Mandatory: an open disk can be exported or overwritten through a SAS URL from anywhere.
        enforcementLevel: "mandatory",
        types: [DISK],
        configSchema: {
            properties: {
                [ALLOW_UPLOAD]: {
                    type: "boolean",
                    default: false,
                    description: "Allow a disk created for a direct upload (createOption \"Upload\") to be open to public networks while it waits for its VHD.",
                },
            },
        },
        check: (disk, args, report) => {
            if (switchedOn(args, ALLOW_UPLOAD) && sameText(field(disk, "creationData", "createOption"), "Upload")) {
                return;
            }
            const access = disk["publicNetworkAccess"];
            if (access !== undefined && !sameText(access, "Disabled")) {
                report(`publicNetworkAccess is ${show(access)}; set it to "Disabled" so the disk cannot be exported `
                    + "or uploaded from a public network (for a disk that waits for a direct upload, set this policy's "
                    + "allowUpload: true in the pack config for the upload, and off again after it).");
            }
            const policy = disk["networkAccessPolicy"];
            if (policy !== undefined && !sameText(policy, "DenyAll") && !sameText(policy, "AllowPrivate")) {
                report(`networkAccessPolicy is ${show(policy)}; set it to "DenyAll", or to "AllowPrivate" with diskAccessId.`);
            }
            if (sameText(policy, "AllowPrivate") && disk["diskAccessId"] === undefined) {
                report("networkAccessPolicy is \"AllowPrivate\" but diskAccessId is not set; give the disk access "
                    + "resource's id, or set networkAccessPolicy to \"DenyAll\".");
            }
        },
    }),
    resourceRule({
        name: DISK_SETTINGS_EXPLICIT,
        description: "A managed disk states publicNetworkAccess, networkAccessPolicy and encryption.type.",
        // Advisory: for a new disk an absent setting means Azure's open default, but a disk adopted with the import
        // option must leave it out, and the policy cannot tell the two apart (see the file's comment).
        enforcementLevel: "advisory",
        types: [DISK],
        check: (disk, _args, report) => {
            const adopted = "(A disk adopted with the import resource option may leave it out to match the existing "
                + "disk: check that disk's setting.)";
            if (disk["publicNetworkAccess"] === undefined) {
                report(`publicNetworkAccess is not set, and a new disk then gets "Enabled"; set it to "Disabled". ${adopted}`);
            }
            if (disk["networkAccessPolicy"] === undefined) {
                report(`networkAccessPolicy is not set, and a new disk then gets "AllowAll"; set it to "DenyAll". ${adopted}`);
            }
            if (field(disk, "encryption", "type") === undefined) {
                report("encryption.type is not set; set it to \"EncryptionAtRestWithPlatformKey\", or a customer-managed "
                    + `key type with encryption.diskEncryptionSetId, so the choice is visible. ${adopted}`);
            }
        },
    }),
];
