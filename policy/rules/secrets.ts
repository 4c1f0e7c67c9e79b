/**
 * Heuristics for values that carry a secret, and for boot data that turns password sign-in on. Deliberately simple:
 * they look for names, markers and directives, never for entropy, so they miss a bare random string under an
 * innocent name. A message says what was found and where, never the value.
 */
import { gunzipSync } from "node:zlib";

/** Markers in free text (custom data, user data), each with how a message names it. */
const SECRET_MARKERS: readonly { readonly pattern: RegExp; readonly what: string }[] = [
    { pattern: /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/, what: "a private key (\"-----BEGIN ... PRIVATE KEY-----\")" },
    { pattern: /password/i, what: "the word \"password\"" },
    { pattern: /secret/i, what: "the word \"secret\"" },
    { pattern: /token/i, what: "the word \"token\"" },
];

const BASE64 = /^[A-Za-z0-9+/\s]+={0,2}\s*$/;

/**
 * The text a VM receives: custom data and user data are base64, and cloud-init also takes them gzip-compressed;
 * anything that is not valid base64 is read as it is (azure-native passes the string through, and Azure then
 * rejects it).
 */
export function decodedText(value: string): string {
    if (!BASE64.test(value)) {
        return value;
    }
    const bytes = Buffer.from(value, "base64");
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
        try {
            return gunzipSync(bytes).toString("utf8");
        } catch {
            return value;
        }
    }
    const decoded = bytes.toString("utf8");
    return decoded.includes("\uFFFD") ? value : decoded;
}

/** What in `text` looks like a secret, in the order SECRET_MARKERS lists them; empty when nothing does. */
export function secretMarkers(text: string): string[] {
    return SECRET_MARKERS.filter((m) => m.pattern.test(text)).map((m) => m.what);
}

/** True for a PEM private key anywhere in `text`. */
export function holdsPrivateKey(text: string): boolean {
    return /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(text);
}

/**
 * A settings key (or a Run Command parameter name) whose value is a secret by its name: pass, password, pwd,
 * passphrase, secret, token, private, credential, connection string, SAS, or a name ending in "key". Names that say
 * "public" (publicKey, sshPublicKey) are not, nor names of a reference to a secret or of a group of settings
 * (keyVaultSecretName, secretUrl, privateKeyPath, secretsManagementSettings), whose own keys are read in turn.
 */
export function isSecretKey(key: string): boolean {
    const name = key.replace(/[^A-Za-z0-9]/g, "");
    if (/public/i.test(name)) {
        return false;
    }
    if (/sas(token|url|uri)?$/i.test(name)) {
        return true; // A SAS URL carries its token.
    }
    return !/(name|id|uri|url|path|file|version|settings)$/i.test(name)
        && /pass(word)?|pwd|secret|token|key$|private|credential|connectionstring/i.test(name);
}

/** A name that holds a secret, ending in the word that says so (`-Password`, `DB_PASSWORD`, `$apiToken`). */
const SECRET_NAME = String.raw`[A-Za-z0-9_.-]*(?:password|passwd|passphrase|pwd|secret|token|api_?key)`;
/** A quoted literal with nothing a shell would expand. */
const QUOTED = String.raw`(?:'[^'$\n]+'|"[^"$\n]+")`;
/** An unquoted literal: not a variable, a subexpression or the next flag. */
const BARE = String.raw`[^\s'"$%(){}[\]|;&<>\x60,-][^\s'"|;&<>\x60]*`;

/** A secret-named argument or assignment given a literal value, in commands and scripts. */
const LITERAL_SECRETS: readonly RegExp[] = [
    // PASSWORD=x, --password=x, Password=x; in a connection string
    new RegExp(String.raw`(?:^|[^A-Za-z0-9_.-])(${SECRET_NAME})=(?:${QUOTED}|${BARE})`, "im"),
    // $Password = 'x', password: "x"
    new RegExp(String.raw`(?:^|[^A-Za-z0-9_.-])\$?(${SECRET_NAME})\s*[=:]\s*${QUOTED}`, "im"),
    // -Password x, --password 'x'
    new RegExp(String.raw`(?:^|\s)(-{1,2}${SECRET_NAME})\s+(?:${QUOTED}|${BARE})`, "im"),
];

/**
 * What in a command, a script or a settings value looks like a secret, each said as a predicate ("holds a private
 * key"); empty when nothing does. Base64 text (a CustomScript `script`) is read decoded as well.
 */
export function secretsInText(value: string): string[] {
    const found = new Set<string>();
    for (const text of new Set([value, decodedText(value)])) {
        if (holdsPrivateKey(text)) {
            found.add("holds a private key");
        }
        if (/[?&]sig=[^&\s"']+/i.test(text)) {
            found.add("holds a SAS token (a URL with sig=)");
        }
        if (/(?:AccountKey|SharedAccessKey)=[^;\s"']+/i.test(text)) {
            found.add("holds a key in a connection string (AccountKey= or SharedAccessKey=)");
        }
        for (const pattern of LITERAL_SECRETS) {
            const name = pattern.exec(text)?.[1];
            if (name !== undefined) {
                found.add(`passes ${JSON.stringify(name)} a literal value`);
            }
        }
    }
    return [...found];
}

/** A value worth reporting under a secret-named key: not absent, null, empty or an empty list. */
export function filled(value: unknown): boolean {
    return value !== undefined && value !== null && value !== "" && !(Array.isArray(value) && value.length === 0);
}

/**
 * Every place in a settings object that looks secret, with why: a value under a secret-named key, or a string that
 * holds a secret (secretsInText). The value itself is never put in a message.
 */
export function secretsIn(value: unknown, path: string): { path: string; why: string }[] {
    if (typeof value === "string") {
        return secretsInText(value).map((why) => ({ path, why }));
    }
    if (value === null || typeof value !== "object") {
        return [];
    }
    return Object.entries(value).flatMap(([key, v]) => {
        const at = Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`;
        return !Array.isArray(value) && isSecretKey(key) && filled(v)
            ? [{ path: at, why: "has a value under a key that names a secret" }]
            : secretsIn(v, at);
    });
}

const SSH_KEYS_ONLY = "remove it, so the VM accepts SSH keys only";

/**
 * What in cloud-init boot data turns password sign-in on, each with its fix; and an `#include`, whose configuration
 * comes from URLs the pack cannot read.
 */
export function passwordSignIn(text: string): { why: string; fix: string }[] {
    const found: { why: string; fix: string }[] = [];
    if (/^#include(-once)?\b/.test(text.trimStart())) {
        found.push({ why: "starts with #include, so cloud-init fetches its configuration from URLs the pack cannot read", fix: "put the configuration in the data itself, so it can be checked" });
    }
    if (/^\s*ssh_pwauth\s*:\s*["']?(true|yes|on|1)["']?\s*$/im.test(text)) {
        found.push({ why: "sets ssh_pwauth: true, which turns SSH password sign-in on", fix: SSH_KEYS_ONLY });
    }
    if (chpasswdSetsPasswords(text)) {
        found.push({ why: "sets passwords with chpasswd (list or users)", fix: SSH_KEYS_ONLY });
    }
    if (/^\s*(-\s*)?plain_text_passwd\s*:/im.test(text)) {
        found.push({ why: "sets a user's password with plain_text_passwd", fix: SSH_KEYS_ONLY });
    }
    if (/PasswordAuthentication\s+yes/i.test(text)) {
        found.push({ why: "writes PasswordAuthentication yes, which turns SSH password sign-in on in sshd", fix: SSH_KEYS_ONLY });
    }
    return found;
}

/** A cloud-config `chpasswd:` with a `list` or `users` under it (or inline), which is how it sets passwords. */
function chpasswdSetsPasswords(text: string): boolean {
    const lines = text.split(/\r?\n/);
    return lines.some((line, i) => {
        const match = /^(\s*)chpasswd\s*:(.*)$/.exec(line);
        if (!match) {
            return false;
        }
        const indent = match[1]?.length ?? 0;
        const block = [match[2] ?? ""];
        for (const next of lines.slice(i + 1)) {
            if (next.trim() !== "" && (/^\s*/.exec(next)?.[0].length ?? 0) <= indent) {
                break;
            }
            block.push(next);
        }
        return /(^|[\s{,])(list|users)\s*:/m.test(block.join("\n"));
    });
}
