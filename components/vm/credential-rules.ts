/**
 * Administrator account rules.
 * Source: Compute REST API, OSProfile.adminUsername (reserved names, lengths, trailing period), and
 * Microsoft Learn "Supported SSH key formats" (virtual-machines/linux/mac-create-ssh-keys): RSA and ED25519.
 */
import type { Problem } from "../core/problems";
import type { OsType } from "../core/os";

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
    const allowed = os === "linux" ? /^[A-Za-z_][A-Za-z0-9_-]*$/ : /^[^\\/"[\]:|<>+=;,?*@&\s]+$/;
    if (!allowed.test(value)) {
        const rule = os === "linux"
            ? "may hold only letters, digits, \"-\" and \"_\", and cannot start with a digit or \"-\""
            : "cannot contain spaces or any of \\ / \" [ ] : | < > + = ; , ? * @ &";
        return [{ path, message: `"${value}" ${rule} (set adminUsername).` }];
    }
    return [];
}

/**
 * Password rules of OSProfile.adminPassword: length (Windows 8-123, Linux 6-72), three of four character classes
 * (lower case, upper case, digit, special), and Azure's list of refused passwords. Messages never repeat the
 * password: its value prints as [secret].
 */
export const DISALLOWED_PASSWORDS: readonly string[] = [
    "abc@123", "iloveyou!", "P@$$w0rd", "P@ssw0rd", "P@ssword123", "Pa$$word", "pass@word1", "Password!", "Password1",
    "Password22",
];

const PASSWORD_LENGTH: Readonly<Record<OsType, { min: number; max: number }>> = { windows: { min: 8, max: 123 }, linux: { min: 6, max: 72 } };

/** How many of the four character classes (lower case, upper case, digit, other) a password holds. */
export function characterClasses(value: string): number {
    return [/[a-z]/, /[A-Z]/, /[0-9]/, /[\W_]/].filter((c) => c.test(value)).length;
}

export function checkAdminPassword(path: string, os: OsType, value: string): Problem[] {
    const { min, max } = PASSWORD_LENGTH[os];
    const problems: Problem[] = [];
    if (value.length < min || value.length > max) {
        problems.push({ path, message: `[secret] is ${value.length} characters; ${os === "windows" ? "Windows" : "Linux"} passwords must be ${min} to ${max} (choose another password).` });
    }
    const classes = characterClasses(value);
    if (classes < 3) {
        problems.push({ path, message: `[secret] has ${classes} of the 4 character classes; Azure needs 3 of lower case, upper case, digit and special character (choose another password).` });
    }
    if (DISALLOWED_PASSWORDS.includes(value)) {
        problems.push({ path, message: `[secret] is on Azure's list of refused passwords (choose another password).` });
    }
    return problems;
}

/** A parsed OpenSSH public key. */
export type SshKey =
    | { readonly ok: true; readonly type: "ssh-rsa"; readonly bits: number }
    | { readonly ok: true; readonly type: "ssh-ed25519" }
    | { readonly ok: true; readonly type: "other"; readonly name: string }
    | { readonly ok: false; readonly reason: string };

/** Reads the SSH wire format (RFC 4253 section 6.6): length-prefixed strings. */
function readStrings(blob: Buffer): Buffer[] | undefined {
    const parts: Buffer[] = [];
    let offset = 0;
    while (offset < blob.length) {
        if (offset + 4 > blob.length) {
            return undefined;
        }
        const length = blob.readUInt32BE(offset);
        if (offset + 4 + length > blob.length) {
            return undefined;
        }
        parts.push(blob.subarray(offset + 4, offset + 4 + length));
        offset += 4 + length;
    }
    return parts;
}

/** The bit length of an SSH mpint (big-endian, possibly with a leading zero byte). */
function bitLength(mpint: Buffer): number {
    let i = 0;
    while (i < mpint.length && mpint[i] === 0) {
        i++;
    }
    const top = mpint[i];
    return top === undefined ? 0 : (mpint.length - i - 1) * 8 + (32 - Math.clz32(top));
}

/** What an entry must be: one key on one line, as ssh-keygen writes it to a .pub file. */
const KEY_LINE = "(\"<type> <base64> [comment]\")";

/**
 * One OpenSSH public key: its type, its base64 blob and an optional comment (the rest of the line), as one line. The
 * value becomes the VM's `keyData` and the access extension's `ssh_key`, which replaces the whole authorized_keys file,
 * so a line break (a second key) or authorized_keys options in front of the key (`command="..."`, `no-pty`) would
 * reach the guest as they are: both are refused. The final newline a .pub file ends with is allowed.
 */
export function parseSshPublicKey(line: string): SshKey {
    const trimmed = line.trim();
    // A PuTTY (RFC 4716) file or a private key is several lines that start with dashes: not a .pub line at all.
    // eslint-disable-next-line no-control-regex
    if (!trimmed.startsWith("-") && /[\u0000-\u001f\u007f]/.test(trimmed)) {
        return { ok: false, reason: `it holds a line break or another control character, and an entry is one key on one line ${KEY_LINE}` };
    }
    const [type, body, ...rest] = trimmed.split(/\s+/);
    const keyTypeLater = [body, ...rest].some((token) => token !== undefined && /^(ssh-|ecdsa-|sk-)/.test(token));
    // A key type is a lower-case token such as ssh-rsa or ecdsa-sha2-nistp256; an option (`no-pty`, `command="..."`)
    // comes before it.
    if (type !== undefined && !/^(ssh-|ecdsa-|sk-)/.test(type) && keyTypeLater) {
        return { ok: false, reason: `it starts with authorized_keys options, which the stack does not take ${KEY_LINE}` };
    }
    if (type === undefined || body === undefined || !/^[a-z][a-z0-9@.-]*$/.test(type) || !/^[A-Za-z0-9+/]+={0,2}$/.test(body)) {
        return { ok: false, reason: `it is not one line of an OpenSSH .pub file ${KEY_LINE}` };
    }
    const parts = readStrings(Buffer.from(body, "base64"));
    const inner = parts?.[0]?.toString("latin1");
    if (parts === undefined || inner !== type) {
        return { ok: false, reason: `its base64 part does not hold a "${type}" key` };
    }
    if (type === "ssh-rsa") {
        const modulus = parts[2];
        return modulus === undefined || parts.length !== 3 ? { ok: false, reason: "its RSA key data is incomplete" } : { ok: true, type, bits: bitLength(modulus) };
    }
    if (type === "ssh-ed25519") {
        return parts.length === 2 && parts[1]?.length === 32 ? { ok: true, type } : { ok: false, reason: "its ED25519 key is not 32 bytes" };
    }
    return { ok: true, type: "other", name: type };
}

/** Azure accepts RSA keys of at least 2048 bits and ED25519 keys; not ECDSA, DSA or anything else. */
export const MIN_RSA_BITS = 2048;

/** Checks an OpenSSH public key given as a plain string (a key that is a Pulumi Output is not checked). */
export function checkSshPublicKey(path: string, value: string): Problem[] {
    const key = parseSshPublicKey(value);
    if (!key.ok) {
        return [{ path, message: `is not an OpenSSH public key: ${key.reason} (give the whole line of the .pub file).` }];
    }
    if (key.type === "other") {
        return [{ path, message: `is a key of type "${key.name}"; Azure accepts only ssh-ed25519 keys and ssh-rsa keys of ${MIN_RSA_BITS} bits or more (generate one with ssh-keygen -t ed25519).` }];
    }
    if (key.type === "ssh-rsa" && key.bits < MIN_RSA_BITS) {
        return [{ path, message: `is a ${key.bits}-bit RSA key; Azure needs at least ${MIN_RSA_BITS} bits (generate one with ssh-keygen -t ed25519).` }];
    }
    return [];
}

/**
 * The most custom data Azure takes: "The maximum length of the binary array is 65535 bytes" (Compute REST API
 * 2024-11-01, OSProfile.customData). The limit is on the bytes; the base64 the component sends is a third longer.
 */
export const MAX_CUSTOM_DATA_BYTES = 65535;

/** Checks custom data given as a plain string, by its UTF-8 bytes (custom data that is a Pulumi Output is not checked). */
export function checkCustomData(path: string, text: string): Problem[] {
    const bytes = Buffer.byteLength(text, "utf8");
    return bytes <= MAX_CUSTOM_DATA_BYTES ? [] : [{
        path,
        message: `is ${bytes} bytes; Azure takes at most ${MAX_CUSTOM_DATA_BYTES} bytes of custom data (move the rest to a script the VM downloads, or compress it: cloud-init reads gzip).`,
    }];
}
