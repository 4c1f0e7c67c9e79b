// A VmNetwork, a Linux VM with one data disk and a Windows VM, through the SDK `pulumi package add` generates.
//
// Not run here: the build machines have no Pulumi CLI and no .NET SDK, so neither the SDK nor this program has been
// generated, compiled or run. The names follow Pulumi's C# code generator for provider/schema.json (no test checks
// them). See ../README.md for the steps.
using System.Collections.Generic;
using Pulumi;
using Pulumi.AzurePersistentVm;
using Pulumi.AzurePersistentVm.Inputs;

return await Deployment.RunAsync(() =>
{
    var config = new Pulumi.Config();
    var resourceGroupName = config.Require("resourceGroupName");
    var location = config.Require("location");
    var managementSourcePrefix = config.Require("managementSourcePrefix");
    var sshPublicKey = config.Require("sshPublicKey");
    var adminPassword = config.RequireSecret("adminPassword");

    var network = new VmNetwork("net", new VmNetworkArgs
    {
        ResourceGroupName = resourceGroupName,
        Location = location,
        AddressSpace = "10.60.0.0/16",
        SubnetPrefix = "10.60.1.0/24",
        ManagementSourcePrefixes = { managementSourcePrefix },
    });

    // SSH from managementSourcePrefix reaches the VMs in the network's Linux group only, RDP its Windows group.
    var linux = new LinuxVm("web01", new LinuxVmArgs
    {
        ResourceGroupName = resourceGroupName,
        Location = location,
        SubnetId = network.SubnetId,
        ApplicationSecurityGroupIds = { network.ApplicationSecurityGroupIds.Apply(ids => ids.Linux) },
        Size = "Standard_D2s_v5",
        SshPublicKeys = { sshPublicKey },
        DataDisks = { new DataDiskArgs { Name = "data", Lun = 0, SizeGb = 64, Format = true } },
    });

    var windows = new WindowsVm("app01", new WindowsVmArgs
    {
        ResourceGroupName = resourceGroupName,
        Location = location,
        SubnetId = network.SubnetId,
        ApplicationSecurityGroupIds = { network.ApplicationSecurityGroupIds.Apply(ids => ids.Windows) },
        Size = "Standard_D2s_v5",
        AdminPassword = adminPassword,
    });

    return new Dictionary<string, object?>
    {
        ["linuxVmId"] = linux.VmId,
        ["linuxPrivateIp"] = linux.PrivateIpAddress,
        ["windowsVmId"] = windows.VmId,
        ["windowsPrivateIp"] = windows.PrivateIpAddress,
    };
});
