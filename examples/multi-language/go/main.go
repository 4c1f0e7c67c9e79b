// A VmNetwork, a Linux VM with one data disk and a Windows VM, through the SDK `pulumi package add` generates.
//
// Not run here: the build machines have no Pulumi CLI and no Go toolchain, so neither the SDK nor this program has
// been generated, compiled or run. The names follow Pulumi's Go code generator for provider/schema.json (no test
// checks them). See ../README.md for the steps.
package main

import (
	"example.com/pulumi-azure-persistent-vm/sdk/go/azurepersistentvm"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		cfg := config.New(ctx, "")
		resourceGroupName := cfg.Require("resourceGroupName")
		location := cfg.Require("location")
		managementSourcePrefix := cfg.Require("managementSourcePrefix")
		sshPublicKey := cfg.Require("sshPublicKey")
		adminPassword := cfg.RequireSecret("adminPassword")

		network, err := azurepersistentvm.NewVmNetwork(ctx, "net", &azurepersistentvm.VmNetworkArgs{
			ResourceGroupName:        pulumi.String(resourceGroupName),
			Location:                 pulumi.String(location),
			AddressSpace:             "10.60.0.0/16",
			SubnetPrefix:             "10.60.1.0/24",
			ManagementSourcePrefixes: []string{managementSourcePrefix},
		})
		if err != nil {
			return err
		}

		// SSH from managementSourcePrefix reaches the VMs in the network's Linux group only, RDP its Windows group.
		linux, err := azurepersistentvm.NewLinuxVm(ctx, "web01", &azurepersistentvm.LinuxVmArgs{
			ResourceGroupName:           pulumi.String(resourceGroupName),
			Location:                    pulumi.String(location),
			SubnetId:                    network.SubnetId,
			ApplicationSecurityGroupIds: []pulumi.StringInput{network.ApplicationSecurityGroupIds.Linux()},
			Size:                        "Standard_D2s_v5",
			SshPublicKeys:               []pulumi.StringInput{pulumi.String(sshPublicKey)},
			DataDisks: []azurepersistentvm.DataDiskArgs{
				{Name: "data", Lun: 0, SizeGb: pulumi.IntRef(64), Format: pulumi.BoolRef(true)},
			},
		})
		if err != nil {
			return err
		}

		windows, err := azurepersistentvm.NewWindowsVm(ctx, "app01", &azurepersistentvm.WindowsVmArgs{
			ResourceGroupName:           pulumi.String(resourceGroupName),
			Location:                    pulumi.String(location),
			SubnetId:                    network.SubnetId,
			ApplicationSecurityGroupIds: []pulumi.StringInput{network.ApplicationSecurityGroupIds.Windows()},
			Size:                        "Standard_D2s_v5",
			AdminPassword:               adminPassword,
		})
		if err != nil {
			return err
		}

		ctx.Export("linuxVmId", linux.VmId)
		ctx.Export("linuxPrivateIp", linux.PrivateIpAddress)
		ctx.Export("windowsVmId", windows.VmId)
		ctx.Export("windowsPrivateIp", windows.PrivateIpAddress)
		return nil
	})
}
