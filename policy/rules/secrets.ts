/**
 * Heuristics for text that looks like it carries a secret. Deliberately simple: they look for words and markers,
 * never for entropy, so they miss a bare random string and flag a script that merely mentions "password".
 * That is why the custom-data rule that uses them is advisory.
 */

/** Markers in free text (custom data, user data), each with how a message names it. */
const SECRET_MARKERS: readonly { readonly pattern: RegExp; readonly what: string }[] = [
    { pattern: /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/, what: "a private key (\"-----BEGIN ... PRIVATE KEY-----\")" },
    { pattern: /password/i, what: "the word \"password\"" },
    { pattern: /secret/i, what: "the word \"secret\"" },
    { pattern: /token/i, what: "the word \"token\"" },
];

const BASE64 = /^[A-Za-z0-9+/\s]+={0,2}\s*$/;

/**
 * The text a VM receives: custom data and user data are base64; anything that is not valid base64 is read as it is
 * (azure-native passes the string through, and Azure then rejects it).
 */
export function decodedText(value: string): string {
    if (!BASE64.test(value)) {
        return value;
    }
    const decoded = Buffer.from(value, "base64").toString("utf8");
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
 * A settings key whose value is a secret by its name: pass, password, passphrase, secret, token, private, or a name
 * ending in "key". Names that say "public" (publicKey, sshPublicKey) are not.
 */
export function isSecretKey(key: string): boolean {
    return /pass(word)?|secret|token|key$|private/i.test(key) && !/public/i.test(key);
}
