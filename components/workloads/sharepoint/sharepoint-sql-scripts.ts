/**
 * The farm's SQL Server step, as PowerShell run by a Run Command on the SQL Server VM: MAXDOP 1 and the setup
 * account's login with dbcreator and securityadmin. Pure: script text, plain values only.
 *
 * Which identity. Run Command runs the script as SYSTEM. To the local SQL Server, SYSTEM is the login
 * `NT AUTHORITY\SYSTEM` (to another server it would be the computer account, `DOMAIN\NAME$`). Whether that login is a
 * sysadmin on the SQL Server image is not documented: Microsoft documents that the VM's administrator account is one
 * ("SQL Server VM image configuration details": "This administrator account is also the member of the SQL Server
 * sysadmin server role"), and the SQL IaaS agent's least-privilege mode works through its own `NT Service` account.
 * So the script first asks SQL Server whether it is a sysadmin. If not, it uses the way Microsoft documents for a
 * local administrator (which SYSTEM is) to reach sysadmin: SQL Server started in single-user mode admits any member of
 * the local Administrators group as a sysadmin ("Connect to SQL Server when system administrators are locked out"),
 * restricted here to clients named SQLCMD (`-mSQLCMD`) so that no agent takes the one connection; it configures, then
 * restarts SQL Server normally. That costs a minute of SQL Server downtime. A re-run that sees the setup account a
 * member of both roles and MAXDOP at 1 changes nothing; one where SYSTEM may not see the roles configures again, the
 * same way, which changes nothing either. SYSTEM itself is given no permanent role.
 */
import { powerShellLiteral } from "../../core/quoting";
import { SHAREPOINT_MAXDOP } from "./sharepoint-farm-rules";

/** How long the step waits for SQL Server to accept connections, after a (re)start. */
export const SQL_READY_MINUTES = 10;

/** The T-SQL the step runs: idempotent, the login as a parameter (`@login`), quoted with QUOTENAME where it becomes a name. */
export const SQL_CONFIGURE = `SET NOCOUNT ON;
DECLARE @statement nvarchar(max);
IF SUSER_ID(@login) IS NULL
BEGIN
    SET @statement = N'CREATE LOGIN ' + QUOTENAME(@login) + N' FROM WINDOWS';
    EXEC (@statement);
END;
IF ISNULL(IS_SRVROLEMEMBER(N'dbcreator', @login), 0) = 0
BEGIN
    SET @statement = N'ALTER SERVER ROLE [dbcreator] ADD MEMBER ' + QUOTENAME(@login);
    EXEC (@statement);
END;
IF ISNULL(IS_SRVROLEMEMBER(N'securityadmin', @login), 0) = 0
BEGIN
    SET @statement = N'ALTER SERVER ROLE [securityadmin] ADD MEMBER ' + QUOTENAME(@login);
    EXEC (@statement);
END;
EXEC sp_configure N'show advanced options', 1;
RECONFIGURE WITH OVERRIDE;
EXEC sp_configure N'max degree of parallelism', ${SHAREPOINT_MAXDOP};
RECONFIGURE WITH OVERRIDE;`;

/** The SQL step for the login `DOMAIN\setup` on the default instance. */
export function sqlConfigScript(step: { setupLogin: string }): string {
    return `# Sets MAXDOP ${SHAREPOINT_MAXDOP} and gives the SharePoint setup account dbcreator and securityadmin, once.
$ErrorActionPreference = 'Stop'
$SetupLogin = ${powerShellLiteral(step.setupLogin)}
$ReadyMinutes = ${SQL_READY_MINUTES}
$Configure = @'
${SQL_CONFIGURE}
'@
${SQL_BODY}`;
}

const SQL_BODY = `
function Open-Sql([string]$Application) {
    $connection = New-Object System.Data.SqlClient.SqlConnection ('Server=.;Database=master;Integrated Security=SSPI;Connect Timeout=15;Application Name=' + $Application)
    $deadline = (Get-Date).AddMinutes($ReadyMinutes)
    while ($true) {
        try {
            $connection.Open()
            return ,$connection
        } catch {
            if ((Get-Date) -ge $deadline) { throw ('SQL Server did not accept a connection within ' + $ReadyMinutes + ' minutes: ' + $_.Exception.Message) }
            Start-Sleep -Seconds 10
        }
    }
}
function Invoke-Configure($Connection) {
    $command = $Connection.CreateCommand()
    $command.CommandText = $Configure
    $command.CommandTimeout = 300
    [void]$command.Parameters.AddWithValue('@login', $SetupLogin)
    [void]$command.ExecuteNonQuery()
}
function Get-Scalar($Connection, [string]$Query) {
    $command = $Connection.CreateCommand()
    $command.CommandText = $Query
    [void]$command.Parameters.AddWithValue('@login', $SetupLogin)
    return $command.ExecuteScalar()
}

# 1. As SYSTEM: done already, or configured directly when SYSTEM is a sysadmin.
$connection = Open-Sql 'SharePointFarm'
try {
    $done = Get-Scalar $connection "SELECT CASE WHEN ISNULL(IS_SRVROLEMEMBER(N'dbcreator', @login), 0) = 1 AND ISNULL(IS_SRVROLEMEMBER(N'securityadmin', @login), 0) = 1 AND (SELECT CAST(value_in_use AS int) FROM sys.configurations WHERE name = N'max degree of parallelism') = ${SHAREPOINT_MAXDOP} THEN 1 ELSE 0 END"
    if ($done -eq 1) {
        Write-Output ('MAXDOP is ${SHAREPOINT_MAXDOP} and ' + $SetupLogin + ' has dbcreator and securityadmin; nothing to do.')
        exit 0
    }
    $sysadmin = Get-Scalar $connection "SELECT IS_SRVROLEMEMBER(N'sysadmin')"
    if ($sysadmin -eq 1) {
        Invoke-Configure $connection
        Write-Output ('set MAXDOP ${SHAREPOINT_MAXDOP} and gave ' + $SetupLogin + ' dbcreator and securityadmin, as SYSTEM (a sysadmin).')
        exit 0
    }
} finally {
    $connection.Dispose()
}

# 2. SYSTEM is not a sysadmin: single-user mode, for clients named SQLCMD only, then a normal start again.
Write-Output 'SYSTEM is not a sysadmin of this SQL Server; restarting it in single-user mode to configure it as a local administrator.'
$agent = Get-Service -Name 'SQLSERVERAGENT' -ErrorAction SilentlyContinue
$agentWasRunning = $null -ne $agent -and $agent.Status -eq 'Running'
Stop-Service -Name 'MSSQLSERVER' -Force
try {
    $ErrorActionPreference = 'Continue'
    & net.exe start MSSQLSERVER '/mSQLCMD' 2>&1 | Out-String | Write-Output
    $ErrorActionPreference = 'Stop'
    $connection = Open-Sql 'SQLCMD'
    try {
        Invoke-Configure $connection
    } finally {
        $connection.Dispose()
    }
    Write-Output ('set MAXDOP ${SHAREPOINT_MAXDOP} and gave ' + $SetupLogin + ' dbcreator and securityadmin, in single-user mode.')
} finally {
    Stop-Service -Name 'MSSQLSERVER' -Force
    Start-Service -Name 'MSSQLSERVER'
    if ($agentWasRunning) { Start-Service -Name 'SQLSERVERAGENT' }
}
`;
