/**
 * The PowerShell a VM's scripts use to read a secret from Key Vault themselves, with the VM's system-assigned managed
 * identity: a token from the instance metadata service, then the secret, each over .NET's HTTP client and read with
 * .NET's JSON reader, straight into a SecureString. No cmdlet takes the secret (or the token) as a parameter, which
 * PowerShell module logging (event 4103) would record; these helpers never write it to a file, print it, or put it
 * on a command line. Pure: script text.
 */

/**
 * How long a script retries reading a secret: the VM's new role on the secret takes minutes to apply (Microsoft Learn,
 * "Provide access to Key Vault keys, certificates, and secrets with Azure role-based access control": up to 10 minutes
 * after a role assignment changes), and what a script installs first takes some of them.
 */
export const SECRET_WAIT_MINUTES = 15;

/**
 * The instance metadata service's token endpoint for Key Vault, for the VM's system-assigned identity (Microsoft
 * Learn, "How to use managed identities for Azure resources on an Azure VM to acquire an access token").
 */
export const IMDS_KEY_VAULT_TOKEN_URI = "http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fvault.azure.net";

/** The Key Vault REST API version the scripts read secrets with (Get Secret, 7.4). */
export const KEY_VAULT_API_VERSION = "7.4";

/** What a script accepts as a Key Vault name and as a secret name before it puts them in a URL. */
export const KEY_VAULT_NAME_PATTERN = "^[A-Za-z][A-Za-z0-9-]{1,22}[A-Za-z0-9]$";
export const SECRET_NAME_PATTERN = "^[A-Za-z0-9-]{1,127}$";

/**
 * TLS 1.2 for .NET's HTTP client, and two functions: `Read-JsonResponse` (a GET with one header, its JSON body as an
 * XML document; `$Direct` bypasses any proxy, which the metadata service requires) and `Get-FailureText` (an error's
 * HTTP status and the first 400 characters of the service's own error body, which never holds the secret).
 */
export const KEY_VAULT_READ_HELPERS = `[Net.ServicePointManager]::SecurityProtocol = [Net.ServicePointManager]::SecurityProtocol -bor [Net.SecurityProtocolType]::Tls12
Add-Type -AssemblyName System.Runtime.Serialization
function Read-JsonResponse([string]$Uri, [string]$HeaderName, [string]$HeaderValue, [bool]$Direct) {
    $request = [System.Net.HttpWebRequest]::Create($Uri)
    $request.Timeout = 30000
    # The metadata service answers only a direct request, never one through a proxy.
    if ($Direct) { $request.Proxy = New-Object System.Net.WebProxy }
    $request.Headers.Add($HeaderName, $HeaderValue)
    $response = $request.GetResponse()
    try {
        $json = [System.Runtime.Serialization.Json.JsonReaderWriterFactory]::CreateJsonReader($response.GetResponseStream(), [System.Xml.XmlDictionaryReaderQuotas]::Max)
        $document = New-Object System.Xml.XmlDocument
        $document.Load($json)
        $json.Close()
        # The comma returns the document whole: PowerShell would otherwise enumerate its nodes.
        return ,$document
    } finally {
        $response.Close()
    }
}
function Get-FailureText($ErrorRecord) {
    $exception = $ErrorRecord.Exception
    while ($exception.InnerException -and -not ($exception -is [System.Net.WebException])) { $exception = $exception.InnerException }
    if (($exception -is [System.Net.WebException]) -and $exception.Response) {
        $reader = New-Object System.IO.StreamReader -ArgumentList $exception.Response.GetResponseStream()
        $body = $reader.ReadToEnd()
        $reader.Close()
        return ('HTTP ' + [int]$exception.Response.StatusCode + ' ' + $body.Substring(0, [Math]::Min(400, $body.Length)))
    }
    return $exception.Message
}`;

/**
 * `Read-VaultSecret $VaultName $SecretName`: the secret's value as a read-only SecureString, retried with backoff for
 * `$SecretWaitMinutes` (which the calling script sets) while the VM's role on the secret takes effect, then a failure
 * that names the vault, the secret and the role. Needs `KEY_VAULT_READ_HELPERS` first. `ConvertFrom-SecureValue`
 * returns a SecureString's text, for the APIs that take only text (the caller uses it at once and drops it).
 */
export const READ_VAULT_SECRET_FUNCTIONS = `function Read-VaultSecret([string]$VaultName, [string]$SecretName) {
    if ($VaultName -notmatch '${KEY_VAULT_NAME_PATTERN}') { throw ('not a key vault name: ''' + $VaultName + '''.') }
    if ($SecretName -notmatch '${SECRET_NAME_PATTERN}') { throw ('not a key vault secret name: ''' + $SecretName + '''.') }
    $vaultHost = $VaultName + '.vault.azure.net'
    $secretUri = 'https://' + $vaultHost + '/secrets/' + $SecretName + '?api-version=${KEY_VAULT_API_VERSION}'
    $deadline = (Get-Date).AddMinutes($SecretWaitMinutes)
    $delay = 5
    while ($true) {
        $step = 'a token for Key Vault from the instance metadata service'
        try {
            $token = (Read-JsonResponse '${IMDS_KEY_VAULT_TOKEN_URI}' 'Metadata' 'true' $true).DocumentElement.SelectSingleNode('access_token').InnerText
            $step = 'the secret ' + $SecretName + ' from ' + $vaultHost
            $document = Read-JsonResponse $secretUri 'Authorization' ('Bearer ' + $token) $false
            $token = $null
            $value = $document.DocumentElement.SelectSingleNode('value')
            $document = $null
            if ($null -eq $value -or $value.InnerText.Length -eq 0) { throw 'the secret has no value.' }
            $secure = New-Object System.Security.SecureString
            foreach ($character in $value.InnerText.ToCharArray()) { $secure.AppendChar($character) }
            $secure.MakeReadOnly()
            $value = $null
            # The comma returns the SecureString itself.
            return ,$secure
        } catch {
            $token = $null
            $value = $null
            $document = $null
            $failure = Get-FailureText $_
            if ((Get-Date) -ge $deadline) {
                throw ('could not read the secret ' + $SecretName + ' within ' + $SecretWaitMinutes + ' minutes; nothing more was changed. Last failure, reading ' + $step + ': ' + $failure + ' This VM''s system-assigned identity needs the role Key Vault Secrets User on the secret ' + $SecretName + ' of the key vault ' + $VaultName + ' (a vault with Azure RBAC authorization), and the vault''s network rules must admit this VM: its subnet with the Microsoft.KeyVault service endpoint, or a private endpoint.')
            }
            # Write-Host: the function's output is its value.
            Write-Host ('waiting for ' + $step + ' (' + $failure + '); next try in ' + $delay + ' seconds.')
            Start-Sleep -Seconds $delay
            $delay = [Math]::Min($delay * 2, 60)
        }
    }
}
function ConvertFrom-SecureValue([System.Security.SecureString]$Secure) {
    $pointer = [System.Runtime.InteropServices.Marshal]::SecureStringToBSTR($Secure)
    try {
        return [System.Runtime.InteropServices.Marshal]::PtrToStringBSTR($pointer)
    } finally {
        [System.Runtime.InteropServices.Marshal]::ZeroFreeBSTR($pointer)
    }
}`;
