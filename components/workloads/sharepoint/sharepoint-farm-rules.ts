/**
 * SharePointFarm's rules: the readiness checks (is this a SharePoint farm Microsoft supports: SQL Server edition,
 * MAXDOP, the machines' sizes) and the checks of the farm's own arguments (accounts, passwords, names, sources), as
 * problems and warnings. Pure.
 *
 * Sources (Microsoft Learn, SharePoint Server documentation):
 * - "Software requirements for database servers for SharePoint Server Subscription Edition": "A Standard or Enterprise
 *   Edition of SQL Server for Windows"; "SQL Server Express is not supported". SQL Server Developer's licence is for
 *   development and test only ("SQL Server 2022 licensing guide").
 * - "Hardware and Topology Requirements for SharePoint Server Subscription Edition", "Single server role that uses SQL
 *   Server": 64-bit, 4 cores and 16 GB for a development or evaluation installation, 24 GB for a pilot or user
 *   acceptance test installation running all available services; support is limited for production systems below the
 *   minimums.
 * - "Storage and SQL Server capacity planning and configuration (SharePoint Server)", "Estimate memory requirements":
 *   8 GB minimum for small production deployments; and "SQL Server on Azure VMs: checklist": at least 4 vCPUs.
 * - "Best practices for SQL Server in a SharePoint Server farm": "Set max degree of parallelism (MAXDOP) to 1 for
 *   instances of SQL Server that host SharePoint databases". SqlServerVm sends a MAXDOP to the SQL IaaS agent (given,
 *   or its default from the size), so that value must be 1.
 * - "Naming conventions in Active Directory": a sAMAccountName (pre-Windows 2000 logon name) is at most 20 characters.
 */
import { armIdRule } from "../../core/arm-id-rules";
import { checkChoice, checkUnique, type Problem } from "../../core/problems";
import { OUTBOUND_CHOICES } from "../../network/network-args";
import { characterClasses } from "../../vm/credential-rules";
import { knownSizeFacts, type SizeFacts } from "../../vm/size-facts";
import { checkGivenVault } from "../../vault/guest-secret-plan";

/** The SQL Server editions SharePoint does not support in production (Developer: licence; Express: not supported). */
export const NON_PRODUCTION_SQL_EDITIONS: readonly string[] = ["developer", "express"];

/** The MAXDOP SharePoint's databases need. */
export const SHAREPOINT_MAXDOP = 1;

/** The least a SharePoint server of a single-server-role farm on SQL Server may have, for any farm and for production. */
export const SHAREPOINT_SERVER_MINIMUM = { vcpus: 4, memoryGb: 16 } as const;
export const SHAREPOINT_SERVER_PRODUCTION_MINIMUM = { vcpus: 4, memoryGb: 24 } as const;
/** The least the SQL Server VM of a SharePoint farm may have. */
export const SQL_SERVER_MINIMUM = { vcpus: 4, memoryGb: 8 } as const;

/** What the readiness checks read, as plain values. */
export interface SharePointReadinessInputs {
    readonly production: unknown;
    /** `sqlServer.args.sql.edition`, default `developer`. */
    readonly sqlEdition: string;
    readonly sqlSize: string;
    readonly sqlStatedFacts: Partial<SizeFacts> | undefined;
    /**
     * The MAXDOP the SQL Server VM's registration sends: given in its `sql.instanceSettings.maxDop`, or its default from
     * the size; undefined when it sends none (a size the table does not know), and then the farm's SQL step sets 1.
     */
    readonly sqlMaxDop: { readonly value: number; readonly given: boolean } | undefined;
    readonly sharePointSize: string;
    readonly sharePointStatedFacts: Partial<SizeFacts> | undefined;
}

function checkSize(path: string, machine: string, size: string, stated: Partial<SizeFacts> | undefined, minimum: { vcpus: number; memoryGb: number }, why: string): { problems: Problem[]; warnings: Problem[] } {
    const facts = knownSizeFacts(size, stated);
    if (facts.vcpus === undefined || facts.memoryGb === undefined) {
        return {
            problems: [],
            warnings: [{ path, message: `${JSON.stringify(size)} is not in the library's size table, so the ${machine}'s vCPUs and memory are not checked against SharePoint's minimum of ${minimum.vcpus} vCPUs and ${minimum.memoryGb} GiB (state them in preflightFacts.size to have them checked).` }],
        };
    }
    const short = facts.vcpus < minimum.vcpus || facts.memoryGb < minimum.memoryGb;
    return {
        problems: short ? [{ path, message: `${JSON.stringify(size)} has ${facts.vcpus} vCPUs and ${facts.memoryGb} GiB; the ${machine} needs at least ${minimum.vcpus} vCPUs and ${minimum.memoryGb} GiB ${why} (choose a larger size, e.g. Standard_E4s_v5).` }] : [],
        warnings: [],
    };
}

/**
 * The readiness checks: an explicit `production`; with it, no Developer or Express SQL Server; MAXDOP 1 where the SQL
 * Server VM sets it; the SharePoint and SQL Server VMs' sizes at least SharePoint's minimums. A size the table does not
 * know is a warning.
 */
export function checkSharePointReadiness(r: SharePointReadinessInputs): { problems: Problem[]; warnings: Problem[] } {
    const problems: Problem[] = [];
    const warnings: Problem[] = [];
    if (typeof r.production !== "boolean") {
        problems.push({ path: "production", message: "is missing; say whether the farm serves production (true: Standard or Enterprise SQL Server, pilot-sized machines, updates and your product key required) or development and test (false)." });
    }
    const production = r.production === true;
    if (production && NON_PRODUCTION_SQL_EDITIONS.includes(r.sqlEdition.toLowerCase())) {
        problems.push({
            path: "sqlServer.args.sql.edition",
            message: `is ${JSON.stringify(r.sqlEdition)}, but the farm is declared for production: SharePoint Server supports Standard or Enterprise SQL Server, Express is not supported and Developer's licence forbids production (set edition "standard" or "enterprise", or production: false).`,
        });
    }
    if (r.sqlMaxDop !== undefined && r.sqlMaxDop.value !== SHAREPOINT_MAXDOP) {
        const now = r.sqlMaxDop.given ? `is ${r.sqlMaxDop.value}` : `is not set, so the SQL Server VM sets its default from the size, ${r.sqlMaxDop.value}`;
        problems.push({
            path: "sqlServer.args.sql.instanceSettings.maxDop",
            message: `${now}; SharePoint's databases need MAXDOP ${SHAREPOINT_MAXDOP} ("Best practices for SQL Server in a SharePoint Server farm"), and the SQL IaaS agent would set the other value again on a later update (set maxDop: 1).`,
        });
    }
    const sp = checkSize("sharePointServer.args.size", "SharePoint server", r.sharePointSize, r.sharePointStatedFacts,
        production ? SHAREPOINT_SERVER_PRODUCTION_MINIMUM : SHAREPOINT_SERVER_MINIMUM,
        production ? "for a production farm (SharePoint's pilot minimum for a single-server role with all services)" : "(SharePoint's minimum for a single-server role that uses SQL Server)");
    const sql = checkSize("sqlServer.args.size", "SQL Server VM", r.sqlSize, r.sqlStatedFacts, SQL_SERVER_MINIMUM, "(SharePoint's minimum memory for a small production deployment, and the SQL Server on Azure VMs checklist's vCPUs)");
    problems.push(...sp.problems, ...sql.problems);
    warnings.push(...sp.warnings, ...sql.warnings);
    return { problems, warnings };
}

/** An account's sAMAccountName: 1-20 letters, digits, dots, hyphens and underscores, a letter or digit first, no dot last. */
export function checkAccountName(path: string, value: unknown): Problem[] {
    return typeof value === "string" && /^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$/.test(value) && !value.endsWith(".") ? [] : [{
        path,
        message: `${JSON.stringify(value)} is not an account name the farm makes: use 1 to 20 letters, digits, dots, hyphens and underscores, starting with a letter or digit and not ending with a dot (a sAMAccountName is at most 20 characters).`,
    }];
}

/** A password or the passphrase given as plain text: at least 8 characters and 3 of the 4 character classes. Never repeated. */
export function checkFarmSecret(path: string, value: unknown): Problem[] {
    if (typeof value !== "string") {
        return [];
    }
    const classes = characterClasses(value);
    return value.length >= 8 && classes >= 3 ? [] : [{
        path,
        message: `[secret] is ${value.length} characters with ${classes} of the 4 character classes; it needs at least 8 characters and 3 of lower case, upper case, digit and symbol (choose another, or leave it out to have one generated).`,
    }];
}

/** A product key given as plain text: five groups of five letters and digits. Never repeated. */
export function checkProductKey(path: string, value: unknown): Problem[] {
    return typeof value !== "string" || /^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){4}$/.test(value) ? [] : [{
        path,
        message: "[secret] is not a product key: five groups of five letters and digits, joined by hyphens (XXXXX-XXXXX-XXXXX-XXXXX-XXXXX).",
    }];
}

const DNS_LABEL = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** A name the farm makes an A record for on the domain controller: one label, then the domain. */
export function checkNameInDomain(path: string, value: string, domainName: string): Problem[] {
    const suffix = `.${domainName.toLowerCase()}`;
    const label = value.toLowerCase().endsWith(suffix) ? value.slice(0, -suffix.length) : undefined;
    return label !== undefined && DNS_LABEL.test(label) ? [] : [{
        path,
        message: `${JSON.stringify(value)} is not one label followed by the domain ${JSON.stringify(domainName)}; the farm makes its A record in the domain's zone (use e.g. "sharepoint.${domainName}").`,
    }];
}

/** A port Central Administration may listen on: 1024-65535. */
export function checkCentralAdministrationPort(path: string, value: number): Problem[] {
    return Number.isInteger(value) && value >= 1024 && value <= 65535 ? [] : [{
        path,
        message: `${value} is not a port Central Administration can have; use a whole number from 1024 to 65535 (the web application has 80).`,
    }];
}

/** The database names' prefix: a letter, then up to 19 letters, digits and underscores. */
export function checkDatabasePrefix(path: string, value: string): Problem[] {
    return /^[A-Za-z][A-Za-z0-9_]{0,19}$/.test(value) ? [] : [{
        path,
        message: `${JSON.stringify(value)} is not a database name prefix; use a letter, then up to 19 letters, digits and underscores (e.g. "SP_").`,
    }];
}

const BLOB_URL = /^https:\/\/[a-z0-9]{3,24}\.blob\.core\.windows\.net\/[^?#]+$/;

/**
 * A download URL given as a plain string: HTTPS, without a query (a SAS token is a secret, and would be a Run Command
 * parameter in the open); the ISO must be a blob, which the VM reads with its managed identity.
 */
export function checkDownloadUri(path: string, value: unknown, blobOnly: boolean): Problem[] {
    if (typeof value !== "string") {
        return [];
    }
    if (/[?#]/.test(value)) {
        return [{ path, message: "has a query (a SAS token?); a token is a secret and would travel in a Run Command parameter in the open. Give the URL without it: the SharePoint VM reads blobs with its managed identity (Storage Blob Data Reader; set installSource.storageAccountId to have the farm give it)." }];
    }
    if (blobOnly ? !BLOB_URL.test(value) : !/^https:\/\/[^/\s]+\/\S+$/.test(value)) {
        return [{ path, message: `${JSON.stringify(value)} is not ${blobOnly ? "a blob URL (https://<account>.blob.core.windows.net/<container>/<file>)" : "an HTTPS URL of a file"}.` }];
    }
    return [];
}

/** A SHA-256 given for a download: 64 hexadecimal digits. */
export function checkSha256(path: string, value: string | undefined): Problem[] {
    return value === undefined || /^[0-9A-Fa-f]{64}$/.test(value) ? [] : [{ path, message: `${JSON.stringify(value)} is not a SHA-256: 64 hexadecimal digits.` }];
}

export const checkStorageAccountId = armIdRule("storage account", "Microsoft.Storage/storageAccounts/<name>");

/** What the farm's own arguments are checked from, as plain values. */
export interface SharePointFarmInputs {
    readonly production: boolean;
    readonly domainName: string | undefined;
    readonly accounts: Readonly<Record<"setup" | "farm" | "services" | "appPool", string>>;
    readonly passwords: Readonly<Record<string, unknown>>;
    readonly productKey: unknown;
    readonly siteHostName: string;
    readonly sqlAlias: string;
    readonly centralAdministrationPort: number;
    readonly databasePrefix: string;
    readonly installSource: {
        readonly isoUri?: unknown; readonly isoSha256?: string; readonly microsoftDownload?: boolean; readonly storageAccountId?: unknown;
        readonly updates?: readonly { readonly uri: unknown; readonly sha256?: string }[];
    };
    readonly outbound: string;
    readonly vault: { readonly keyVaultId?: unknown; readonly subnetIds?: readonly unknown[] } | undefined;
    readonly sharePointSubnetId: unknown;
    /** Whether each member VM joins the domain: the farm's accounts must reach it. */
    readonly joins: { readonly sqlServer: boolean; readonly sharePointServer: boolean };
}

/** The farm's own arguments: every problem, and the warnings (an outbound path the farm cannot see). */
export function checkSharePointFarm(f: SharePointFarmInputs): { problems: Problem[]; warnings: Problem[] } {
    const problems: Problem[] = [];
    const warnings: Problem[] = [];
    const accounts = Object.entries(f.accounts);
    for (const [key, value] of accounts) {
        problems.push(...checkAccountName(`accounts.${key}`, value));
    }
    problems.push(...checkUnique(accounts.map(([, value]) => value.toLowerCase()), (i) => `accounts.${accounts[i]?.[0] ?? ""}`, "farm account"));
    for (const [key, value] of Object.entries(f.passwords)) {
        problems.push(...checkFarmSecret(`passwords.${key}`, value));
    }
    problems.push(...checkProductKey("productKey", f.productKey));
    if (f.production && f.productKey === undefined) {
        problems.push({ path: "productKey", message: "is missing; a production farm needs your SharePoint Server Subscription Edition product key (the trial key it uses otherwise expires after 180 days)." });
    }
    if (f.domainName !== undefined) {
        problems.push(...checkNameInDomain("siteHostName", f.siteHostName, f.domainName), ...checkNameInDomain("sqlAlias", f.sqlAlias, f.domainName));
        if (f.siteHostName.toLowerCase() === f.sqlAlias.toLowerCase()) {
            problems.push({ path: "sqlAlias", message: `is the site's host name ${JSON.stringify(f.siteHostName)} too; each needs its own A record (choose another).` });
        }
    }
    problems.push(...checkCentralAdministrationPort("centralAdministrationPort", f.centralAdministrationPort));
    problems.push(...checkDatabasePrefix("databasePrefix", f.databasePrefix));

    const source = f.installSource;
    const iso = source.isoUri !== undefined;
    const microsoft = source.microsoftDownload === true;
    if (iso === microsoft) {
        problems.push({ path: "installSource", message: `${iso ? "has both isoUri and microsoftDownload" : "has neither isoUri nor microsoftDownload: true"}; name exactly one source of the SharePoint Server Subscription Edition ISO.` });
    }
    problems.push(...checkDownloadUri("installSource.isoUri", source.isoUri, true), ...checkSha256("installSource.isoSha256", source.isoSha256));
    if (microsoft && source.isoSha256 !== undefined) {
        problems.push({ path: "installSource.isoSha256", message: "is set with microsoftDownload; Microsoft's ISO is checked against its own SHA-256 (remove isoSha256, or give isoUri)." });
    }
    problems.push(...checkStorageAccountId("installSource.storageAccountId", source.storageAccountId));
    (source.updates ?? []).forEach((update, index) => {
        problems.push(...checkDownloadUri(`installSource.updates[${index}].uri`, update.uri, false), ...checkSha256(`installSource.updates[${index}].sha256`, update.sha256));
    });
    if (f.production && (source.updates ?? []).length === 0) {
        problems.push({ path: "installSource.updates", message: "is empty, but the farm is declared for production; give the latest cumulative update for SharePoint Server Subscription Edition (its packages), so that the farm does not run without its security fixes." });
    }
    problems.push(...checkChoice("outbound", f.outbound, OUTBOUND_CHOICES, "network outbound choice"));
    if (f.outbound === "none") {
        warnings.push({ path: "outbound", message: "is \"none\": the prerequisite installer and the downloads need the internet, so the VMs need a route of your own (a firewall) that admits download.microsoft.com and the prerequisite installer's downloads, or the installation steps fail." });
    }

    const vault = f.vault;
    if (vault?.keyVaultId !== undefined && vault.subnetIds !== undefined) {
        problems.push({ path: "vault", message: "has both keyVaultId and subnetIds; subnetIds are for a vault the farm creates (give one of them)." });
    }
    if (vault?.subnetIds !== undefined && vault.subnetIds.length === 0) {
        problems.push({ path: "vault.subnetIds", message: "is empty; a vault the farm creates admits only these subnets (give the domain controller's and the SharePoint VM's, or leave subnetIds out)." });
    }
    if (vault?.keyVaultId !== undefined) {
        problems.push(...checkGivenVault(vault, f.sharePointSubnetId, { field: "vault", creator: "the farm", subnet: "the SharePoint VM's subnet" }));
    }
    for (const member of ["sqlServer", "sharePointServer"] as const) {
        if (!f.joins[member]) {
            problems.push({ path: `${member}.args.domainJoin`, message: "is missing; the farm's accounts are domain accounts, so the VM must join the domain controller's domain (set domainJoin with dependsOn: [dc.ready])." });
        }
    }
    return { problems, warnings };
}
