/**
 * The PowerShell script a managed Run Command runs on a domain controller to create the forest once. It runs as
 * SYSTEM, again whenever the command changes and on a replaced VM, so it is safe to re-run forever.
 * Pure: plain data in, script text out. Only validated plain values (domain and NetBIOS names, paths) are written into
 * it, always as quoted literals; a secret never is. Nor is a secret ever a parameter: Run Command passes parameters,
 * protected ones too, on the script's command line (`script.ps1 -Name value`, Microsoft Learn "Run scripts in your
 * Windows VM by using managed Run Commands"), which any process on the VM can read (Win32_Process.CommandLine) and
 * process-creation auditing records (event 4688). The script reads the safe-mode password itself, from Key Vault.
 */
import { powerShellLiteral } from "../../core/quoting";
import { IMDS_KEY_VAULT_TOKEN_URI, KEY_VAULT_API_VERSION, KEY_VAULT_READ_HELPERS, SECRET_WAIT_MINUTES } from "../../vault/guest-secret-scripts";

/** The promotion script's plain parameters: where the safe-mode password is, never the password. */
export const PROMOTE_PARAMETERS = { keyVaultName: "KeyVaultName", secretName: "SecretName" } as const;

/** Azure's recursive resolver, reachable from every VNet at this address (Microsoft Learn "What is IP address 168.63.129.16?"). */
export const AZURE_DNS = "168.63.129.16";

/** Where the AD DS database, its logs and SYSVOL live, under the NTDS disk's mount point. */
export interface NtdsPaths {
    /** The folder the NTDS data disk is mounted at, e.g. `C:\data\ntds`. */
    readonly mountPoint: string;
    readonly databasePath: string;
    readonly logPath: string;
    readonly sysvolPath: string;
}

/** The AD DS paths on a disk mounted at `mountPoint`: the database and logs in `NTDS`, SYSVOL in `SYSVOL`. */
export function ntdsPaths(mountPoint: string): NtdsPaths {
    return { mountPoint, databasePath: `${mountPoint}\\NTDS`, logPath: `${mountPoint}\\NTDS`, sysvolPath: `${mountPoint}\\SYSVOL` };
}

/**
 * A script that makes this VM the first domain controller of a new forest, once: it returns at once on a machine
 * that already is a domain controller (Win32_ComputerSystem DomainRole 4 or 5), so a re-run or a VM rebuilt from its
 * kept OS disk is never promoted again. Otherwise it refuses a machine whose NTDS disk already holds a database (an
 * earlier controller's: promoting over it would make a different forest), installs the DNS server and AD DS with their
 * tools, has the DNS server forward what is outside the domain to Azure DNS, reads the safe-mode password from Key
 * Vault with the VM's managed identity (retrying while the VM's role on the secret takes effect), creates the forest
 * with DNS and its database, logs and SYSVOL on the NTDS disk, and schedules the restart the promotion needs a minute
 * later, so that the Run Command reports success before the machine goes down.
 *
 * The password goes from the HTTPS response into a SecureString with .NET calls only: no cmdlet takes it (or the
 * access token) as a parameter, which PowerShell module logging (event 4103) would record; it is never written to a
 * file, printed, or on a command line. Its only parameters are the vault's and the secret's names.
 */
export function promoteDomainControllerScript(forest: { domainName: string; netbiosName: string; paths: NtdsPaths }): string {
    return `# Makes this VM the first domain controller of a new forest, once.
param([string]$${PROMOTE_PARAMETERS.keyVaultName}, [string]$${PROMOTE_PARAMETERS.secretName})
$ErrorActionPreference = 'Stop'
$DomainName = ${powerShellLiteral(forest.domainName)}
$NetbiosName = ${powerShellLiteral(forest.netbiosName)}
$MountPoint = ${powerShellLiteral(forest.paths.mountPoint)}
$DatabasePath = ${powerShellLiteral(forest.paths.databasePath)}
$LogPath = ${powerShellLiteral(forest.paths.logPath)}
$SysvolPath = ${powerShellLiteral(forest.paths.sysvolPath)}
$SecretWaitMinutes = ${SECRET_WAIT_MINUTES}
${PROMOTE_BODY}`;
}

const PROMOTE_BODY = `
# 1. DomainRole 4 and 5 are backup and primary domain controllers: promoted already, nothing to do.
$role = (Get-CimInstance -ClassName Win32_ComputerSystem).DomainRole
if ($role -ge 4) {
    Write-Output ('already a domain controller (DomainRole ' + $role + '); nothing to do.')
    exit 0
}

# 2. The NTDS disk must be the one mounted at its folder (the format command before this one mounts it), and must not
#    hold an earlier controller's database: this machine is not a controller, so its OS disk is new, and promoting
#    would make a different forest over that data. The vault's and the secret's names go into a URL: Key Vault's
#    name rules only.
$mounted = @(Get-Partition | Where-Object { $_.AccessPaths -contains ($MountPoint + '\\') })
if ($mounted.Count -ne 1) { throw ('no volume is mounted at ' + $MountPoint + '; the NTDS disk must be formatted and mounted before promotion.') }
if (Test-Path -LiteralPath (Join-Path $DatabasePath 'ntds.dit')) {
    throw ($DatabasePath + ' already holds an AD DS database, but this machine is not a domain controller: it was rebuilt with a new OS disk. Nothing was changed. Rebuild the VM from its kept OS disk (osDisk.source), or restore the controller from backup.')
}
if ($${PROMOTE_PARAMETERS.keyVaultName} -notmatch '^[A-Za-z][A-Za-z0-9-]{1,22}[A-Za-z0-9]$') { throw ('the parameter ${PROMOTE_PARAMETERS.keyVaultName} is not a key vault name: ''' + $${PROMOTE_PARAMETERS.keyVaultName} + '''.') }
if ($${PROMOTE_PARAMETERS.secretName} -notmatch '^[A-Za-z0-9-]{1,127}$') { throw ('the parameter ${PROMOTE_PARAMETERS.secretName} is not a key vault secret name: ''' + $${PROMOTE_PARAMETERS.secretName} + '''.') }

# 3. The DNS server and AD DS with their management tools. The DNS role goes first so that its service runs (it needs
#    no restart) and takes the forwarder: names outside the domain go on to Azure's resolver, ${AZURE_DNS}, which every
#    VNet reaches without internet access (root hints would need outbound DNS to the internet, which subnets without
#    default outbound access lack). Set now, it also resolves the vault's name below when the VNet's DNS server is
#    this machine, not yet a controller.
foreach ($name in @('DNS', 'AD-Domain-Services')) {
    $feature = Install-WindowsFeature -Name $name -IncludeManagementTools
    if (-not $feature.Success) { throw ('Install-WindowsFeature ' + $name + ' failed: ' + $feature.ExitCode) }
}
Set-DnsServerForwarder -IPAddress '${AZURE_DNS}'
Clear-DnsClientCache

# 4. The safe-mode password: a token for Key Vault from the instance metadata service, for this VM's system-assigned
#    identity, then the secret, each over .NET's HTTP client and read with .NET's JSON reader, straight into a
#    SecureString. Retried with backoff while the VM's role on the secret takes effect, then a failure that names the
#    vault, the secret and the role. The error bodies it shows are Key Vault's and the metadata service's own; they
#    never hold the secret.
${KEY_VAULT_READ_HELPERS}
$Vault = $${PROMOTE_PARAMETERS.keyVaultName} + '.vault.azure.net'
$SecretUri = 'https://' + $Vault + '/secrets/' + $${PROMOTE_PARAMETERS.secretName} + '?api-version=${KEY_VAULT_API_VERSION}'
$deadline = (Get-Date).AddMinutes($SecretWaitMinutes)
$delay = 5
$safeMode = $null
while ($null -eq $safeMode) {
    $step = 'a token for Key Vault from the instance metadata service'
    try {
        $token = (Read-JsonResponse '${IMDS_KEY_VAULT_TOKEN_URI}' 'Metadata' 'true' $true).DocumentElement.SelectSingleNode('access_token').InnerText
        $step = 'the secret ' + $${PROMOTE_PARAMETERS.secretName} + ' from ' + $Vault
        $secret = Read-JsonResponse $SecretUri 'Authorization' ('Bearer ' + $token) $false
        $token = $null
        $value = $secret.DocumentElement.SelectSingleNode('value')
        if ($null -eq $value -or $value.InnerText.Length -eq 0) { throw 'the secret has no value.' }
        $safeMode = New-Object System.Security.SecureString
        foreach ($character in $value.InnerText.ToCharArray()) { $safeMode.AppendChar($character) }
        $safeMode.MakeReadOnly()
        $value = $null
        $secret = $null
    } catch {
        $token = $null
        $value = $null
        $secret = $null
        $safeMode = $null
        $failure = Get-FailureText $_
        if ((Get-Date) -ge $deadline) {
            throw ('could not read the safe-mode password within ' + $SecretWaitMinutes + ' minutes; the forest was not created. Last failure, reading ' + $step + ': ' + $failure + ' This VM''s system-assigned identity needs the role Key Vault Secrets User on the secret ' + $${PROMOTE_PARAMETERS.secretName} + ' of the key vault ' + $${PROMOTE_PARAMETERS.keyVaultName} + ' (a vault with Azure RBAC authorization), and the vault''s network rules must admit this VM: its subnet with the Microsoft.KeyVault service endpoint, or a private endpoint.')
        }
        Write-Output ('waiting for ' + $step + ' (' + $failure + '); next try in ' + $delay + ' seconds.')
        Start-Sleep -Seconds $delay
        $delay = [Math]::Min($delay * 2, 60)
    }
}

# 5. The forest, its DNS zone and the data on the NTDS disk. Promotion may rewrite the DNS server's forwarders from the
#    machine's own DNS settings, so they are set again after it: the VNet's machines resolve every name through this
#    controller.
Import-Module ADDSDeployment
$result = Install-ADDSForest -DomainName $DomainName -DomainNetbiosName $NetbiosName -InstallDns \`
    -DatabasePath $DatabasePath -LogPath $LogPath -SysvolPath $SysvolPath \`
    -SafeModeAdministratorPassword $safeMode -NoRebootOnCompletion -Force
$safeMode.Dispose()
if ($result -and $result.Status -and ($result.Status.ToString() -ne 'Success')) { throw ('Install-ADDSForest: ' + $result.Status + ': ' + $result.Message) }
Set-DnsServerForwarder -IPAddress '${AZURE_DNS}'

# 6. The promotion takes effect at the restart. A minute's delay lets this command report success first; AD DS
#    answers only once the machine is back, which is what a member's wait command checks.
shutdown.exe /r /t 60 /c 'AD DS promotion: restarting to finish.'
Write-Output ('promoted to the first domain controller of ' + $DomainName + ' (' + $NetbiosName + '); the machine restarts in 60 seconds.')
`;
