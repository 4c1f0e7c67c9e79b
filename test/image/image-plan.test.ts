// The preflight table for images (catalogue keys, explicit and gallery images, purchase plans): inputs Azure would
// refuse are refused at plan time with their exact messages, and an input on a limit passes with the value it resolves to.
// Not proved here: that Azure and the Marketplace still take the same images and plans today. They are copied from the
// publishers' Azure Marketplace pages as components/image/image-facts.ts and components/image/image-plan.ts record
// them, and they can change without notice. Nor is it proved that the components declare what the plan says.
import { describe, it } from "vitest";
import { type Accepted, GALLERY_IMAGE, GEN1_UBUNTU, type Rejected } from "../support/fixtures";
import { expectAccepted, expectRefused } from "../support/plan-tables";

const ALMA_PLAN = { name: "9-gen2", product: "almalinux-x86_64", publisher: "almalinux" };

const REJECTED: readonly Rejected[] = [
    {
        scenario: "an image key the catalogue does not know",
        os: "linux", args: { image: "ubuntu-18.04" },
        problems: [{ path: "image", message: `"ubuntu-18.04" is not in the image catalogue (did you mean "ubuntu-24.04" or "ubuntu-22.04"?); use a catalogue key (see IMAGE_KEYS) or set imageReference.` }],
    },
    {
        scenario: "a Windows image on a Linux VM",
        os: "linux", args: { image: "windows-server-2022" },
        problems: [{ path: "image", message: `"windows-server-2022" is a windows image; a LinuxVm needs a linux image.` }],
    },
    {
        scenario: "a Linux image on a Windows VM",
        os: "windows", args: { image: "rhel-9" },
        problems: [{ path: "image", message: `"rhel-9" is a linux image; a WindowsVm needs a windows image.` }],
    },
    {
        scenario: "a catalogue image and an explicit image",
        os: "linux", args: { image: "debian-12", imageReference: GEN1_UBUNTU },
        problems: [{ path: "image, imageReference", message: "are both set; set only one of image, imageReference and galleryImageId." }],
    },
    {
        scenario: "an explicit image and a gallery image",
        os: "linux", args: { imageReference: GEN1_UBUNTU, galleryImageId: GALLERY_IMAGE },
        problems: [{ path: "imageReference, galleryImageId", message: "are both set; set only one of image, imageReference and galleryImageId." }],
    },
    {
        scenario: "all three image sources",
        os: "linux", args: { image: "debian-12", imageReference: GEN1_UBUNTU, galleryImageId: GALLERY_IMAGE },
        problems: [{ path: "image, imageReference, galleryImageId", message: "are all set; set only one of image, imageReference and galleryImageId." }],
    },
    {
        scenario: "an explicit image without a SKU",
        os: "linux", args: { imageReference: { publisher: "Canonical", offer: "ubuntu-24_04-lts", sku: "" } },
        problems: [{ path: "imageReference.sku", message: "is empty; an explicit image needs publisher, offer and sku." }],
    },
    {
        scenario: "an explicit image without a publisher or offer",
        os: "linux", args: { imageReference: { publisher: "", offer: "", sku: "server" } },
        problems: [
            { path: "imageReference.publisher", message: "is empty; an explicit image needs publisher, offer and sku." },
            { path: "imageReference.offer", message: "is empty; an explicit image needs publisher, offer and sku." },
        ],
    },
    {
        scenario: "AlmaLinux by imageReference without its purchase plan",
        os: "linux", args: { imageReference: { publisher: "almalinux", offer: "almalinux-x86_64", sku: "9-gen2" } },
        problems: [{ path: "plan", message: "is missing; the marketplace image almalinux:almalinux-x86_64 needs a purchase plan (set plan: { name, product, publisher })." }],
    },
    {
        scenario: "AlmaLinux by imageReference, publisher capitalised, without its purchase plan",
        os: "linux", args: { imageReference: { publisher: "AlmaLinux", offer: "almalinux-x86_64", sku: "9-gen2" } },
        problems: [{ path: "plan", message: "is missing; the marketplace image AlmaLinux:almalinux-x86_64 needs a purchase plan (set plan: { name, product, publisher })." }],
    },
    {
        scenario: "Rocky Linux by imageReference without its purchase plan",
        os: "linux", args: { imageReference: { publisher: "resf", offer: "rockylinux-x86_64", sku: "9-base-gen2" } },
        problems: [{ path: "plan", message: "is missing; the marketplace image resf:rockylinux-x86_64 needs a purchase plan (set plan: { name, product, publisher })." }],
    },
    {
        scenario: "a CIS hardened image by imageReference without its purchase plan",
        os: "linux", args: { imageReference: { publisher: "center-for-internet-security-inc", offer: "cis-ubuntu-linux-2204-l1", sku: "cis-ubuntu2204-l1-gen2" } },
        problems: [{ path: "plan", message: "is missing; the marketplace image center-for-internet-security-inc:cis-ubuntu-linux-2204-l1 needs a purchase plan (set plan: { name, product, publisher })." }],
    },
    {
        scenario: "a purchase plan with the almalinux-9 catalogue image, which brings its own",
        os: "linux", args: { image: "almalinux-9", plan: ALMA_PLAN },
        problems: [{ path: "plan", message: `is for imageReference and galleryImageId images; the catalogue image "almalinux-9" brings its own (remove plan, or name the image with imageReference).` }],
    },
    {
        scenario: "a purchase plan with the default Windows image",
        os: "windows", args: { plan: ALMA_PLAN },
        problems: [{ path: "plan", message: `is for imageReference and galleryImageId images; the catalogue image "windows-server-2025" brings its own (remove plan, or name the image with imageReference).` }],
    },
];

const ACCEPTED: readonly Accepted[] = [
    {
        scenario: "AlmaLinux by imageReference with its purchase plan",
        os: "linux", args: { imageReference: { publisher: "almalinux", offer: "almalinux-x86_64", sku: "9-gen2" }, plan: ALMA_PLAN },
        resolved: (p) => [p.image.label, p.plan], value: ["almalinux:almalinux-x86_64:9-gen2:latest", ALMA_PLAN],
    },
];

describe("GIVEN an input Azure would refuse WHEN the VM is planned", () => {
    it.each<Rejected>(REJECTED)("THEN $scenario is refused with its exact message", expectRefused);
});

describe("GIVEN an input exactly on a limit WHEN the VM is planned", () => {
    it.each<Accepted>(ACCEPTED)("THEN $scenario is accepted", expectAccepted);
});
