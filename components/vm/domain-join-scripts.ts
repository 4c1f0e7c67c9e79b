/**
 * The PowerShell script a managed Run Command runs on a member VM before it joins its domain: it waits until the
 * domain answers from that VM. It runs as SYSTEM, again whenever the command changes and on a replaced VM, so it is
 * safe to re-run forever. Pure: plain data in, script text out; only validated plain values (the domain's name,
 * minutes) are written into it, as quoted literals.
 */
import { powerShellLiteral } from "../core/quoting";

/** The DNS name a domain controller of `domainName` registers for LDAP; domain members find controllers by it. */
export function domainControllerSrvName(domainName: string): string {
    return `_ldap._tcp.dc._msdcs.${domainName}`;
}

/**
 * A script that returns once Active Directory answers from this VM, or fails after `timeoutMinutes` saying what was
 * last missing: the domain controllers' SRV record resolves through the VM's DNS servers (the VNet's, i.e. the
 * controller), one of the controllers it names accepts a connection on LDAP port 389, and `nltest /dsgetdc` locates
 * a controller (the DC locator's own LDAP ping, which is what a domain join does first). A controller that has just
 * been promoted answers none of these until it has restarted; that is what this waits for.
 */
export function waitForDomainScript(domain: { domainName: string; timeoutMinutes: number }): string {
    if (!Number.isInteger(domain.timeoutMinutes) || domain.timeoutMinutes < 1) {
        throw new RangeError(`timeoutMinutes ${domain.timeoutMinutes} is not a whole number of minutes`);
    }
    return `# Waits until the Active Directory domain answers from this VM; fails with what was missing after the timeout.
$ErrorActionPreference = 'Stop'
$Domain = ${powerShellLiteral(domain.domainName)}
$TimeoutMinutes = ${domain.timeoutMinutes}
$SrvName = ${powerShellLiteral(domainControllerSrvName(domain.domainName))}
${WAIT_BODY}`;
}

const WAIT_BODY = `
# Returns what is still missing, or nothing once the domain answers.
function Get-MissingDomainPart {
    try {
        $records = @(Resolve-DnsName -Name $SrvName -Type SRV -DnsOnly -ErrorAction Stop | Where-Object { $_.Type -eq 'SRV' })
    } catch {
        return ('the SRV record ' + $SrvName + ' does not resolve through this VM''s DNS servers (' + $_.Exception.Message + ')')
    }
    if ($records.Count -eq 0) { return ('the SRV record ' + $SrvName + ' has no answer') }
    $targets = @($records | ForEach-Object { $_.NameTarget } | Select-Object -Unique)
    $reached = $null
    foreach ($target in $targets) {
        $client = New-Object System.Net.Sockets.TcpClient
        try {
            if ($client.ConnectAsync($target, 389).Wait(5000) -and $client.Connected) { $reached = $target }
        } catch {
            # Not reachable yet: the next target, or the next round.
        } finally {
            $client.Dispose()
        }
        if ($reached) { break }
    }
    if (-not $reached) { return ('no domain controller named by ' + $SrvName + ' (' + ($targets -join ', ') + ') accepts connections on LDAP port 389') }
    $nltest = Join-Path $env:SystemRoot 'System32\\nltest.exe'
    if (Test-Path -LiteralPath $nltest) {
        # Windows PowerShell turns a native command's stderr into errors; here they are only part of the answer.
        $ErrorActionPreference = 'Continue'
        $out = & $nltest ('/dsgetdc:' + $Domain) /force 2>&1
        if ($LASTEXITCODE -ne 0) { return ('nltest /dsgetdc:' + $Domain + ' finds no domain controller: ' + (($out | Out-String).Trim())) }
    }
    return $null
}

$deadline = (Get-Date).AddMinutes($TimeoutMinutes)
while ($true) {
    # A failed lookup is cached for minutes; each round asks the DNS servers again.
    Clear-DnsClientCache
    $missing = Get-MissingDomainPart
    if (-not $missing) {
        Write-Output ('Active Directory domain ' + $Domain + ' answers from this VM: ' + $SrvName + ' resolves and a domain controller answers on LDAP.')
        exit 0
    }
    if ((Get-Date) -ge $deadline) {
        throw ('Active Directory domain ' + $Domain + ' did not answer from this VM within ' + $TimeoutMinutes + ' minutes: ' + $missing + '. Check that the VNet''s DNS servers are the domain controller''s address (VmNetwork dnsServers), that the controller was promoted and has restarted, and that this VM may reach it on DNS (53) and LDAP (389).')
    }
    Start-Sleep -Seconds 15
}
`;
