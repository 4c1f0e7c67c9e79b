// The size table's vCPUs, memory and accelerated networking, as the series pages give them, and the facts a VM states
// over the table's.
// Not proved here: that Microsoft's pages still say so (the table is dated and cites them), or that Azure behaves as
// they say.
import { describe, expect, it } from "vitest";
import { knownSizeFacts, SIZES, sizeFacts } from "../../components/internal";

describe("GIVEN the size table WHEN a size's vCPUs, memory and accelerated networking are read", () => {
    it.each<[string, number, number, string]>([
        // One size per series, and each series' largest sizes where the memory ratio breaks.
        ["Standard_D2s_v3", 2, 8, "supported"],
        ["Standard_D64_v3", 64, 256, "supported"],
        ["Standard_E2s_v3", 2, 16, "supported"],
        ["Standard_E64s_v3", 64, 432, "supported"],
        ["Standard_E20_v3", 20, 160, "supported"],
        ["Standard_D4s_v4", 4, 16, "supported"],
        ["Standard_D8ds_v4", 8, 32, "supported"],
        ["Standard_D16_v4", 16, 64, "supported"],
        ["Standard_E64s_v4", 64, 504, "supported"],
        ["Standard_E48_v4", 48, 384, "supported"],
        ["Standard_D2s_v5", 2, 8, "required"],
        ["Standard_D96ds_v5", 96, 384, "required"],
        ["Standard_D4as_v5", 4, 16, "supported"],
        ["Standard_D4ads_v5", 4, 16, "supported"],
        ["Standard_D2_v5", 2, 8, "required"],
        ["Standard_D4d_v5", 4, 16, "required"],
        ["Standard_E8s_v5", 8, 64, "required"],
        ["Standard_E64s_v5", 64, 512, "required"],
        ["Standard_E96ds_v5", 96, 672, "supported"],
        ["Standard_E96as_v5", 96, 672, "supported"],
        ["Standard_E4_v5", 4, 32, "supported"],
        ["Standard_F72s_v2", 72, 144, "supported"],
        ["Standard_B1ms", 1, 2, "unsupported"],
        ["Standard_B8ms", 8, 32, "unsupported"],
        ["Standard_B12ms", 12, 48, "supported"],
        ["Standard_B20ms", 20, 80, "supported"],
        ["Standard_B1s", 1, 1, "unsupported"],
        ["Standard_B2s", 2, 4, "unsupported"],
        ["Standard_B32s_v2", 32, 128, "supported"],
        ["Standard_A1_v2", 1, 2, "unsupported"],
        ["Standard_A8m_v2", 8, 64, "unsupported"],
    ])("THEN %s has %i vCPUs, %i GiB and accelerated networking %s", (size, vcpus, memoryGb, acceleratedNetworking) => {
        const facts = sizeFacts(size);
        expect(facts && { vcpus: facts.vcpus, memoryGb: facts.memoryGb, acceleratedNetworking: facts.acceleratedNetworking }).toStrictEqual({ vcpus, memoryGb, acceleratedNetworking });
    });

    it("THEN every size's vCPU count is the number its name carries", () => {
        const wrong = Object.entries(SIZES).filter(([name, facts]) => Number(/^Standard_[A-Z](\d+)/.exec(name)?.[1]) !== facts.vcpus).map(([name]) => name);
        expect(wrong).toStrictEqual([]);
    });

    it("THEN only the Bv1 sizes below 12 vCPUs and the Av2 sizes lack accelerated networking", () => {
        const without = Object.entries(SIZES).filter(([, facts]) => facts.acceleratedNetworking === "unsupported").map(([name]) => name);
        expect(without).toStrictEqual([
            "Standard_B1ms", "Standard_B2ms", "Standard_B4ms", "Standard_B8ms", "Standard_B1s", "Standard_B2s",
            "Standard_A1_v2", "Standard_A2_v2", "Standard_A4_v2", "Standard_A8_v2", "Standard_A2m_v2", "Standard_A4m_v2", "Standard_A8m_v2",
        ]);
    });
});

describe("GIVEN facts a VM states WHEN they are read with the table's", () => {
    it("THEN a stated fact overrides the table's and the table fills the rest", () => {
        expect(knownSizeFacts("Standard_D4s_v5", { memoryGb: 15, acceleratedNetworking: "supported" })).toStrictEqual({
            premiumStorage: true, maxDataDisks: 8, generations: [1, 2], trustedLaunch: true, vcpus: 4, memoryGb: 15, acceleratedNetworking: "supported",
        });
    });

    it("THEN a size the table does not know has only the stated facts", () => {
        expect([knownSizeFacts("Standard_L8s_v3", { vcpus: 8 }), knownSizeFacts("Standard_L8s_v3", undefined)]).toStrictEqual([{ vcpus: 8 }, {}]);
    });
});
