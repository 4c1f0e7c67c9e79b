/**
 * The farm's first step, as PowerShell run by a Run Command on the domain controller: the farm's domain accounts,
 * their service principal names and the DNS records of the site and the SQL alias. Pure: script text; only validated
 * plain values are written into it, as quoted literals, and the passwords are read from Key Vault by the script.
 */
import { powerShellLiteral } from "../../core/quoting";
import { KEY_VAULT_READ_HELPERS, READ_VAULT_SECRET_FUNCTIONS, SECRET_WAIT_MINUTES } from "../../vault/guest-secret-scripts";

/** The step's plain parameters: where the passwords are (never a password) and the addresses the DNS records point at. */
export const AD_PARAMETERS = {
    keyVaultName: "KeyVaultName",
    setupSecret: "SetupSecretName",
    farmSecret: "FarmSecretName",
    servicesSecret: "ServicesSecretName",
    appPoolSecret: "AppPoolSecretName",
    sharePointAddress: "SharePointAddress",
    sqlAddress: "SqlAddress",
} as const;

/** One account the step makes: its name, the parameter that names its password's secret, what it is for, its SPNs. */
export interface FarmAccount {
    readonly name: string;
    readonly secretParameter: string;
    readonly description: string;
    readonly servicePrincipalNames: readonly string[];
}

/**
 * The accounts step, run as SYSTEM on the domain controller (there, the controller's computer account, which may
 * create users in its own domain). For each account: created with its password from Key Vault when it does not exist,
 * enabled, its password not expiring (SharePoint changes managed accounts' passwords itself, when you turn that on);
 * an existing account is left as it is, password included, so a re-run changes nothing. Its service principal names
 * are added when missing, and refused when another account holds one. Then the A records `siteLabel` (the SharePoint
 * VM) and `sqlAliasLabel` (the SQL Server VM) in the domain's zone, replaced when they point elsewhere.
 */
export function adAccountsScript(step: { domainName: string; accounts: readonly FarmAccount[]; siteLabel: string; sqlAliasLabel: string }): string {
    const accounts = step.accounts.map((a) => `    @{ Name = ${powerShellLiteral(a.name)}; Secret = $${a.secretParameter}; Description = ${powerShellLiteral(a.description)}; Spns = @(${a.servicePrincipalNames.map(powerShellLiteral).join(", ")}) }`);
    return `# Makes the SharePoint farm's domain accounts, their SPNs and the farm's DNS records, once.
param([string]$${AD_PARAMETERS.keyVaultName}, [string]$${AD_PARAMETERS.setupSecret}, [string]$${AD_PARAMETERS.farmSecret}, [string]$${AD_PARAMETERS.servicesSecret}, [string]$${AD_PARAMETERS.appPoolSecret}, [string]$${AD_PARAMETERS.sharePointAddress}, [string]$${AD_PARAMETERS.sqlAddress})
$ErrorActionPreference = 'Stop'
$DomainName = ${powerShellLiteral(step.domainName)}
$SecretWaitMinutes = ${SECRET_WAIT_MINUTES}
$Accounts = @(
${accounts.join(",\n")}
)
$Records = @(
    @{ Name = ${powerShellLiteral(step.siteLabel)}; Address = $${AD_PARAMETERS.sharePointAddress} },
    @{ Name = ${powerShellLiteral(step.sqlAliasLabel)}; Address = $${AD_PARAMETERS.sqlAddress} }
)
${KEY_VAULT_READ_HELPERS}
${READ_VAULT_SECRET_FUNCTIONS}
${AD_BODY}`;
}

const AD_BODY = `
foreach ($record in $Records) {
    if ($record.Address -notmatch '^\\d{1,3}(\\.\\d{1,3}){3}$') { throw ('the address of ' + $record.Name + ' is not an IPv4 address: ''' + $record.Address + '''.') }
}
Import-Module ActiveDirectory
Import-Module DnsServer

# 1. The accounts: created once, with the password from Key Vault; an existing account keeps its password.
foreach ($account in $Accounts) {
    $existing = Get-ADUser -LDAPFilter ('(sAMAccountName=' + $account.Name + ')')
    if ($existing) {
        Write-Output ('the account ' + $account.Name + ' exists; it is left as it is.')
    } else {
        $password = Read-VaultSecret $${AD_PARAMETERS.keyVaultName} $account.Secret
        try {
            New-ADUser -Name $account.Name -SamAccountName $account.Name -UserPrincipalName ($account.Name + '@' + $DomainName) -Description $account.Description -AccountPassword $password -Enabled $true -PasswordNeverExpires $true -CannotChangePassword $true
        } finally {
            $password.Dispose()
        }
        Write-Output ('created the account ' + $account.Name + '.')
    }
    # 2. Its service principal names: added when missing; one that another account holds is refused (Kerberos needs each SPN once).
    foreach ($spn in $account.Spns) {
        $holders = @(Get-ADObject -LDAPFilter ('(servicePrincipalName=' + $spn + ')') -Properties sAMAccountName)
        $others = @($holders | Where-Object { $_.sAMAccountName -ne $account.Name })
        if ($others.Count -gt 0) { throw ('the SPN ' + $spn + ' belongs to ' + (($others | ForEach-Object { $_.sAMAccountName }) -join ', ') + '; remove it there (setspn -D) or choose another siteHostName.') }
        if ($holders.Count -eq 0) {
            Set-ADUser -Identity $account.Name -ServicePrincipalNames @{ Add = $spn }
            Write-Output ('added the SPN ' + $spn + ' to ' + $account.Name + '.')
        }
    }
}

# 3. The DNS records: the site's host name and the SQL alias, each an A record in the domain's zone.
foreach ($record in $Records) {
    $current = @(Get-DnsServerResourceRecord -ZoneName $DomainName -Name $record.Name -RRType A -ErrorAction SilentlyContinue)
    $right = @($current | Where-Object { $_.RecordData.IPv4Address.IPAddressToString -eq $record.Address })
    foreach ($wrong in @($current | Where-Object { $_.RecordData.IPv4Address.IPAddressToString -ne $record.Address })) {
        Remove-DnsServerResourceRecord -ZoneName $DomainName -InputObject $wrong -Force
    }
    if ($right.Count -eq 0) {
        # Splatted: the PowerShell grammar the tests parse with does not read a parameter name with a digit (-IPv4Address).
        $add = @{ ZoneName = $DomainName; Name = $record.Name; IPv4Address = $record.Address }
        Add-DnsServerResourceRecordA @add
        Write-Output ('added the A record ' + $record.Name + '.' + $DomainName + ' -> ' + $record.Address + '.')
    }
}
Write-Output 'the farm''s accounts, SPNs and DNS records are in place.'
`;
