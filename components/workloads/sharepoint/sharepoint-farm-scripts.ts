/**
 * The farm step, as PowerShell: the configuration database, Central Administration, the managed accounts, the core
 * service applications, a web application and its root site collection; or, on a SharePoint VM rebuilt over an
 * existing farm, joining that farm. Pure: script text; plain values only, as quoted literals; every password and the
 * passphrase are read from Key Vault by the scripts.
 *
 * Which identity. SharePoint's farm cmdlets must run as the setup account, a domain account that is a local
 * administrator and has dbcreator and securityadmin in SQL Server (Microsoft Learn, "Initial deployment administrative
 * and service accounts in SharePoint Server"); SharePointDsc refuses to run them as the local system account. Run
 * Command runs as SYSTEM, so its script (the launcher) reads the setup account's password from Key Vault and registers
 * a one-time scheduled task that runs the farm script as the setup account, elevated, through Task Scheduler's COM
 * interface (the password goes to `RegisterTaskDefinition`, not to a cmdlet, a command line or a file); it starts the
 * task, waits for it, shows its log and deletes the task, which removes the stored credential. A process started with
 * credentials (`Start-Process -Credential`) cannot be used: Windows does not allow it from the local system account
 * (CreateProcessWithLogonW, "Remarks"). The farm script reads the farm account's and the managed accounts' passwords
 * and the passphrase from Key Vault itself: the VM's identity answers any process on the VM.
 *
 * Create or join, decided from what exists. Sources: Microsoft Learn, "Install SharePoint Server Subscription Edition
 * on one server" and "Add web or application servers to farms in SharePoint Server" (New-SPConfigurationDatabase or
 * Connect-SPConfigurationDatabase, then Install-SPHelpCollection, Initialize-SPResourceSecurity, Install-SPService,
 * Install-SPFeature -AllExistingFeatures, New-SPCentralAdministration, Install-SPApplicationContent), "Create a Web
 * application in SharePoint Server" and the service applications' cmdlet references.
 */
import { powerShellLiteral } from "../../core/quoting";
import { KEY_VAULT_READ_HELPERS, READ_VAULT_SECRET_FUNCTIONS, SECRET_WAIT_MINUTES } from "../../vault/guest-secret-scripts";
import { WORK_FOLDER } from "./sharepoint-install-scripts";
import { RESTART_TICKET_FUNCTIONS } from "./sharepoint-restart-scripts";

/** The farm step's plain parameters: the vault's and the secrets' names, never a secret. */
export const FARM_PARAMETERS = {
    keyVaultName: "KeyVaultName",
    setupSecret: "SetupSecretName",
    farmSecret: "FarmSecretName",
    servicesSecret: "ServicesSecretName",
    appPoolSecret: "AppPoolSecretName",
    passphraseSecret: "PassphraseSecretName",
} as const;

/** How long the launcher waits for the farm script: creating a farm and its service applications takes up to an hour. */
export const FARM_TASK_MINUTES = 150;

/** What the farm script needs to know, all plain: names, the database server, the site. */
export interface FarmSettings {
    /** `CORP\sp-setup` and the others, qualified with the NetBIOS name. */
    readonly setupAccount: string;
    readonly farmAccount: string;
    readonly servicesAccount: string;
    readonly appPoolAccount: string;
    /** `spsql.corp.contoso.com`, with `,<port>` when SQL Server does not listen on 1433. */
    readonly databaseServer: string;
    readonly databasePrefix: string;
    readonly centralAdministrationPort: number;
    /** The web application's host name: `sharepoint.corp.contoso.com`. */
    readonly siteHostName: string;
}

/** The farm script, run by the scheduled task as the setup account. Its log (a transcript) holds no secret: it prints none. */
export function farmWorkScript(s: FarmSettings): string {
    return `# Creates the SharePoint farm, or joins this server to it, and ensures its service applications, web application and site.
param([string]$${FARM_PARAMETERS.keyVaultName}, [string]$${FARM_PARAMETERS.farmSecret}, [string]$${FARM_PARAMETERS.servicesSecret}, [string]$${FARM_PARAMETERS.appPoolSecret}, [string]$${FARM_PARAMETERS.passphraseSecret})
$ErrorActionPreference = 'Stop'
$SecretWaitMinutes = ${SECRET_WAIT_MINUTES}
$SetupAccount = ${powerShellLiteral(s.setupAccount)}
$FarmAccount = ${powerShellLiteral(s.farmAccount)}
$ServicesAccount = ${powerShellLiteral(s.servicesAccount)}
$AppPoolAccount = ${powerShellLiteral(s.appPoolAccount)}
$DatabaseServer = ${powerShellLiteral(s.databaseServer)}
$ConfigDatabase = ${powerShellLiteral(`${s.databasePrefix}Config`)}
$AdminContentDatabase = ${powerShellLiteral(`${s.databasePrefix}AdminContent`)}
$ContentDatabase = ${powerShellLiteral(`${s.databasePrefix}Content`)}
$DatabasePrefix = ${powerShellLiteral(s.databasePrefix)}
$CentralAdministrationPort = ${s.centralAdministrationPort}
$SiteHostName = ${powerShellLiteral(s.siteHostName)}
$SiteUrl = ${powerShellLiteral(`http://${s.siteHostName}/`)}
$ServicePoolName = 'SharePoint Service Applications'
${KEY_VAULT_READ_HELPERS}
${READ_VAULT_SECRET_FUNCTIONS}
${FARM_WORK_BODY}`;
}

const FARM_WORK_BODY = `
function Test-Database([string]$Name) {
    $connection = New-Object System.Data.SqlClient.SqlConnection ('Server=' + $DatabaseServer + ';Database=master;Integrated Security=SSPI;Connect Timeout=30;Application Name=SharePointFarm')
    $connection.Open()
    try {
        $command = $connection.CreateCommand()
        $command.CommandText = 'SELECT DB_ID(@name)'
        [void]$command.Parameters.AddWithValue('@name', $Name)
        return -not ($command.ExecuteScalar() -is [System.DBNull])
    } finally {
        $connection.Dispose()
    }
}
# Newer builds ask how connections to SQL Server are encrypted; Optional keeps SQL Server's own certificate settings.
function Get-EncryptionArguments([string]$Cmdlet) {
    if ((Get-Command $Cmdlet).Parameters.ContainsKey('DatabaseConnectionEncryption')) { return @{ DatabaseConnectionEncryption = 'Optional' } }
    return @{}
}

if (Get-Module -ListAvailable -Name SharePointServer) { Import-Module SharePointServer -DisableNameChecking } else { Add-PSSnapin Microsoft.SharePoint.PowerShell }

# 1. The farm: this server is in it already, or the configuration database exists (a rebuilt server joins it), or a new one is made.
$farm = $null
try { $farm = Get-SPFarm } catch { $farm = $null }
if ($null -eq $farm) {
    $passphrase = Read-VaultSecret $${FARM_PARAMETERS.keyVaultName} $${FARM_PARAMETERS.passphraseSecret}
    try {
        if (Test-Database $ConfigDatabase) {
            Write-Output ('the configuration database ' + $ConfigDatabase + ' exists on ' + $DatabaseServer + ': joining this server to its farm.')
            $encryption = Get-EncryptionArguments 'Connect-SPConfigurationDatabase'
            Connect-SPConfigurationDatabase -DatabaseServer $DatabaseServer -DatabaseName $ConfigDatabase -Passphrase $passphrase -LocalServerRole SingleServerFarm @encryption
        } else {
            Write-Output ('creating the farm: configuration database ' + $ConfigDatabase + ' on ' + $DatabaseServer + '.')
            $farmPassword = Read-VaultSecret $${FARM_PARAMETERS.keyVaultName} $${FARM_PARAMETERS.farmSecret}
            $farmCredential = New-Object System.Management.Automation.PSCredential ($FarmAccount, $farmPassword)
            $encryption = Get-EncryptionArguments 'New-SPConfigurationDatabase'
            New-SPConfigurationDatabase -DatabaseServer $DatabaseServer -DatabaseName $ConfigDatabase -AdministrationContentDatabaseName $AdminContentDatabase -Passphrase $passphrase -FarmCredentials $farmCredential -LocalServerRole SingleServerFarm @encryption
            $farmCredential = $null
            $farmPassword.Dispose()
        }
    } finally {
        $passphrase.Dispose()
    }
    Install-SPHelpCollection -All
    Initialize-SPResourceSecurity
    Install-SPService
    Install-SPFeature -AllExistingFeatures -Force | Out-Null
    $centralAdministration = Get-SPWebApplication -IncludeCentralAdministration | Where-Object { $_.IsAdministrationWebApplication }
    if ($null -eq $centralAdministration) {
        New-SPCentralAdministration -Port $CentralAdministrationPort -WindowsAuthProvider NTLM
    } else {
        Get-SPServiceInstance -Server $env:COMPUTERNAME | Where-Object { $_.TypeName -eq 'Central Administration' -and $_.Status -ne 'Online' } | Start-SPServiceInstance | Out-Null
    }
    Install-SPApplicationContent
} else {
    Write-Output 'this server is in the farm already.'
}

# 2. The managed accounts, made once with their passwords from Key Vault.
foreach ($account in @(@{ Name = $ServicesAccount; Secret = $${FARM_PARAMETERS.servicesSecret} }, @{ Name = $AppPoolAccount; Secret = $${FARM_PARAMETERS.appPoolSecret} })) {
    if ($null -eq (Get-SPManagedAccount -Identity $account.Name -ErrorAction SilentlyContinue)) {
        $password = Read-VaultSecret $${FARM_PARAMETERS.keyVaultName} $account.Secret
        try {
            New-SPManagedAccount -Credential (New-Object System.Management.Automation.PSCredential ($account.Name, $password)) | Out-Null
        } finally {
            $password.Dispose()
        }
        Write-Output ('registered the managed account ' + $account.Name + '.')
    }
}

# 3. The core service applications, on their own application pool: usage and health data, state, managed metadata.
$pool = Get-SPServiceApplicationPool -Identity $ServicePoolName -ErrorAction SilentlyContinue
if ($null -eq $pool) { $pool = New-SPServiceApplicationPool -Name $ServicePoolName -Account (Get-SPManagedAccount -Identity $ServicesAccount) }
if ($null -eq (Get-SPUsageApplication -ErrorAction SilentlyContinue)) {
    New-SPUsageApplication -Name 'Usage and Health Data Collection' -DatabaseServer $DatabaseServer -DatabaseName ($DatabasePrefix + 'UsageAndHealth') | Out-Null
    Write-Output 'created the usage and health data collection service application.'
}
if ($null -eq (Get-SPStateServiceApplication -ErrorAction SilentlyContinue)) {
    $stateDatabase = New-SPStateServiceDatabase -Name ($DatabasePrefix + 'State') -DatabaseServer $DatabaseServer
    $state = New-SPStateServiceApplication -Name 'State Service' -Database $stateDatabase
    New-SPStateServiceApplicationProxy -Name 'State Service Proxy' -ServiceApplication $state -DefaultProxyGroup | Out-Null
    Write-Output 'created the state service application.'
}
if ($null -eq (Get-SPServiceApplication | Where-Object { $_.TypeName -eq 'Managed Metadata Service' })) {
    $metadata = New-SPMetadataServiceApplication -Name 'Managed Metadata Service' -ApplicationPool $pool -DatabaseServer $DatabaseServer -DatabaseName ($DatabasePrefix + 'ManagedMetadata')
    New-SPMetadataServiceApplicationProxy -Name 'Managed Metadata Service Proxy' -ServiceApplication $metadata -DefaultProxyGroup | Out-Null
    Write-Output 'created the managed metadata service application.'
}

# 4. The web application, with Windows authentication, and its root site collection (a team site).
$web = Get-SPWebApplication -Identity $SiteUrl -ErrorAction SilentlyContinue
if ($null -eq $web) {
    $provider = New-SPAuthenticationProvider
    $web = New-SPWebApplication -Name ('SharePoint - ' + $SiteHostName) -ApplicationPool 'SharePoint - Content' -ApplicationPoolAccount (Get-SPManagedAccount -Identity $AppPoolAccount) -Url $SiteUrl -HostHeader $SiteHostName -Port 80 -AuthenticationProvider $provider -DatabaseServer $DatabaseServer -DatabaseName $ContentDatabase
    Write-Output ('created the web application ' + $SiteUrl + '.')
} else {
    # A server that joined an existing farm serves its web applications too.
    $web.ProvisionGlobally()
}
if ($null -eq (Get-SPSite -Identity $SiteUrl -ErrorAction SilentlyContinue)) {
    New-SPSite -Url $SiteUrl -OwnerAlias $SetupAccount -Template 'STS#3' -Name 'Home' | Out-Null
    Write-Output ('created the root site collection ' + $SiteUrl + '.')
}
Write-Output ('the farm is ready: ' + $SiteUrl + ', Central Administration on port ' + $CentralAdministrationPort + ' of ' + $env:COMPUTERNAME + '.')
`;

/**
 * The farm step's launcher, run as SYSTEM by the Run Command: it refuses to run while a restart is open, writes the
 * farm script (the work folder admits SYSTEM and Administrators only), reads the setup account's password from Key
 * Vault, runs the farm script as the setup account through a one-time scheduled task, waits for it (at most
 * `FARM_TASK_MINUTES`), deletes the task, shows the farm script's log and fails when it failed.
 */
export function farmLauncherScript(s: FarmSettings & { readonly taskName: string }): string {
    const work = farmWorkScript(s);
    if (/^'@/m.test(work)) {
        throw new Error("internal: the farm script would end the launcher's here-string");
    }
    return `# Runs the SharePoint farm script as the setup account, once, and shows its log.
param([string]$${FARM_PARAMETERS.keyVaultName}, [string]$${FARM_PARAMETERS.setupSecret}, [string]$${FARM_PARAMETERS.farmSecret}, [string]$${FARM_PARAMETERS.servicesSecret}, [string]$${FARM_PARAMETERS.appPoolSecret}, [string]$${FARM_PARAMETERS.passphraseSecret})
$ErrorActionPreference = 'Stop'
$SecretWaitMinutes = ${SECRET_WAIT_MINUTES}
$WorkFolder = ${powerShellLiteral(WORK_FOLDER)}
$SetupAccount = ${powerShellLiteral(s.setupAccount)}
$TaskName = ${powerShellLiteral(s.taskName)}
$TaskMinutes = ${FARM_TASK_MINUTES}
$FarmScript = @'
${work}
'@
${RESTART_TICKET_FUNCTIONS}
${KEY_VAULT_READ_HELPERS}
${READ_VAULT_SECRET_FUNCTIONS}
${LAUNCHER_BODY}`;
}

const LAUNCHER_BODY = `
Assert-NoOpenRestart
foreach ($name in @($${FARM_PARAMETERS.farmSecret}, $${FARM_PARAMETERS.servicesSecret}, $${FARM_PARAMETERS.appPoolSecret}, $${FARM_PARAMETERS.passphraseSecret})) {
    if ($name -notmatch '^[A-Za-z0-9-]{1,127}$') { throw ('not a key vault secret name: ''' + $name + '''.') }
}
if (-not (Test-Path -LiteralPath $WorkFolder)) { throw ('the work folder ' + $WorkFolder + ' is missing; the installation steps run before the farm step.') }
$scriptPath = Join-Path $WorkFolder 'farm.ps1'
$logPath = Join-Path $WorkFolder 'farm.log'
Set-Content -LiteralPath $scriptPath -Value $FarmScript -Encoding UTF8
Remove-Item -LiteralPath $logPath -Force -ErrorAction SilentlyContinue

# The task: the farm script as the setup account, elevated, its output in the log. No secret is in its arguments.
$arguments = '-NoProfile -NonInteractive -ExecutionPolicy Bypass -Command "& { Start-Transcript -LiteralPath ''' + $logPath + ''' | Out-Null; try { & ''' + $scriptPath + ''' -${FARM_PARAMETERS.keyVaultName} ' + $${FARM_PARAMETERS.keyVaultName} + ' -${FARM_PARAMETERS.farmSecret} ' + $${FARM_PARAMETERS.farmSecret} + ' -${FARM_PARAMETERS.servicesSecret} ' + $${FARM_PARAMETERS.servicesSecret} + ' -${FARM_PARAMETERS.appPoolSecret} ' + $${FARM_PARAMETERS.appPoolSecret} + ' -${FARM_PARAMETERS.passphraseSecret} ' + $${FARM_PARAMETERS.passphraseSecret} + '; exit 0 } catch { Write-Output (''failed: '' + $_.Exception.Message); exit 1 } finally { Stop-Transcript | Out-Null } }"'
$service = New-Object -ComObject 'Schedule.Service'
$service.Connect()
$folder = $service.GetFolder('\\')
$definition = $service.NewTask(0)
$definition.RegistrationInfo.Description = 'SharePoint farm: creates or joins the farm as the setup account; deleted when it ends.'
$definition.Principal.RunLevel = 1
$definition.Settings.ExecutionTimeLimit = 'PT' + $TaskMinutes + 'M'
$definition.Settings.DisallowStartIfOnBatteries = $false
$definition.Settings.StopIfGoingOnBatteries = $false
$action = $definition.Actions.Create(0)
$action.Path = Join-Path $env:SystemRoot 'System32\\WindowsPowerShell\\v1.0\\powershell.exe'
$action.Arguments = $arguments
$password = Read-VaultSecret $${FARM_PARAMETERS.keyVaultName} $${FARM_PARAMETERS.setupSecret}
try {
    # Task Scheduler keeps the password to log the account on (TASK_LOGON_PASSWORD); deleting the task removes it.
    $plain = ConvertFrom-SecureValue $password
    $task = $folder.RegisterTaskDefinition($TaskName, $definition, 6, $SetupAccount, $plain, 1)
    $plain = $null
} finally {
    $password.Dispose()
}
try {
    [void]$task.Run($null)
    $deadline = (Get-Date).AddMinutes($TaskMinutes + 5)
    Start-Sleep -Seconds 10
    # 2 queued, 4 running; 3 ready again when it has ended.
    while (@(2, 4) -contains $task.State) {
        if ((Get-Date) -ge $deadline) { throw ('the farm script did not end within ' + $TaskMinutes + ' minutes.') }
        Start-Sleep -Seconds 15
    }
    $result = $task.LastTaskResult
} finally {
    $folder.DeleteTask($TaskName, 0)
}
if (Test-Path -LiteralPath $logPath) { Get-Content -LiteralPath $logPath -Tail 200 | Write-Output }
if ($result -ne 0) { throw ('the farm script failed (task result ' + $result + '); its log, above, is ' + $logPath + '.') }
`;
