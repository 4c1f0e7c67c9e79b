// Not proved here: that these images exist in the Azure marketplace today, that they support Trusted Launch, or that
// Microsoft's platform-patching list still says what PLATFORM_PATCHING_LIST transcribes (dated in its source record).
import { describe, expect, it } from "vitest";
import { DEFAULT_IMAGE, IMAGE_KEYS, IMAGES } from "../../components";
import { PLATFORM_PATCHING_LIST, PLATFORM_PATCHING_SOURCE, catalogueImage, onPlatformPatchingList } from "../../components/internal";

describe("GIVEN the image catalogue WHEN a user lists its keys", () => {
    it("THEN the keys are exactly the public ones, in declaration order", () => {
        expect(IMAGE_KEYS).toStrictEqual([
            "ubuntu-24.04", "ubuntu-22.04", "debian-12", "rhel-9", "sles-15", "almalinux-9", "azure-linux-3",
            "windows-server-2025", "windows-server-2022", "windows-server-2019",
            "sql-server-2022-developer", "sql-server-2022-standard", "sql-server-2022-enterprise",
        ]);
        expect(Object.keys(IMAGES)).toStrictEqual(IMAGE_KEYS);
    });
});

describe("GIVEN each catalogue key WHEN it is looked up", () => {
    it.each<[string, string, string, string, string, boolean]>([
        ["ubuntu-24.04", "linux", "Canonical", "ubuntu-24_04-lts", "server", true],
        ["ubuntu-22.04", "linux", "Canonical", "0001-com-ubuntu-server-jammy", "22_04-lts-gen2", true],
        ["debian-12", "linux", "Debian", "debian-12", "12-gen2", false],
        ["rhel-9", "linux", "RedHat", "RHEL", "9-lvm-gen2", true],
        ["sles-15", "linux", "SUSE", "sles-15-sp7", "gen2", false],
        ["almalinux-9", "linux", "almalinux", "almalinux-x86_64", "9-gen2", false],
        ["azure-linux-3", "linux", "MicrosoftCBLMariner", "azure-linux-3", "azure-linux-3-gen2", true],
        ["windows-server-2025", "windows", "MicrosoftWindowsServer", "WindowsServer", "2025-datacenter-azure-edition", true],
        ["windows-server-2022", "windows", "MicrosoftWindowsServer", "WindowsServer", "2022-datacenter-azure-edition", true],
        ["windows-server-2019", "windows", "MicrosoftWindowsServer", "WindowsServer", "2019-datacenter-gensecond", true],
        ["sql-server-2022-developer", "windows", "MicrosoftSQLServer", "sql2022-ws2022", "sqldev-gen2", false],
        ["sql-server-2022-standard", "windows", "MicrosoftSQLServer", "sql2022-ws2022", "standard-gen2", false],
        ["sql-server-2022-enterprise", "windows", "MicrosoftSQLServer", "sql2022-ws2022", "enterprise-gen2", false],
    ])("THEN %s is a Gen2 %s image %s:%s:%s, platform patching %s", (key, os, publisher, offer, sku, platformPatching) => {
        const image = catalogueImage(key);
        expect(image && [image.os, image.publisher, image.offer, image.sku, image.generation, image.platformPatching]).toStrictEqual([
            os, publisher, offer, sku, 2, platformPatching,
        ]);
    });

    it("THEN every image is generation 2", () => {
        expect(IMAGE_KEYS.filter((key) => catalogueImage(key)?.generation !== 2)).toStrictEqual([]);
    });

    it("THEN only almalinux-9 carries a purchase plan, and its plan names its own offer and SKU", () => {
        expect(IMAGE_KEYS.filter((key) => catalogueImage(key)?.plan !== undefined)).toStrictEqual(["almalinux-9"]);
        expect(catalogueImage("almalinux-9")?.plan).toStrictEqual({ name: "9-gen2", product: "almalinux-x86_64", publisher: "almalinux" });
    });

    it("THEN the lookup returns the catalogue's own entry", () => {
        expect(catalogueImage("debian-12")).toBe(IMAGES["debian-12"]);
    });
});

describe("GIVEN a VM that names no image WHEN the default is taken", () => {
    it.each(["linux", "windows"] as const)("THEN the %s default is a catalogue image of that OS", (os) => {
        expect(catalogueImage(DEFAULT_IMAGE[os])?.os).toBe(os);
    });

    it("THEN the defaults are Ubuntu 24.04 and Windows Server 2025", () => {
        expect(DEFAULT_IMAGE).toStrictEqual({ linux: "ubuntu-24.04", windows: "windows-server-2025" });
    });
});

describe("GIVEN a key the catalogue does not hold WHEN it is looked up", () => {
    it.each(["ubuntu-18.04", "Ubuntu-24.04", "", "toString", "constructor", "__proto__", "hasOwnProperty", "valueOf"])(
        "THEN %j is undefined",
        (key) => {
            expect(catalogueImage(key)).toBeUndefined();
        },
    );
});

describe("GIVEN Microsoft's list of images that support automatic VM guest patching, as the catalogue records it", () => {
    it("THEN the record names its source, the page's date and when it was last compared", () => {
        expect(PLATFORM_PATCHING_SOURCE).toStrictEqual({
            url: "https://learn.microsoft.com/azure/virtual-machines/automatic-vm-guest-patching#supported-os-images",
            file: "MicrosoftDocs/azure-compute-docs articles/virtual-machines/automatic-vm-guest-patching.md",
            commit: "0ba239a8f1f7b636cbc8f3dedfb874793edf4f6a",
            date: "2024-07-31",
            read: "2026-12",
        });
    });

    it("THEN it says something about the offer of every catalogue image, so a new image cannot skip the list", () => {
        expect(IMAGE_KEYS.filter((key) => onPlatformPatchingList(IMAGES[key].publisher, IMAGES[key].offer, IMAGES[key].sku) === undefined)).toStrictEqual([]);
    });

    it("THEN each image's platformPatching is whether the list holds its exact publisher, offer and SKU", () => {
        const disagree = IMAGE_KEYS.filter((key) => IMAGES[key].platformPatching !== onPlatformPatchingList(IMAGES[key].publisher, IMAGES[key].offer, IMAGES[key].sku));
        expect(disagree).toStrictEqual([]);
    });

    it.each([
        // The page spells two publishers in other letter cases than the marketplace.
        ["RedHat", "RHEL", "9-lvm-gen2", true],
        ["MicrosoftCBLMariner", "azure-linux-3", "azure-linux-3-gen2", true],
        // The exact SKU counts: a listed offer with another SKU is not listed.
        ["RedHat", "RHEL", "9_5", false],
        ["MicrosoftWindowsServer", "WindowsServer", "2022-datacenter-azure-edition", true],
        ["MicrosoftWindowsServer", "WindowsServer", "2022-datacenter-azure-edition-gen3", false],
        ["MicrosoftSQLServer", "sql2022-ws2022", "enterprise-gen2", false],
        ["Canonical", "ubuntu-25_04", "server", undefined],
    ] as const)("WHEN %s:%s:%s is looked up THEN the answer is %s", (publisher, offer, sku, listed) => {
        expect(onPlatformPatchingList(publisher, offer, sku)).toBe(listed);
    });

    it("THEN no offer is recorded twice", () => {
        const offers = PLATFORM_PATCHING_LIST.map((o) => `${o.publisher}:${o.offer}`.toLowerCase());
        expect(offers.filter((o, i) => offers.indexOf(o) !== i)).toStrictEqual([]);
    });
});
