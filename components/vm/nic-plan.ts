/**
 * The VM's NIC: whether it has accelerated networking, and which of its properties a deployed NIC keeps as it was
 * created. Pure.
 *
 * Sources: Microsoft Learn, "Manage accelerated networking for Azure Virtual Machines" (azure-docs
 * articles/virtual-network/manage-accelerated-networking.md, 01/07/2025): a VM must be "stopped or deallocated before
 * you can enable Accelerated Networking on any NIC" (all VMs of an availability set), while disabling it needs no
 * stop; "VM sizes that require Accelerated Networking enable Accelerated Networking at runtime regardless of the user
 * setting"; a VM with it cannot be resized to a size without it (deallocate, disable, then resize); the portal enables
 * it at creation only for Azure Marketplace operating systems, and a custom image is to be tested for it first ("Handle
 * dynamic binding and revocation of virtual function"). The sizes' support is in size-facts.ts.
 */
import { FACTS_DATE } from "../core/azure-facts";
import type { Problem } from "../core/problems";
import type { PlannedImage } from "../image/image-plan";
import type { PreflightFacts } from "./placement-rules";
import { knownSizeFacts } from "./size-facts";

/** The NIC's accelerated networking, as azure-native's NetworkInterface input names it. */
export const ACCELERATED_NETWORKING_PATH = "enableAcceleratedNetworking";

export interface NicPlan {
    /** `enableAcceleratedNetworking`, always sent. */
    readonly acceleratedNetworking: boolean;
    /**
     * The NIC's `ignoreChanges`. When accelerated networking is the default (no `acceleratedNetworking` given), the
     * default applies to a NIC when it is created and not to one that exists: NICs of stacks deployed before the
     * default (which have none), and NICs whose VM was resized or rebuilt from its disk since, keep what they were
     * created with, because turning it on needs the VM deallocated, which an update cannot do, and turning it off
     * would undo what the NIC was created with. Except on a size without it: there `false` is applied, which Azure
     * does on a running VM, and which a resize to such a size needs (Azure refuses the resize of a VM whose NIC has
     * it). An explicit value is never ignored: changing it is an update, which the change prediction marks refused
     * while the VM runs when it turns accelerated networking on.
     */
    readonly ignoreChanges: readonly string[];
}

export interface NicInputs {
    readonly size: string;
    readonly facts: PreflightFacts;
    /** The VM's `acceleratedNetworking`, if given. */
    readonly acceleratedNetworking: boolean | undefined;
    /** What the VM boots: the default turns accelerated networking on only for a marketplace image. */
    readonly image: PlannedImage;
}

/**
 * Accelerated networking: as given, refused on a size that does not support it, with a warning where the size's
 * support is unknown (asked for) or makes the setting moot (turned off on a size that requires it); by default on
 * where the size supports it and the VM boots a marketplace image, off otherwise (a size without it or that the table
 * does not know, a gallery image or an existing OS disk, whose guest may not be ready for it).
 */
export function planNic(p: NicInputs): { plan: NicPlan; problems: Problem[]; warnings: Problem[] } {
    const support = knownSizeFacts(p.size, p.facts.size).acceleratedNetworking;
    const problems: Problem[] = [];
    const warnings: Problem[] = [];
    if (p.acceleratedNetworking === true && support === "unsupported") {
        problems.push({
            path: "acceleratedNetworking",
            message: `is true, but ${p.size} does not support accelerated networking, and Azure refuses a VM of that size on a NIC that has it (choose a size that supports it, such as Standard_D2s_v5, or remove acceleratedNetworking).`,
        });
    }
    if (p.acceleratedNetworking === true && support === undefined) {
        warnings.push({
            path: "acceleratedNetworking",
            message: `is true, but ${JSON.stringify(p.size)} is not in the size table of ${FACTS_DATE}, so whether it supports accelerated networking is not checked (set preflightFacts.size.acceleratedNetworking).`,
        });
    }
    if (p.acceleratedNetworking === false && support === "required") {
        warnings.push({
            path: "acceleratedNetworking",
            message: `is false, but ${p.size} requires accelerated networking: Azure turns it on at runtime whatever the NIC says (remove acceleratedNetworking: false, or choose a size where it is optional).`,
        });
    }
    if (p.acceleratedNetworking !== undefined) {
        return { plan: { acceleratedNetworking: p.acceleratedNetworking, ignoreChanges: [] }, problems, warnings };
    }
    const supported = support === "supported" || support === "required";
    const ignoreChanges = support === "unsupported" ? [] : [ACCELERATED_NETWORKING_PATH];
    return { plan: { acceleratedNetworking: supported && p.image.kind === "marketplace", ignoreChanges }, problems, warnings };
}
