/**
 * Active Directory's own naming rules as pure checks: a domain's DNS and NetBIOS names, a domain account and an OU,
 * for a VM's domain join and for a domain controller's forest.
 * Sources: Microsoft Learn "Naming conventions in Active Directory for computers, domains, sites, and OUs" (DNS domain
 * names: letters, digits, hyphens and periods, 63 bytes a label, at most 64 characters for an AD domain because
 * SYSVOL paths hold it twice within MAX_PATH; single-label names need extra configuration and are not located by
 * DNS; NetBIOS domain names: at most 15 characters).
 */
import type { Problem } from "../core/problems";

/** The longest AD DNS domain name: SYSVOL paths hold it twice within Windows' 260-character MAX_PATH. */
export const MAX_AD_DOMAIN_NAME = 64;
/** The longest NetBIOS domain name (the 16th character is reserved). */
export const MAX_NETBIOS_NAME = 15;
const DNS_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const NETBIOS_NAME = /^[A-Za-z0-9-]{1,15}$/;
/** sAMAccountName: at most 20 characters, none of `" / \ [ ] : ; | = , + * ? < > @`. */
const SAM_ACCOUNT_NAME = /^[^"/\\[\]:;|=,+*?<>@\s]{1,20}$/;
const UPN_PREFIX = /^[^"\\@\s]{1,64}$/;

function isDnsName(value: string): boolean {
    return value.length <= 255 && value.split(".").every((label) => DNS_LABEL.test(label));
}

/** An AD forest's DNS name, like `corp.contoso.com`. */
export function checkAdDomainName(path: string, value: string): Problem[] {
    if (!isDnsName(value)) {
        return [{ path, message: `"${value}" is not a DNS domain name: labels of letters, digits and hyphens (not first or last in a label), separated by periods, like "corp.contoso.com".` }];
    }
    if (!value.includes(".")) {
        return [{ path, message: `"${value}" is a single-label name; Active Directory needs at least two labels, like "corp.${value}" (DNS does not locate the controllers of a single-label domain without extra configuration).` }];
    }
    if (value.length > MAX_AD_DOMAIN_NAME) {
        return [{ path, message: `"${value}" is ${value.length} characters; an Active Directory domain name is at most ${MAX_AD_DOMAIN_NAME} (SYSVOL paths hold it twice within Windows' 260-character limit).` }];
    }
    return [];
}

/** The NetBIOS name a forest gets by default: the first label of its DNS name, upper-cased (`corp.contoso.com` -> `CORP`). */
export function defaultNetbiosName(domainName: string): string {
    return (domainName.split(".")[0] ?? domainName).toUpperCase();
}

/** A NetBIOS domain name: 1 to 15 letters, digits and hyphens, not only digits. */
export function checkNetbiosName(path: string, value: string, derivedFrom?: string): Problem[] {
    if (NETBIOS_NAME.test(value) && !/^\d+$/.test(value)) {
        return [];
    }
    if (derivedFrom !== undefined) {
        return [{ path, message: `is not set, and the default taken from domainName "${derivedFrom}", "${value}", is not a NetBIOS domain name (1 to ${MAX_NETBIOS_NAME} letters, digits and hyphens, not only digits); set netbiosName.` }];
    }
    return [{ path, message: `"${value}" is not a NetBIOS domain name: 1 to ${MAX_NETBIOS_NAME} letters, digits and hyphens, not only digits (set netbiosName).` }];
}

/** The account that joins a VM: `CORP\joiner` (NetBIOS domain and account name) or `joiner@corp.contoso.com` (UPN). */
export function checkDomainUser(path: string, value: string): Problem[] {
    const down = /^([^\\]+)\\([^\\]+)$/.exec(value);
    if (down !== null) {
        const [, domain = "", account = ""] = down;
        if (NETBIOS_NAME.test(domain) && SAM_ACCOUNT_NAME.test(account)) {
            return [];
        }
    } else {
        const at = value.lastIndexOf("@");
        if (at > 0 && UPN_PREFIX.test(value.slice(0, at)) && isDnsName(value.slice(at + 1)) && value.slice(at + 1).includes(".")) {
            return [];
        }
    }
    return [{
        path,
        message: `"${value}" is not a domain account; write it as "CORP\\joiner" (NetBIOS domain name, a backslash, an account name of at most 20 characters) or as "joiner@corp.contoso.com".`,
    }];
}

/** The distinguished name's parts, split at the commas that are not escaped. */
function rdns(dn: string): string[] {
    return dn.split(/(?<!\\),/).map((part) => part.trim());
}

/** An OU's distinguished name in the domain, like `OU=Servers,DC=corp,DC=contoso,DC=com`. */
export function checkOuPath(path: string, value: string, domainName: string | undefined): Problem[] {
    const parts = rdns(value);
    if (!/^(OU|CN)=./i.test(parts[0] ?? "") || !parts.every((part) => /^(OU|CN|DC)=./i.test(part))) {
        return [{ path, message: `"${value}" is not an OU's distinguished name, like "OU=Servers,DC=corp,DC=contoso,DC=com".` }];
    }
    if (domainName === undefined) {
        return [];
    }
    const expected = domainName.split(".").map((label) => `DC=${label}`);
    const actual = parts.filter((part) => /^DC=/i.test(part));
    const sameDomain = actual.length === expected.length && actual.every((part, i) => part.toLowerCase() === expected[i]?.toLowerCase())
        && parts.slice(-expected.length).every((part) => /^DC=/i.test(part));
    return sameDomain ? [] : [{
        path,
        message: `"${value}" is not in the domain "${domainName}", whose distinguished names end with "${expected.join(",")}" (correct it, or remove ouPath to use the domain's Computers container).`,
    }];
}
