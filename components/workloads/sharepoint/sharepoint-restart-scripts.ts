/**
 * The restart barrier between the SharePoint VM's installation steps, as PowerShell. Pure: script text.
 *
 * Why a barrier, and why it runs on the domain controller. The prerequisites, the binaries and the updates each may
 * need a restart before the next can run. A Run Command that is running when its VM restarts is never run again and
 * never reports (Microsoft's Azure VM runtime team, "When will CustomScript extension re-execute my script?": "Once
 * your script starts, regardless what happens, we won't rerun it – even if it reboots the machine"), so the deployment
 * would wait on it until its timeout. A step that restarts its own VM, or a next step that starts on the VM before a
 * scheduled restart, can therefore hang the deployment. So a step on the SharePoint VM that needs a restart only
 * records it (a ticket: the step, and the boot it was requested in) and ends; the next Run Command runs on the domain
 * controller, which is up, like the members' domain waits that follow its own promotion's restart: it asks the
 * SharePoint VM over PowerShell remoting whether a restart is requested, restarts it if so, and returns once the VM
 * answers again from a later boot. Only then does the next step on the SharePoint VM start, and it refuses to run
 * while a ticket is still open. Nothing else runs on the SharePoint VM while it restarts.
 *
 * The domain controller reaches the SharePoint VM as its computer account (SYSTEM on a domain controller), which the
 * prerequisites step makes a local administrator there through the group Domain Controllers: an account that already
 * controls the domain gains nothing. Remoting uses WinRM over HTTP (5985, Kerberos), which Windows Server enables for
 * the domain network profile.
 */
import { powerShellLiteral } from "../../core/quoting";

/** Where the SharePoint VM keeps its restart ticket and the markers of what it installed. */
export const STATE_KEY = "HKLM:\\SOFTWARE\\azure-persistent-vm\\sharepoint";

/** How long the barrier waits for the SharePoint VM to come back from its restart. */
export const RESTART_WAIT_MINUTES = 30;

/**
 * The SharePoint VM's side, for its scripts: `Get-BootTicks` (this boot's start, UTC ticks), `Test-PendingRestart`
 * (Windows says a restart is pending: component servicing, Windows Update, or file renames at boot),
 * `Request-Restart $Step` (writes the ticket) and `Assert-NoOpenRestart` (a ticket from a boot that is still running
 * means the barrier did not run: refuse; a ticket from an earlier boot is closed and removed).
 */
export const RESTART_TICKET_FUNCTIONS = `$StateKey = ${powerShellLiteral(STATE_KEY)}
function Get-BootTicks {
    return [string]((Get-CimInstance -ClassName Win32_OperatingSystem).LastBootUpTime.ToUniversalTime().Ticks)
}
function Test-PendingRestart {
    foreach ($key in @('HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\RebootPending', 'HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Auto Update\\RebootRequired')) {
        if (Test-Path -LiteralPath $key) { return $true }
    }
    $renames = Get-ItemProperty -LiteralPath 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\Session Manager' -Name 'PendingFileRenameOperations' -ErrorAction SilentlyContinue
    return ($null -ne $renames -and $null -ne $renames.PendingFileRenameOperations)
}
function Request-Restart([string]$Step) {
    if (-not (Test-Path -LiteralPath $StateKey)) { New-Item -Path $StateKey -Force | Out-Null }
    Set-ItemProperty -LiteralPath $StateKey -Name 'RestartRequestedBy' -Value $Step
    Set-ItemProperty -LiteralPath $StateKey -Name 'RestartRequestedInBoot' -Value (Get-BootTicks)
    Write-Output ('a restart is needed after ' + $Step + '; the next step, on the domain controller, restarts this VM and waits for it.')
}
function Assert-NoOpenRestart {
    $ticket = Get-ItemProperty -LiteralPath $StateKey -ErrorAction SilentlyContinue
    if ($null -eq $ticket -or -not $ticket.RestartRequestedBy) { return }
    if ($ticket.RestartRequestedInBoot -eq (Get-BootTicks)) {
        throw ('the restart that ' + $ticket.RestartRequestedBy + ' requested has not happened; nothing was changed. The restart step on the domain controller restarts this VM: run pulumi up again, or restart the VM yourself.')
    }
    Remove-ItemProperty -LiteralPath $StateKey -Name 'RestartRequestedBy', 'RestartRequestedInBoot'
}`;

/** The barrier's parameter: the SharePoint VM's private IP, an output of its NIC. */
export const RESTART_PARAMETERS = { serverAddress: "ServerAddress" } as const;

/**
 * The barrier, run as SYSTEM on the domain controller after a SharePoint VM step: it finds the VM's computer by its
 * address in the domain's DNS zone, reads its ticket over PowerShell remoting, and when a restart is requested
 * restarts it (five seconds later) and waits until it answers from a later boot, then closes the ticket. With no
 * ticket it returns at once, so it is safe to run again. After `RESTART_WAIT_MINUTES` it fails, naming what it last saw.
 */
export function restartBarrierScript(barrier: { domainName: string; afterStep: string; aliases: readonly string[] }): string {
    return `# Restarts the SharePoint VM when its last step asked for it, and waits until it is back.
param([string]$${RESTART_PARAMETERS.serverAddress})
$ErrorActionPreference = 'Stop'
$DomainName = ${powerShellLiteral(barrier.domainName)}
$AfterStep = ${powerShellLiteral(barrier.afterStep)}
$Aliases = @(${barrier.aliases.map(powerShellLiteral).join(", ")})
$StateKey = ${powerShellLiteral(STATE_KEY)}
$TimeoutMinutes = ${RESTART_WAIT_MINUTES}
${BARRIER_BODY}`;
}

const BARRIER_BODY = `
if ($${RESTART_PARAMETERS.serverAddress} -notmatch '^\\d{1,3}(\\.\\d{1,3}){3}$') { throw ('the parameter ${RESTART_PARAMETERS.serverAddress} is not an IPv4 address: ''' + $${RESTART_PARAMETERS.serverAddress} + '''.') }

# 1. The computer at that address: its A records in the domain's zone, less the farm's own aliases, that name a computer account.
Import-Module DnsServer
Import-Module ActiveDirectory
$names = @(Get-DnsServerResourceRecord -ZoneName $DomainName -RRType A | Where-Object {
    $_.RecordData.IPv4Address.IPAddressToString -eq $${RESTART_PARAMETERS.serverAddress} -and $_.HostName -ne '@' -and $Aliases -notcontains $_.HostName
} | ForEach-Object { $_.HostName } | Select-Object -Unique)
$target = $null
foreach ($name in $names) {
    $computer = Get-ADComputer -LDAPFilter ('(sAMAccountName=' + $name + '$)') -Properties DNSHostName
    if ($computer) { $target = $computer.DNSHostName; break }
}
if (-not $target) { throw ('no computer of ' + $DomainName + ' has the address ' + $${RESTART_PARAMETERS.serverAddress} + ' in DNS (records: ' + ($names -join ', ') + '); the SharePoint VM must be joined and registered in DNS.') }

# 2. Its ticket and its boot, read over PowerShell remoting.
$read = {
    param($Key)
    $ticket = Get-ItemProperty -LiteralPath $Key -ErrorAction SilentlyContinue
    $boot = [string]((Get-CimInstance -ClassName Win32_OperatingSystem).LastBootUpTime.ToUniversalTime().Ticks)
    return @{ Step = $(if ($ticket) { $ticket.RestartRequestedBy } else { $null }); Boot = $boot; RequestedIn = $(if ($ticket) { $ticket.RestartRequestedInBoot } else { $null }) }
}
$state = Invoke-Command -ComputerName $target -ScriptBlock $read -ArgumentList $StateKey
if (-not $state.Step) {
    Write-Output ($target + ' asks for no restart after ' + $AfterStep + '; nothing to do.')
    exit 0
}
if ($state.Boot -ne $state.RequestedIn) {
    Write-Output ($target + ' has restarted since ' + $state.Step + ' asked for it.')
} else {
    # 3. The restart, a few seconds after the remote command returns, and the wait until a later boot answers.
    Invoke-Command -ComputerName $target -ScriptBlock { shutdown.exe /r /t 5 /c 'SharePoint farm: restart between installation steps.' } | Out-Null
    Write-Output ('restarting ' + $target + ' for ' + $state.Step + '.')
    $deadline = (Get-Date).AddMinutes($TimeoutMinutes)
    $seen = 'no answer yet'
    while ($true) {
        Start-Sleep -Seconds 15
        try {
            $now = Invoke-Command -ComputerName $target -ScriptBlock $read -ArgumentList $StateKey
            if ($now.Boot -ne $state.RequestedIn) { break }
            $seen = 'still the boot of ' + $state.Step
        } catch {
            $seen = $_.Exception.Message
        }
        if ((Get-Date) -ge $deadline) { throw ($target + ' did not come back from its restart within ' + $TimeoutMinutes + ' minutes; last seen: ' + $seen + '. Check the VM in the Azure portal (boot diagnostics), then run pulumi up again.') }
    }
}

# 4. Close the ticket.
Invoke-Command -ComputerName $target -ScriptBlock {
    param($Key)
    Remove-ItemProperty -LiteralPath $Key -Name 'RestartRequestedBy', 'RestartRequestedInBoot' -ErrorAction SilentlyContinue
} -ArgumentList $StateKey
Write-Output ($target + ' is back after its restart for ' + $AfterStep + '.')
`;
