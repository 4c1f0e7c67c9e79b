/**
 * The SharePoint VM's installation steps, as PowerShell run by Run Commands as SYSTEM: the prerequisites, the
 * binaries, the cumulative updates. Each ends by asking for a restart when Windows or the installer needs one (the
 * barrier after it, on the domain controller, restarts the VM: sharepoint-restart-scripts.ts), and each begins by
 * refusing to run while a requested restart has not happened. Each is safe to run again: it does only what is not
 * done yet. Pure: script text; plain values only, as quoted literals; the product key is read from Key Vault.
 *
 * Sources: Microsoft Learn, "Install SharePoint Server Subscription Edition" and "Installing SharePoint Server
 * Subscription Edition on Windows Server Core" (mount the ISO, run `prerequisiteinstaller.exe`, copy
 * `Files\SetupSilent\config.xml`, give it the product key, run `setup.exe /config`), "Install prerequisites for
 * SharePoint Server from a network share" (`/unattended`; 3010 asks for a restart, 1001 for a restart and another
 * run), "Install a software update (SharePoint Server)" (`/quiet /norestart`); the RTM ISO's link and SHA-256 as
 * Azure/azure-quickstart-templates application-workloads/sharepoint/sharepoint-adfs records them. Blobs are read with
 * the VM's managed identity: a token for `https://storage.azure.com/` from the instance metadata service, sent as a
 * bearer token with `x-ms-version` 2020-04-08 ("Authorize access to blobs using Microsoft Entra ID").
 */
import { powerShellLiteral } from "../../core/quoting";
import { KEY_VAULT_READ_HELPERS, READ_VAULT_SECRET_FUNCTIONS, SECRET_WAIT_MINUTES } from "../../vault/guest-secret-scripts";
import { RESTART_TICKET_FUNCTIONS } from "./sharepoint-restart-scripts";

/** Where the SharePoint VM keeps the media, the updates and the farm step's files: readable by SYSTEM and Administrators only. */
export const WORK_FOLDER = "C:\\ProgramData\\azure-persistent-vm\\sharepoint";

/** Microsoft's SharePoint Server Subscription Edition RTM ISO and its SHA-256. */
export const MICROSOFT_ISO = {
    uri: "https://download.microsoft.com/download/3/f/5/3f5f8a7e-462b-41ff-a5b2-04bdf5821ceb/OfficeServer.iso",
    sha256: "C576B847C573234B68FC602A0318F5794D7A61D8149EB6AE537AF04470B7FC05",
} as const;

/**
 * The 180-day Enterprise trial key Microsoft publishes with the SharePoint Server Subscription Edition download
 * (Microsoft Download Center, "SharePoint Server Subscription Edition", details 103599): a development farm's default.
 */
export const TRIAL_PRODUCT_KEY = "VW2FM-FN9FT-H22J4-WV9GT-H8VKF";

/** The instance metadata service's token endpoint for Azure Storage, for the VM's system-assigned identity. */
export const IMDS_STORAGE_TOKEN_URI = "http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fstorage.azure.com%2F";

/** The installation steps' plain parameters: URLs and where the product key is, never the key. */
export const INSTALL_PARAMETERS = { isoUri: "IsoUri", keyVaultName: "KeyVaultName", productKeySecret: "ProductKeySecretName", updatePrefix: "UpdateUri" } as const;

/**
 * The common part: the work folder (created with an ACL of SYSTEM and Administrators only), the restart ticket,
 * `Save-Download` (a file fetched once over .NET's HTTP client, a blob with the VM's identity, checked against its
 * SHA-256 when one is known, kept for later runs) and `Mount-Media` (the ISO mounted, its root returned).
 */
function commonPart(): string {
    return `$WorkFolder = ${powerShellLiteral(WORK_FOLDER)}
${RESTART_TICKET_FUNCTIONS}
${KEY_VAULT_READ_HELPERS}
function Initialize-WorkFolder {
    if (-not (Test-Path -LiteralPath $WorkFolder)) { New-Item -ItemType Directory -Path $WorkFolder -Force | Out-Null }
    $acl = New-Object System.Security.AccessControl.DirectorySecurity
    $acl.SetAccessRuleProtection($true, $false)
    foreach ($who in @('NT AUTHORITY\\SYSTEM', 'BUILTIN\\Administrators')) {
        $acl.AddAccessRule((New-Object System.Security.AccessControl.FileSystemAccessRule($who, 'FullControl', 'ContainerInherit,ObjectInherit', 'None', 'Allow')))
    }
    Set-Acl -LiteralPath $WorkFolder -AclObject $acl
}
function Save-Download([string]$Uri, [string]$Sha256) {
    if ($Uri -notmatch '^https://[^/?#]+/[^?#]+$') { throw ('not a download URL: ''' + $Uri + '''.') }
    $path = Join-Path $WorkFolder ([System.Uri]$Uri).Segments[-1]
    if ((Test-Path -LiteralPath $path) -and ($Sha256 -eq '' -or (Get-FileHash -LiteralPath $path -Algorithm SHA256).Hash -eq $Sha256)) { return $path }
    $attempt = 0
    while ($true) {
        $attempt++
        try {
            $request = [System.Net.HttpWebRequest]::Create($Uri)
            $request.Timeout = 120000
            $request.ReadWriteTimeout = 300000
            if ($Uri -match '^https://[a-z0-9]+\\.blob\\.core\\.windows\\.net/') {
                $token = (Read-JsonResponse '${IMDS_STORAGE_TOKEN_URI}' 'Metadata' 'true' $true).DocumentElement.SelectSingleNode('access_token').InnerText
                $request.Headers.Add('Authorization', 'Bearer ' + $token)
                $request.Headers.Add('x-ms-version', '2020-04-08')
                $token = $null
            }
            $response = $request.GetResponse()
            try {
                $in = $response.GetResponseStream()
                $out = [System.IO.File]::Create($path + '.part')
                try { $in.CopyTo($out) } finally { $out.Close(); $in.Close() }
            } finally {
                $response.Close()
            }
            Move-Item -LiteralPath ($path + '.part') -Destination $path -Force
            if ($Sha256 -ne '' -and (Get-FileHash -LiteralPath $path -Algorithm SHA256).Hash -ne $Sha256) {
                Remove-Item -LiteralPath $path -Force
                throw ('the download of ' + $Uri + ' does not have the SHA-256 ' + $Sha256 + '.')
            }
            Write-Host ('downloaded ' + $Uri + '.')
            return $path
        } catch {
            if ($attempt -ge 3) { throw ('could not download ' + $Uri + ': ' + (Get-FailureText $_) + ' A blob needs Storage Blob Data Reader for this VM''s identity; Microsoft''s downloads need the network''s outbound path.') }
            Start-Sleep -Seconds (30 * $attempt)
        }
    }
}
function Mount-Media([string]$Iso) {
    $image = Get-DiskImage -ImagePath $Iso
    if (-not $image.Attached) { $image = Mount-DiskImage -ImagePath $Iso -PassThru }
    $letter = ($image | Get-Volume).DriveLetter
    if (-not $letter) { throw ('the ISO ' + $Iso + ' is mounted without a drive letter.') }
    return ($letter + ':\\')
}
function Test-SharePointInstalled {
    return Test-Path -LiteralPath 'HKLM:\\SOFTWARE\\Microsoft\\Office Server\\16.0'
}
function Invoke-Installer([string]$File, [string[]]$Arguments) {
    $process = Start-Process -FilePath $File -ArgumentList $Arguments -Wait -PassThru
    return $process.ExitCode
}`;
}

/** Where the ISO comes from: a blob URL parameter, or Microsoft's link with its SHA-256. */
export type IsoSource = { readonly kind: "blob"; readonly sha256: string | undefined } | { readonly kind: "microsoft" };

function isoLines(source: IsoSource): string {
    return source.kind === "microsoft"
        ? `$IsoUri = ${powerShellLiteral(MICROSOFT_ISO.uri)}\n$IsoSha256 = ${powerShellLiteral(MICROSOFT_ISO.sha256)}`
        : `$IsoUri = $${INSTALL_PARAMETERS.isoUri}\n$IsoSha256 = ${powerShellLiteral((source.sha256 ?? "").toUpperCase())}`;
}

function isoParam(source: IsoSource): string {
    return source.kind === "blob" ? `[string]$${INSTALL_PARAMETERS.isoUri}` : "";
}

/**
 * The prerequisites step, as SYSTEM on the SharePoint VM: the setup account and the group Domain Controllers made
 * local administrators (SharePoint's setup account must be one; the barrier reaches the VM as a domain controller), the
 * ISO fetched and mounted, `prerequisiteinstaller.exe /unattended`, and a restart asked for when it or Windows needs
 * one. Nothing is installed again once SharePoint is.
 */
export function prerequisitesScript(step: { netbiosName: string; setupAccount: string; iso: IsoSource }): string {
    return `# Installs SharePoint Server Subscription Edition's prerequisites.
param(${isoParam(step.iso)})
$ErrorActionPreference = 'Stop'
$StepName = 'the prerequisites'
$Administrators = @(${powerShellLiteral(`${step.netbiosName}\\${step.setupAccount}`)}, ${powerShellLiteral(`${step.netbiosName}\\Domain Controllers`)})
${isoLines(step.iso)}
${commonPart()}
${PREREQUISITES_BODY}`;
}

const PREREQUISITES_BODY = `
Assert-NoOpenRestart
Initialize-WorkFolder

# 1. Local administrators: the setup account, and the domain controllers (the restart barrier's identity).
$members = @(Get-LocalGroupMember -SID 'S-1-5-32-544' | ForEach-Object { $_.Name })
foreach ($who in $Administrators) {
    if ($members -notcontains $who) {
        Add-LocalGroupMember -SID 'S-1-5-32-544' -Member $who
        Write-Output ('made ' + $who + ' a local administrator.')
    }
}

# 2. Prerequisites, unless SharePoint is installed already (a re-run after the binaries).
if (Test-SharePointInstalled) {
    Write-Output 'SharePoint is installed; its prerequisites are in place.'
    exit 0
}
$iso = Save-Download $IsoUri $IsoSha256
$media = Mount-Media $iso
$code = Invoke-Installer (Join-Path $media 'prerequisiteinstaller.exe') @('/unattended')
Write-Output ('prerequisiteinstaller.exe exited with ' + $code + '.')
if (@(0, 3010, 1001) -notcontains $code) { throw ('prerequisiteinstaller.exe failed with exit code ' + $code + '; its log is %TEMP%\\PrerequisiteInstaller.*.log of SYSTEM (C:\\Windows\\Temp).') }
if ($code -ne 0 -or (Test-PendingRestart)) { Request-Restart $StepName }
`;

/**
 * The binaries step, as SYSTEM: the prerequisite installer again (it must now report everything installed: 0), then
 * `setup.exe /config` with a copy of the ISO's `Files\SetupSilent\config.xml` given the product key, read from Key
 * Vault into that file in the work folder (SYSTEM and Administrators only) and deleted when setup ends. A restart is
 * asked for after a fresh installation.
 */
export function binariesScript(step: { iso: IsoSource }): string {
    return `# Installs SharePoint Server Subscription Edition's binaries.
param(${[isoParam(step.iso), `[string]$${INSTALL_PARAMETERS.keyVaultName}`, `[string]$${INSTALL_PARAMETERS.productKeySecret}`].filter((p) => p !== "").join(", ")})
$ErrorActionPreference = 'Stop'
$StepName = 'the binaries'
$SecretWaitMinutes = ${SECRET_WAIT_MINUTES}
${isoLines(step.iso)}
${commonPart()}
${READ_VAULT_SECRET_FUNCTIONS}
${BINARIES_BODY}`;
}

const BINARIES_BODY = `
Assert-NoOpenRestart
if (Test-SharePointInstalled) {
    Write-Output 'SharePoint''s binaries are installed; nothing to do.'
    exit 0
}
Initialize-WorkFolder
$iso = Save-Download $IsoUri $IsoSha256
$media = Mount-Media $iso

# 1. The prerequisites must be complete now, after the restart.
$code = Invoke-Installer (Join-Path $media 'prerequisiteinstaller.exe') @('/unattended')
if ($code -ne 0) {
    if (@(3010, 1001) -contains $code) { Request-Restart 'the prerequisites, again' }
    throw ('prerequisiteinstaller.exe still exits with ' + $code + ' after the restart; run pulumi up again (the barrier restarts the VM), or see %TEMP%\\PrerequisiteInstaller.*.log of SYSTEM.')
}

# 2. setup.exe with the product key from Key Vault, in a file only SYSTEM and Administrators read, deleted afterwards.
$config = New-Object System.Xml.XmlDocument
$config.Load((Join-Path $media 'Files\\SetupSilent\\config.xml'))
$configPath = Join-Path $WorkFolder 'setup-config.xml'
$key = Read-VaultSecret $${INSTALL_PARAMETERS.keyVaultName} $${INSTALL_PARAMETERS.productKeySecret}
try {
    $element = $config.CreateElement('PIDKEY')
    $plain = ConvertFrom-SecureValue $key
    $element.SetAttribute('Value', $plain)
    $plain = $null
    [void]$config.DocumentElement.AppendChild($element)
    $config.Save($configPath)
    $config = $null
    $code = Invoke-Installer (Join-Path $media 'setup.exe') @('/config', ('"' + $configPath + '"'))
} finally {
    $key.Dispose()
    Remove-Item -LiteralPath $configPath -Force -ErrorAction SilentlyContinue
}
Write-Output ('setup.exe exited with ' + $code + '.')
if ($code -ne 0 -or -not (Test-SharePointInstalled)) { throw ('setup.exe failed with exit code ' + $code + '; its log is %TEMP%\\SharePoint Server Setup*.log of SYSTEM (C:\\Windows\\Temp).') }
Request-Restart $StepName
`;

/**
 * The updates step, as SYSTEM: each package fetched (checked against its SHA-256 when given) and run with
 * `/quiet /norestart`, in order, unless the work's state records it installed; 17025 (already installed) counts as
 * installed, and a restart is asked for when a package or Windows needs one.
 */
export function updatesScript(step: { updates: readonly { sha256: string | undefined }[] }): string {
    const parameters = step.updates.map((_, i) => `[string]$${INSTALL_PARAMETERS.updatePrefix}${i + 1}`);
    const list = step.updates.map((u, i) => `    @{ Uri = $${INSTALL_PARAMETERS.updatePrefix}${i + 1}; Sha256 = ${powerShellLiteral((u.sha256 ?? "").toUpperCase())} }`);
    return `# Installs SharePoint Server Subscription Edition's cumulative updates, in order.
param(${parameters.join(", ")})
$ErrorActionPreference = 'Stop'
$StepName = 'the updates'
$Updates = @(
${list.join(",\n")}
)
${commonPart()}
${UPDATES_BODY}`;
}

const UPDATES_BODY = `
Assert-NoOpenRestart
Initialize-WorkFolder
if (-not (Test-SharePointInstalled)) { throw 'SharePoint''s binaries are not installed; the binaries step runs before the updates.' }
$restart = $false
foreach ($update in $Updates) {
    $file = Save-Download $update.Uri $update.Sha256
    $marker = 'Installed ' + (Split-Path -Leaf $file)
    if ((Get-ItemProperty -LiteralPath $StateKey -ErrorAction SilentlyContinue).$marker) {
        Write-Output ((Split-Path -Leaf $file) + ' is installed; skipped.')
        continue
    }
    Unblock-File -LiteralPath $file
    $code = Invoke-Installer $file @('/quiet', '/norestart')
    Write-Output ((Split-Path -Leaf $file) + ' exited with ' + $code + '.')
    if (@(0, 17025, 3010, 17022) -notcontains $code) { throw ((Split-Path -Leaf $file) + ' failed with exit code ' + $code + '; its log is in %TEMP% of SYSTEM (C:\\Windows\\Temp).') }
    if (@(3010, 17022) -contains $code) { $restart = $true }
    if (-not (Test-Path -LiteralPath $StateKey)) { New-Item -Path $StateKey -Force | Out-Null }
    Set-ItemProperty -LiteralPath $StateKey -Name $marker -Value '1'
}
if ($restart -or (Test-PendingRestart)) { Request-Restart $StepName }
`;
