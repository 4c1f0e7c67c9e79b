/**
 * The PowerShell script a managed Run Command runs on a domain controller to create the forest once. It runs as
 * SYSTEM, again whenever the command changes and on a replaced VM, so it is safe to re-run forever.
 * Pure: plain data in, script text out. Only validated plain values (domain and NetBIOS names, paths) are written into
 * it, always as quoted literals; a secret never is: the safe-mode password reaches the promotion script only as a
 * protected Run Command parameter.
 */
import { powerShellLiteral } from "../../core/quoting";

/**
 * The parameter the promotion script takes the Directory Services Restore Mode password in: base64 of its UTF-8
 * bytes. Run Command passes parameters on a command line (`script.ps1 -Name value`, Microsoft Learn "Run scripts in
 * your Windows VM by using managed Run Commands"), through a cmd.exe layer that strips `^ & % < > | "`
 * (Azure/azure-powershell#29880, #19087); base64 holds none of them, and the script decodes it.
 */
export const SAFE_MODE_PASSWORD_PARAMETER = "SafeModePasswordBase64";

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
 * earlier controller's: promoting over it would make a different forest), installs AD DS with its tools, creates the
 * forest with DNS (forwarding what is outside the domain to Azure DNS) and its database, logs and SYSVOL on the NTDS
 * disk, and schedules the restart the promotion needs a
 * minute later, so that the Run Command reports success before the machine goes down. The safe-mode password arrives
 * only as the protected parameter SAFE_MODE_PASSWORD_PARAMETER and becomes a SecureString inside the script.
 */
export function promoteDomainControllerScript(forest: { domainName: string; netbiosName: string; paths: NtdsPaths }): string {
    return `# Makes this VM the first domain controller of a new forest, once.
param([string]$${SAFE_MODE_PASSWORD_PARAMETER})
$ErrorActionPreference = 'Stop'
$DomainName = ${powerShellLiteral(forest.domainName)}
$NetbiosName = ${powerShellLiteral(forest.netbiosName)}
$MountPoint = ${powerShellLiteral(forest.paths.mountPoint)}
$DatabasePath = ${powerShellLiteral(forest.paths.databasePath)}
$LogPath = ${powerShellLiteral(forest.paths.logPath)}
$SysvolPath = ${powerShellLiteral(forest.paths.sysvolPath)}
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
#    would make a different forest over that data.
$mounted = @(Get-Partition | Where-Object { $_.AccessPaths -contains ($MountPoint + '\\') })
if ($mounted.Count -ne 1) { throw ('no volume is mounted at ' + $MountPoint + '; the NTDS disk must be formatted and mounted before promotion.') }
if (Test-Path -LiteralPath (Join-Path $DatabasePath 'ntds.dit')) {
    throw ($DatabasePath + ' already holds an AD DS database, but this machine is not a domain controller: it was rebuilt with a new OS disk. Nothing was changed. Rebuild the VM from its kept OS disk (osDisk.source), or restore the controller from backup.')
}
if (-not $${SAFE_MODE_PASSWORD_PARAMETER}) { throw 'no safe-mode password was passed (protected parameter ${SAFE_MODE_PASSWORD_PARAMETER}).' }
$safeMode = ConvertTo-SecureString -String ([Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($${SAFE_MODE_PASSWORD_PARAMETER}))) -AsPlainText -Force

# 3. The DNS server and AD DS with their management tools, then the forest, its DNS zone and the data on the NTDS
#    disk. The DNS role goes first so that its service runs (it needs no restart) and takes the forwarder below.
foreach ($name in @('DNS', 'AD-Domain-Services')) {
    $feature = Install-WindowsFeature -Name $name -IncludeManagementTools
    if (-not $feature.Success) { throw ('Install-WindowsFeature ' + $name + ' failed: ' + $feature.ExitCode) }
}
Import-Module ADDSDeployment
$result = Install-ADDSForest -DomainName $DomainName -DomainNetbiosName $NetbiosName -InstallDns \`
    -DatabasePath $DatabasePath -LogPath $LogPath -SysvolPath $SysvolPath \`
    -SafeModeAdministratorPassword $safeMode -NoRebootOnCompletion -Force
if ($result -and $result.Status -and ($result.Status.ToString() -ne 'Success')) { throw ('Install-ADDSForest: ' + $result.Status + ': ' + $result.Message) }
# The VNet's machines resolve every name through this controller. Names outside the domain go on to Azure's resolver,
# ${AZURE_DNS}, which every VNet reaches without internet access (root hints would need outbound DNS to the internet,
# which subnets without default outbound access lack).
Set-DnsServerForwarder -IPAddress '${AZURE_DNS}'

# 4. The promotion takes effect at the restart. A minute's delay lets this command report success first; AD DS
#    answers only once the machine is back, which is what a member's wait command checks.
shutdown.exe /r /t 60 /c 'AD DS promotion: restarting to finish.'
Write-Output ('promoted to the first domain controller of ' + $DomainName + ' (' + $NetbiosName + '); the machine restarts in 60 seconds.')
`;
