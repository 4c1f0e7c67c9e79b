"""A VmNetwork, a Linux VM with one data disk and a Windows VM, through the SDK `pulumi package add` generates.

Not run here: the build machines have no Pulumi CLI, so neither the SDK nor this program has been generated or run.
test/provider/language-examples.test.ts checks every class, argument and output name below against
provider/schema.json with Pulumi's Python naming rules. See ../README.md for the steps.
"""

import pulumi
import pulumi_azure_persistent_vm as azure_persistent_vm

config = pulumi.Config()
resource_group_name = config.require("resourceGroupName")
location = config.require("location")
management_source_prefix = config.require("managementSourcePrefix")
ssh_public_key = config.require("sshPublicKey")
admin_password = config.require_secret("adminPassword")

network = azure_persistent_vm.VmNetwork(
    "net",
    resource_group_name=resource_group_name,
    location=location,
    address_space="10.60.0.0/16",
    subnet_prefix="10.60.1.0/24",
    management_source_prefixes=[management_source_prefix],
)

# SSH from management_source_prefix reaches the VMs in the network's Linux group only, RDP its Windows group.
linux = azure_persistent_vm.LinuxVm(
    "web01",
    resource_group_name=resource_group_name,
    location=location,
    subnet_id=network.subnet_id,
    application_security_group_ids=[network.application_security_group_ids.apply(lambda ids: ids.linux)],
    size="Standard_D2s_v5",
    ssh_public_keys=[ssh_public_key],
    data_disks=[azure_persistent_vm.DataDiskArgs(name="data", lun=0, size_gb=64, format=True)],
)

windows = azure_persistent_vm.WindowsVm(
    "app01",
    resource_group_name=resource_group_name,
    location=location,
    subnet_id=network.subnet_id,
    application_security_group_ids=[network.application_security_group_ids.apply(lambda ids: ids.windows)],
    size="Standard_D2s_v5",
    admin_password=admin_password,
)

pulumi.export("linuxVmId", linux.vm_id)
pulumi.export("linuxPrivateIp", linux.private_ip_address)
pulumi.export("windowsVmId", windows.vm_id)
pulumi.export("windowsPrivateIp", windows.private_ip_address)
