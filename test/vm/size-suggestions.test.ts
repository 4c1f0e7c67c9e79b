/**
 * A size the table does not know gets a warning that names the table's nearest sizes ("did you mean"), beside the
 * advice to state the size's facts; a size near none gets the advice alone. Not proved here: that the size meant is
 * among the suggestions (a real size newer than the table gets its neighbours too, hence the "If ... is right"), nor
 * that Azure offers the suggested sizes in any region.
 */
import { describe, expect, it } from "vitest";
import { planVm } from "../../components/preflight";
import { ED25519_KEY, args } from "../support/fixtures";

/** The warnings of a Linux VM of this size, which plans. */
function warningsOf(size: string): readonly { path: string; message: string }[] {
    const result = planVm("linux", "web01", args({ size }), { sshPublicKeys: [ED25519_KEY] });
    return result.ok ? result.plan.warnings : [{ path: "(refused)", message: JSON.stringify(result.problems) }];
}

const UNCHECKED = "so maxDataDisks, trustedLaunch, generations are not checked";

describe("GIVEN a size typo, Standard_D2s_v9 WHEN the VM is planned", () => {
    it("THEN it plans, and the warning asks whether Standard_D2s_v5 was meant, the newest series first", () => {
        expect(warningsOf("Standard_D2s_v9")).toStrictEqual([{
            path: "size",
            message: `"Standard_D2s_v9" is not in the size table of 2026-11, ${UNCHECKED} (did you mean "Standard_D2s_v5", "Standard_D2s_v4" or "Standard_D2s_v3"? If "Standard_D2s_v9" is right, set preflightFacts.size).`,
        }]);
    });
});

describe("GIVEN a size with a letter in the wrong case, Standard_d2s_v5 WHEN the VM is planned", () => {
    it("THEN the size it spells is the one suggestion", () => {
        expect(warningsOf("Standard_d2s_v5")).toStrictEqual([{
            path: "size",
            message: `"Standard_d2s_v5" is not in the size table of 2026-11, ${UNCHECKED} (did you mean "Standard_D2s_v5"? If "Standard_d2s_v5" is right, set preflightFacts.size).`,
        }]);
    });
});

describe("GIVEN a real size far from every size of the table, Standard_NC24ads_A100_v4 WHEN the VM is planned", () => {
    it("THEN the warning suggests nothing and says how to state the size's facts", () => {
        expect(warningsOf("Standard_NC24ads_A100_v4")).toStrictEqual([{
            path: "size",
            message: `"Standard_NC24ads_A100_v4" is not in the size table of 2026-11, ${UNCHECKED} (set preflightFacts.size).`,
        }]);
    });
});
