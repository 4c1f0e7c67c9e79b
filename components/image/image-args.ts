/**
 * How a VM or a fleet names its image: a catalogue key (`image`, see image-facts.ts), an explicit marketplace image,
 * or a gallery image id; and the purchase plan some marketplace images need.
 */

/** An explicit marketplace image. */
export interface ImageReferenceArgs {
    /** Image publisher, e.g. `Canonical`. */
    readonly publisher: string;
    /** Image offer, e.g. `ubuntu-24_04-lts`. */
    readonly offer: string;
    /** Image SKU, e.g. `server`. */
    readonly sku: string;
    /**
     * Image version.
     * @default "latest"
     */
    readonly version?: string;
}

/** A marketplace purchase plan; images that carry one refuse deployment without it. */
export interface ImagePlan {
    /** The plan's name, e.g. `9-gen2`. */
    readonly name: string;
    /** The plan's product (the offer), e.g. `almalinux-x86_64`. */
    readonly product: string;
    /** The plan's publisher, e.g. `almalinux`. */
    readonly publisher: string;
}
