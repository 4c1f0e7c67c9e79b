/**
 * The azure-native type tokens the rules read. Rules compare type strings instead of importing azure-native classes,
 * so the pack loads no provider SDK and works with any azure-native major version.
 */

export const VIRTUAL_MACHINE = "azure-native:compute:VirtualMachine";
export const VIRTUAL_MACHINE_SCALE_SET = "azure-native:compute:VirtualMachineScaleSet";
export const VM_EXTENSION = "azure-native:compute:VirtualMachineExtension";
export const VMSS_EXTENSION = "azure-native:compute:VirtualMachineScaleSetExtension";
export const VMSS_VM_EXTENSION = "azure-native:compute:VirtualMachineScaleSetVMExtension";
export const VM_RUN_COMMAND = "azure-native:compute:VirtualMachineRunCommandByVirtualMachine";
export const VMSS_VM_RUN_COMMAND = "azure-native:compute:VirtualMachineScaleSetVMRunCommand";
export const DISK = "azure-native:compute:Disk";
export const NETWORK_INTERFACE = "azure-native:network:NetworkInterface";
export const NETWORK_SECURITY_GROUP = "azure-native:network:NetworkSecurityGroup";
export const SECURITY_RULE = "azure-native:network:SecurityRule";
export const SUBNET = "azure-native:network:Subnet";
export const VIRTUAL_NETWORK = "azure-native:network:VirtualNetwork";
export const PUBLIC_IP_ADDRESS = "azure-native:network:PublicIPAddress";
export const LOAD_BALANCER = "azure-native:network:LoadBalancer";
export const INBOUND_NAT_RULE = "azure-native:network:InboundNatRule";

/** Resources that change who reaches a VM in ways the pack cannot follow (rules/perimeter.ts reports them). */
export const AZURE_CLI_SCRIPT = "azure-native:resources:AzureCliScript";
export const AZURE_POWERSHELL_SCRIPT = "azure-native:resources:AzurePowerShellScript";
export const ADMIN_RULE = "azure-native:network:AdminRule";
export const DEFAULT_ADMIN_RULE = "azure-native:network:DefaultAdminRule";
export const AZURE_FIREWALL = "azure-native:network:AzureFirewall";
export const FIREWALL_POLICY_RULE_COLLECTION_GROUP = "azure-native:network:FirewallPolicyRuleCollectionGroup";

/** Generic ARM: any resource type, its properties as ARM takes them. */
export const GENERIC_RESOURCE = "azure-native:resources:Resource";

/** ARM deployments at each scope: the template is `properties.template`. */
export const DEPLOYMENTS: readonly string[] = [
    "azure-native:resources:Deployment",
    "azure-native:resources:DeploymentAtScope",
    "azure-native:resources:DeploymentAtSubscriptionScope",
    "azure-native:resources:DeploymentAtManagementGroupScope",
    "azure-native:resources:DeploymentAtTenantScope",
];

/** Deployment stacks at each scope: the template is `template`. */
export const DEPLOYMENT_STACKS: readonly string[] = [
    "azure-native:resources:DeploymentStackAtResourceGroup",
    "azure-native:resources:DeploymentStackAtSubscription",
    "azure-native:resources:DeploymentStackAtManagementGroup",
];

/** Resources that carry other resources as ARM JSON: the rules read what they hold (arm.ts). */
export const WRAPPERS: readonly string[] = [GENERIC_RESOURCE, ...DEPLOYMENTS, ...DEPLOYMENT_STACKS];
