/**
 * The disk lifecycle's one home (components/disk/disk-lifecycle-plan.ts): each protection mode's resource options, the
 * way back from options to the mode that the offline plan prints, the OS disk's delete option, and an owned disk's
 * resource options. Not proved here: what the engine does with the options (protect refuses a delete at preview).
 */
import { describe, expect, it } from "vitest";
import { DISK_PROTECTIONS } from "../../components";
import { DISK_REPLACE_ON_CHANGES, diskResourceOptions, osDiskDeleteOption, protectionOf, protectionOptions } from "../../components/internal";

describe("GIVEN each protection mode", () => {
    it.each(DISK_PROTECTIONS)("THEN %s sets its options, and the plan reads the mode back from them", (mode) => {
        expect(protectionOf(protectionOptions(mode))).toBe(mode);
    });

    it("THEN protect sets protect, retain sets retainOnDelete, delete sets neither; only delete deletes the OS disk with the VM", () => {
        expect(DISK_PROTECTIONS.map((mode) => [mode, protectionOptions(mode), osDiskDeleteOption(mode)])).toEqual([
            ["protect", { protect: true, retainOnDelete: false }, "Detach"],
            ["retain", { protect: false, retainOnDelete: true }, "Detach"],
            ["delete", { protect: false, retainOnDelete: false }, "Delete"],
        ]);
    });
});

describe("GIVEN a disk the stack owns", () => {
    it("WHEN it is created or copied THEN a change to a create-only property replaces it, which protect refuses at preview", () => {
        expect(diskResourceOptions({ protect: true, retainOnDelete: false, importId: undefined })).toEqual({
            protect: true, retainOnDelete: false, replaceOnChanges: [...DISK_REPLACE_ON_CHANGES], ignoreChanges: undefined, import: undefined,
        });
    });

    it("WHEN it is adopted THEN it is imported by id, and its creation data, which adoption never rewrites, is ignored", () => {
        const id = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Compute/disks/kept";
        expect(diskResourceOptions({ protect: true, retainOnDelete: false, importId: id })).toEqual({
            protect: true, retainOnDelete: false, replaceOnChanges: DISK_REPLACE_ON_CHANGES.filter((p) => p !== "creationData"), ignoreChanges: ["creationData"], import: id,
        });
    });
});
