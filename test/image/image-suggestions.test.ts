/**
 * An image key the catalogue does not know is refused with the catalogue's nearest keys of the component's OS ("did
 * you mean"); a key near none is refused with the advice alone. Not proved here: that the key meant is among the
 * suggestions, only that they are the nearest in spelling.
 */
import { describe, expect, it } from "vitest";
import type { OsType } from "../../components";
import { planImage } from "../../components/internal";

const ADVICE = "use a catalogue key (see IMAGE_KEYS) or set imageReference.";

/** The problems planImage gives an image key on a VM of this OS. */
function problemsOf(os: OsType, image: string): readonly { path: string; message: string }[] {
    return planImage(os, { image }, os === "linux" ? "LinuxVm" : "WindowsVm").problems;
}

describe("GIVEN a catalogue key a user mistypes WHEN the image is planned", () => {
    it.each<{ scenario: string; os: OsType; image: string; message: string }>([
        {
            scenario: "ubuntu-24.4 on a Linux VM: ubuntu-24.04 first",
            os: "linux", image: "ubuntu-24.4",
            message: `"ubuntu-24.4" is not in the image catalogue (did you mean "ubuntu-24.04" or "ubuntu-22.04"?); ${ADVICE}`,
        },
        {
            scenario: "windows-server-2026 on a Windows VM: the Windows Server keys",
            os: "windows", image: "windows-server-2026",
            message: `"windows-server-2026" is not in the image catalogue (did you mean "windows-server-2025", "windows-server-2022" or "windows-server-2019"?); ${ADVICE}`,
        },
        {
            scenario: "windows-server-2026 on a Linux VM: no Windows key is offered to a Linux VM",
            os: "linux", image: "windows-server-2026",
            message: `"windows-server-2026" is not in the image catalogue; ${ADVICE}`,
        },
        {
            scenario: "centos-7, near no key",
            os: "linux", image: "centos-7",
            message: `"centos-7" is not in the image catalogue; ${ADVICE}`,
        },
    ])("THEN $scenario", ({ os, image, message }) => {
        expect(problemsOf(os, image)).toStrictEqual([{ path: "image", message }]);
    });
});
