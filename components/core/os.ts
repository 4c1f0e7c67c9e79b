/**
 * The two operating system families, and what differs between them wherever a machine is declared.
 */

/** The operating system family of an image, and of the component that boots it. */
export type OsType = "linux" | "windows";

/** The administrator account's name when none is given. */
export const DEFAULT_ADMIN: Readonly<Record<OsType, string>> = { linux: "azureuser", windows: "azureadmin" };

/** The OS type azure-native names on an attached OS disk. */
export function azureOsType(os: OsType): "Linux" | "Windows" {
    return os === "linux" ? "Linux" : "Windows";
}
