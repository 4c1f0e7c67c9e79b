// A VmNetwork, a Linux VM with one data disk and a Windows VM, through the SDK `pulumi package add` generates.
//
// Not run here: the build machines have no Pulumi CLI and no Gradle, so neither the SDK nor this program has been
// generated, compiled or run. The names follow Pulumi's Java code generator for provider/schema.json (no test checks
// them). See ../README.md for the steps.
package myproject;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.azurepersistentvm.LinuxVm;
import com.pulumi.azurepersistentvm.LinuxVmArgs;
import com.pulumi.azurepersistentvm.VmNetwork;
import com.pulumi.azurepersistentvm.VmNetworkArgs;
import com.pulumi.azurepersistentvm.WindowsVm;
import com.pulumi.azurepersistentvm.WindowsVmArgs;
import com.pulumi.azurepersistentvm.inputs.DataDiskArgs;

public class App {
    public static void main(String[] args) {
        Pulumi.run(App::stack);
    }

    private static void stack(Context ctx) {
        var config = ctx.config();
        var resourceGroupName = config.require("resourceGroupName");
        var location = config.require("location");
        var managementSourcePrefix = config.require("managementSourcePrefix");
        var sshPublicKey = config.require("sshPublicKey");
        var adminPassword = config.requireSecret("adminPassword");

        var network = new VmNetwork("net", VmNetworkArgs.builder()
            .resourceGroupName(resourceGroupName)
            .location(location)
            .addressSpace("10.60.0.0/16")
            .subnetPrefix("10.60.1.0/24")
            .managementSourcePrefixes(managementSourcePrefix)
            .build());

        // No applicationSecurityGroupIds here, unlike the other languages: Java's code generator types a plain list as
        // List<String>, whose items cannot be Outputs such as the network's group ids (docs/multi-language.md). So the
        // network's SSH and RDP rules, which reach its groups only, do not reach these two VMs.
        var linux = new LinuxVm("web01", LinuxVmArgs.builder()
            .resourceGroupName(resourceGroupName)
            .location(location)
            .subnetId(network.subnetId())
            .size("Standard_D2s_v5")
            .sshPublicKeys(sshPublicKey)
            .dataDisks(DataDiskArgs.builder().name("data").lun(0).sizeGb(64).format(true).build())
            .build());

        var windows = new WindowsVm("app01", WindowsVmArgs.builder()
            .resourceGroupName(resourceGroupName)
            .location(location)
            .subnetId(network.subnetId())
            .size("Standard_D2s_v5")
            .adminPassword(adminPassword)
            .build());

        ctx.export("linuxVmId", linux.vmId());
        ctx.export("linuxPrivateIp", linux.privateIpAddress());
        ctx.export("windowsVmId", windows.vmId());
        ctx.export("windowsPrivateIp", windows.privateIpAddress());
    }
}
