/**
 * Administrator account rules.
 * Source: Compute REST API, OSProfile.adminUsername (reserved names, lengths, trailing period), and
 * Microsoft Learn "Supported SSH key formats" (virtual-machines/linux/mac-create-ssh-keys): RSA and ED25519.
 */
import type { Problem } from "../problems";
import type { OsType } from "../images";

/** Names Azure refuses as the administrator account, compared without case. */
export const RESERVED_ADMIN_USERNAMES: readonly string[] = [
    "administrator", "admin", "user", "user1", "test", "user2", "test1", "user3", "admin1", "1", "123", "a",
    "actuser", "adm", "admin2", "aspnet", "backup", "console", "david", "guest", "john", "owner", "root", "server",
    "sql", "support", "support_388945a0", "sys", "test2", "test3", "user4", "user5",
];

const MAX_USERNAME: Readonly<Record<OsType, number>> = { linux: 64, windows: 20 };

export function checkAdminUsername(path: string, os: OsType, value: string): Problem[] {
    const max = MAX_USERNAME[os];
    if (value.length < 1 || value.length > max) {
        return [{ path, message: `"${value}" is ${value.length} characters; ${os === "windows" ? "Windows" : "Linux"} allows 1 to ${max} (set adminUsername).` }];
    }
    if (RESERVED_ADMIN_USERNAMES.includes(value.toLowerCase())) {
        return [{ path, message: `"${value}" is a name Azure reserves; choose another adminUsername.` }];
    }
    if (value.endsWith(".")) {
        return [{ path, message: `"${value}" cannot end with "." (set adminUsername).` }];
    }
    const allowed = os === "linux" ? /^[a-z_][a-z0-9_.-]*$/ : /^[^\\/"[\]:|<>+=;,?*@&\s]+$/;
    if (!allowed.test(value)) {
        const rule = os === "linux"
            ? "must start with a lowercase letter or \"_\" and hold only lowercase letters, digits, \"_\", \".\" and \"-\""
            : "cannot contain spaces or any of \\ / \" [ ] : | < > + = ; , ? * @ &";
        return [{ path, message: `"${value}" ${rule} (set adminUsername).` }];
    }
    return [];
}

/**
 * A first look at an OpenSSH public key given as a plain string: its type must be one Azure accepts.
 * A key that is a Pulumi Output is not checked here.
 */
export function checkSshPublicKey(path: string, value: string): Problem[] {
    const [type, body] = value.trim().split(/\s+/);
    if (type !== "ssh-rsa" && type !== "ssh-ed25519") {
        return [{ path, message: `starts with "${type ?? ""}"; Azure accepts only "ssh-rsa" and "ssh-ed25519" public keys (give the key in OpenSSH format).` }];
    }
    if (body === undefined || !/^[A-Za-z0-9+/]+={0,2}$/.test(body)) {
        return [{ path, message: `is not an OpenSSH public key: the part after "${type}" must be base64 (give the whole line of the .pub file).` }];
    }
    return [];
}
