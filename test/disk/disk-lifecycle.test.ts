/**
 * The disk lifecycle's one home (components/disk/disk-lifecycle-plan.ts): each protection mode's resource options, the
 * way back from options to the mode that the offline plan prints, the OS disk's delete option, and an owned disk's
 * resource options, and the guard of an adopted disk. Not proved here: what the engine does with the options (protect
 * refuses a delete at preview, and the replacement of a guard protected before and after; a delete that is part of a
 * replacement skips protect and honours retainOnDelete).
 */
import { describe, expect, it } from "vitest";
import { DISK_PROTECTIONS } from "../../components";
import {
    DISK_REPLACE_ON_CHANGES, diskResourceOptions, osDiskDeleteOption, planAdoptionGuard, protectionOf, protectionOptions,
} from "../../components/internal";

describe("GIVEN each protection mode", () => {
    it.each(DISK_PROTECTIONS)("THEN %s sets its options, and the plan reads the mode back from them", (mode) => {
        expect(protectionOf(protectionOptions(mode))).toBe(mode);
    });

    it("THEN protect sets protect and retainOnDelete, retain sets retainOnDelete, delete sets neither; only delete deletes the OS disk with the VM", () => {
        expect(DISK_PROTECTIONS.map((mode) => [mode, protectionOptions(mode), osDiskDeleteOption(mode)])).toEqual([
            ["protect", { protect: true, retainOnDelete: true }, "Detach"],
            ["retain", { protect: false, retainOnDelete: true }, "Detach"],
            ["delete", { protect: false, retainOnDelete: false }, "Delete"],
        ]);
    });

    it("THEN the plan reads protect back as protect whether or not retainOnDelete is set, and retainOnDelete alone as retain", () => {
        expect([
            protectionOf({ protect: true, retainOnDelete: true }),
            protectionOf({ protect: true, retainOnDelete: false }),
            protectionOf({ protect: false, retainOnDelete: true }),
            protectionOf({ protect: false, retainOnDelete: false }),
        ]).toStrictEqual(["protect", "protect", "retain", "delete"]);
    });
});

describe("GIVEN a disk the stack owns", () => {
    it("WHEN it is created or copied THEN a change to a create-only property replaces it, which protect refuses at preview", () => {
        expect(diskResourceOptions({ protect: true, retainOnDelete: true, importId: undefined })).toEqual({
            protect: true, retainOnDelete: true, replaceOnChanges: [...DISK_REPLACE_ON_CHANGES], ignoreChanges: undefined, import: undefined,
        });
    });

    it("WHEN it is adopted THEN it is imported by id, and its creation data, which adoption never rewrites, is ignored", () => {
        const id = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Compute/disks/kept";
        expect(diskResourceOptions({ protect: true, retainOnDelete: true, importId: id })).toEqual({
            protect: true, retainOnDelete: true, replaceOnChanges: DISK_REPLACE_ON_CHANGES.filter((p) => p !== "creationData"), ignoreChanges: ["creationData"], import: id,
        });
    });
});

describe("GIVEN a disk the stack adopts", () => {
    const id = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Compute/disks/Kept";

    it("WHEN it is protected THEN its guard, named after the disk, keeps the adoptId as given and is protected too", () => {
        expect(planAdoptionGuard("web01-disk-data", id, true)).toStrictEqual({ resourceName: "web01-disk-data-adoption", keepers: { adoptId: id }, protect: true });
    });

    it("WHEN it is retained or deleted THEN its guard is not protected, so removing the disk can remove the guard", () => {
        expect(planAdoptionGuard("web01-os-disk", id, false)).toStrictEqual({ resourceName: "web01-os-disk-adoption", keepers: { adoptId: id }, protect: false });
    });

    it("WHEN it is not adopted THEN there is no guard", () => {
        expect(planAdoptionGuard("web01-disk-data", undefined, true)).toBeUndefined();
    });
});
