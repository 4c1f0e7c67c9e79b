/**
 * Pure planning for a VM's image: one of a catalogue key, an explicit marketplace reference or a gallery image id,
 * resolved to what the VM declares, with its Hyper-V generation where it is known and its purchase plan.
 */
import { checkGalleryImageId } from "../core/arm-id-rules";
import { didYouMean } from "../core/nearest-names";
import type { OsType } from "../core/os";
import type { Problem } from "../core/problems";
import type { ImagePlan, ImageReferenceArgs } from "./image-args";
import { DEFAULT_IMAGE, catalogueImage, nearestImages, needsPlan } from "./image-facts";

/** The image, resolved. `gallery` means the id comes from the `galleryImageId` argument. */
export type PlannedImage =
    | { readonly kind: "marketplace"; readonly publisher: string; readonly offer: string; readonly sku: string; readonly version: string; readonly label: string }
    | { readonly kind: "gallery"; readonly label: string }
    | { readonly kind: "attached"; readonly label: string };

export interface ImagePlanResult {
    readonly image: PlannedImage;
    readonly plan: ImagePlan | undefined;
    /**
     * Whether the image is on Microsoft's list of images that support automatic VM guest patching, as far as the plan
     * knows: the catalogue's fact for a catalogue image (image-facts.ts). False for an explicit `imageReference`, whose
     * image the plan does not look up in the list (a listed one still patches by OS, as it always has here, and
     * deployed VMs keep their mode), and for a gallery image, which Microsoft's list never includes (custom images
     * "aren't supported"): both get the OS's default mode, which Azure accepts for every image (patch-plan.ts).
     */
    readonly platformPatching: boolean;
    /** Known for catalogue images, read from SKU names that say it (`gen2`, `gensecond`, `gen1`), else undefined. */
    readonly generation: 1 | 2 | undefined;
    readonly problems: readonly Problem[];
}

/** The image arguments a VM and a fleet share; only whether a gallery id is given matters here. */
export interface ImageChoice {
    readonly image?: string;
    readonly imageReference?: ImageReferenceArgs;
    readonly galleryImageId?: unknown;
    readonly plan?: ImagePlan;
}

/** The generation a marketplace SKU's name states, if it states one. */
export function generationFromSku(sku: string): 1 | 2 | undefined {
    return /gen2|gensecond|-g2$/i.test(sku) ? 2 : /gen1/i.test(sku) ? 1 : undefined;
}

/**
 * Resolves the image a component boots, or the problems with its image arguments.
 * @param component the component's class name, for the message about an image of the other OS
 */
export function planImage(os: OsType, args: ImageChoice, component: string): ImagePlanResult {
    const given = [
        args.image !== undefined ? "image" : undefined,
        args.imageReference !== undefined ? "imageReference" : undefined,
        args.galleryImageId !== undefined ? "galleryImageId" : undefined,
    ].filter((x): x is string => x !== undefined);
    const none = { image: { kind: "gallery", label: "(none)" } as PlannedImage, plan: undefined, platformPatching: false, generation: undefined };
    if (given.length > 1) {
        const verb = given.length === 2 ? "are both set" : "are all set";
        return { ...none, problems: [{ path: given.join(", "), message: `${verb}; set only one of image, imageReference and galleryImageId.` }] };
    }
    if (args.imageReference !== undefined) {
        const ref = args.imageReference;
        const missing = (["publisher", "offer", "sku"] as const).filter((k) => !ref[k]);
        const problems: Problem[] = missing.map((k) => ({ path: `imageReference.${k}`, message: `is empty; an explicit image needs publisher, offer and sku.` }));
        if (missing.length === 0 && args.plan === undefined && needsPlan(ref.publisher, ref.offer)) {
            problems.push({ path: "plan", message: `is missing; the marketplace image ${ref.publisher}:${ref.offer} needs a purchase plan (set plan: { name, product, publisher }).` });
        }
        const version = ref.version ?? "latest";
        return {
            image: { kind: "marketplace", publisher: ref.publisher, offer: ref.offer, sku: ref.sku, version, label: `${ref.publisher}:${ref.offer}:${ref.sku}:${version}` },
            plan: args.plan,
            platformPatching: false,
            generation: generationFromSku(ref.sku ?? ""),
            problems,
        };
    }
    if (args.galleryImageId !== undefined) {
        return { image: { kind: "gallery", label: "the gallery image" }, plan: args.plan, platformPatching: false, generation: undefined, problems: checkGalleryImageId("galleryImageId", args.galleryImageId) };
    }
    const key = args.image ?? DEFAULT_IMAGE[os];
    const entry = catalogueImage(key);
    if (entry === undefined) {
        return { ...none, problems: [{ path: "image", message: `${JSON.stringify(key)} is not in the image catalogue${didYouMean(nearestImages(key, os))}; use a catalogue key (see IMAGE_KEYS) or set imageReference.` }] };
    }
    if (entry.os !== os) {
        return { ...none, problems: [{ path: "image", message: `"${key}" is a ${entry.os} image; a ${component} needs a ${os} image.` }] };
    }
    if (args.plan !== undefined) {
        return { ...none, problems: [{ path: "plan", message: `is for imageReference and galleryImageId images; the catalogue image "${key}" brings its own (remove plan, or name the image with imageReference).` }] };
    }
    return {
        image: { kind: "marketplace", publisher: entry.publisher, offer: entry.offer, sku: entry.sku, version: "latest", label: key },
        plan: entry.plan,
        platformPatching: entry.platformPatching,
        generation: entry.generation,
        problems: [],
    };
}
