/**
 * The pack's perimeter: how it reads ARM templates (inline, nested deployments, child resources, symbolic names, JSON
 * text) and what it reports because it cannot read or follow it (linked templates, computed types, deployment
 * scripts, Azure Virtual Network Manager admin rules, Azure Firewall DNAT). Not proved here: what ARM does with a
 * template (conditions, copy counts, parameter values), which the pack does not evaluate, and the resources a linked
 * template or a script would create.
 */
import { describe, expect, it } from "vitest";
import * as rules from "../../policy/rules";
import type { Registration } from "../../tools/recorder/recorder";
import { packViolations, policy, violationsOf } from "../support/policy-args";
import { armResource, asDeployment, asGenericResource, bare, deployment, labelOf } from "./arm-forms";

const REVIEW = "review it and lower this policy's enforcementLevel in the pack config.";
const OPEN_SSH = "port 22 (SSH) is open to anyone: the sources of securityRules[0] (\"ssh\") include \"Internet\", the service tag for every public address; set sourceAddressPrefixes to the addresses you manage from, or reach the VMs through Azure Bastion.";

const openNsg = bare("azure-native:network:NetworkSecurityGroup", "vms-nsg", {
    networkSecurityGroupName: "vms-nsg",
    securityRules: [{ name: "ssh", direction: "Inbound", access: "Allow", protocol: "Tcp", priority: 100, sourceAddressPrefix: "Internet", destinationPortRange: "22" }],
});

function withTemplate(template: unknown, type = "azure-native:resources:Deployment"): Registration {
    return bare(type, "wrapped", { resourceGroupName: "rg", properties: { mode: "Incremental", template } });
}

describe("GIVEN templates the pack cannot read", () => {
    it.each([
        ["a deployment stack links its template", bare("azure-native:resources:DeploymentStackAtResourceGroup", "stack", { templateLink: { id: "/subscriptions/0/templateSpecs/vms/versions/1" } }),
            [`templateLink links a template the pack cannot read; give the template inline (template) so its resources are checked, or ${REVIEW}`]],
        ["a nested deployment links its template", withTemplate({ resources: [{ type: "Microsoft.Resources/deployments", apiVersion: "2022-09-01", name: "inner", properties: { mode: "Incremental", templateLink: { uri: "https://example.com/t.json" } } }] }),
            [`properties.template.resources[0].properties.templateLink links a template the pack cannot read; give the template inline (properties.template.resources[0].properties.template) so its resources are checked, or ${REVIEW}`]],
        ["a resources.Resource declares a deployment with a linked template", bare("azure-native:resources:Resource", "dep", {
            resourceProviderNamespace: "Microsoft.Resources", parentResourcePath: "", resourceType: "deployments", resourceName: "inner", apiVersion: "2022-09-01",
            properties: { mode: "Incremental", templateLink: { uri: "https://example.com/t.json" } },
        }), [`properties.templateLink links a template the pack cannot read; give the template inline (properties.template) so its resources are checked, or ${REVIEW}`]],
        ["the template is text that is no JSON", withTemplate("{ not json"),
            [`properties.template is not a template object, so the pack cannot read its resources; give the template inline as an object, or ${REVIEW}`]],
        ["the template's resources are an expression", withTemplate({ resources: "[variables('all')]" }),
            [`properties.template.resources is a template expression, so the pack cannot read them; list the resources literally, or ${REVIEW}`]],
        ["a resource's type is an expression", withTemplate({ resources: [{ type: "[parameters('kind')]", name: "x", properties: {} }] }),
            [`properties.template.resources[0].type is "[parameters('kind')]", so the pack cannot tell what the resource is; write its type literally, or ${REVIEW}`]],
    ])("WHEN %s THEN apvm-template-analysable reports it", async (_when, r, messages) => {
        expect(await violationsOf(policy(rules.TEMPLATE_ANALYSABLE), r)).toEqual(messages);
    });

    it("WHEN a template is inline and literal THEN apvm-template-analysable reports nothing", async () => {
        expect(await violationsOf(policy(rules.TEMPLATE_ANALYSABLE), asDeployment(openNsg))).toEqual([]);
        expect(await violationsOf(policy(rules.TEMPLATE_ANALYSABLE), asGenericResource(openNsg))).toEqual([]);
    });
});

describe("GIVEN templates the pack reads", () => {
    it.each([
        ["as JSON text", withTemplate(JSON.stringify({ resources: [armResource(openNsg)] })), "properties.template.resources[0]"],
        ["with symbolic names (languageVersion 2.0)", withTemplate({ languageVersion: "2.0", resources: { nsg: armResource(openNsg) } }), "properties.template.resources.nsg"],
        ["in a nested deployment's inline template", withTemplate({ resources: [{ type: "Microsoft.Resources/deployments", name: "inner", properties: { template: { resources: [armResource(openNsg)] } } }] }),
            "properties.template.resources[0].properties.template.resources[0]"],
        ["at subscription scope", withTemplate({ resources: [armResource(openNsg)] }, "azure-native:resources:DeploymentAtSubscriptionScope"), "properties.template.resources[0]"],
    ])("WHEN the NSG opening SSH to the Internet is declared %s THEN it is reported, where", async (_how, r, at) => {
        expect(await violationsOf(policy(rules.NSG_NO_OPEN_MANAGEMENT), r)).toEqual([`${labelOf(openNsg, at)}${OPEN_SSH}`]);
    });

    it("WHEN a deployment stack declares it in its inline template THEN the same", async () => {
        const stack = bare("azure-native:resources:DeploymentStackAtResourceGroup", "stack", { template: { resources: [armResource(openNsg)] } });
        expect(await violationsOf(policy(rules.NSG_NO_OPEN_MANAGEMENT), stack)).toEqual([`${labelOf(openNsg, "template.resources[0]")}${OPEN_SSH}`]);
    });

    it("WHEN the template only refers to the NSG (existing: true) THEN it does not deploy it and nothing is reported", async () => {
        expect(await violationsOf(policy(rules.NSG_NO_OPEN_MANAGEMENT), withTemplate({ resources: { nsg: { ...armResource(openNsg), existing: true } } }))).toEqual([]);
    });

    it("WHEN a VM in a template nests a CustomScript extension whose command passes a password THEN the extension rule reports it under the child's name", async () => {
        const template = withTemplate({
            resources: [{
                type: "Microsoft.Compute/virtualMachines", apiVersion: "2024-07-01", name: "vm1", properties: {},
                resources: [{ type: "extensions", apiVersion: "2024-07-01", name: "cse", properties: { publisher: "Microsoft.Compute", type: "CustomScriptExtension", settings: { commandToExecute: "setup.cmd /user admin --password=S3cret!" } } }],
            }],
        });
        expect(await violationsOf(policy(rules.EXTENSION_NO_PUBLIC_SECRETS), template)).toEqual([
            "Microsoft.Compute/virtualMachines/extensions \"vm1/cse\" at properties.template.resources[0].resources[0]: settings.commandToExecute passes \"--password\" a literal value; move it to protectedSettings, which Azure encrypts and never returns.",
        ]);
    });

    it("WHEN an extension's public settings hold a template expression THEN the extension rule says it cannot judge them", async () => {
        const r = bare("azure-native:compute:VirtualMachineExtension", "cse", { vmName: "vm1", vmExtensionName: "cse", settings: { commandToExecute: "[concat('setup.cmd ', parameters('adminPassword'))]" } });
        expect(await violationsOf(policy(rules.EXTENSION_NO_PUBLIC_SECRETS), asDeployment(r))).toEqual([
            `${labelOf(r, "properties.template.resources[0]")}settings.commandToExecute is computed by the template (an expression or a copy loop), which the pack does not evaluate, so this policy cannot judge the resource; write the value literally, or review the resource and lower this policy's enforcementLevel in the pack config.`,
        ]);
    });

    it("WHEN a template holds no resource of the pack's types THEN no policy reports anything", async () => {
        const storage = withTemplate({ resources: [{ type: "Microsoft.Storage/storageAccounts", apiVersion: "2023-05-01", name: "st1", properties: { allowBlobPublicAccess: false } }] });
        expect(await packViolations([storage])).toEqual([]);
    });
});

describe("GIVEN resources that change who reaches a VM in ways the pack cannot follow", () => {
    const adminRule = (inputs: Record<string, unknown>) => bare("azure-native:network:AdminRule", "allow-ssh", {
        networkManagerName: "anm", configurationName: "admin", ruleCollectionName: "vms", ruleName: "allow-ssh", kind: "Custom", direction: "Inbound", protocol: "Tcp",
        destinationPortRanges: ["22"], sources: [{ addressPrefix: "Internet", addressPrefixType: "ServiceTag" }], priority: 10, ...inputs,
    });
    const firewall = bare("azure-native:network:AzureFirewall", "fw", { azureFirewallName: "fw", natRuleCollections: [{ name: "dnat", action: { type: "Dnat" }, rules: [] }] });
    const policyGroup = bare("azure-native:network:FirewallPolicyRuleCollectionGroup", "rcg", {
        firewallPolicyName: "fwp", ruleCollectionGroupName: "rcg", priority: 100,
        ruleCollections: [{ name: "net", ruleCollectionType: "FirewallPolicyFilterRuleCollection" }, { name: "dnat", ruleCollectionType: "FirewallPolicyNatRuleCollection" }],
    });

    it.each([
        ["an admin rule always allows SSH in", adminRule({ access: "AlwaysAllow" }),
            [`access is "AlwaysAllow": an Azure Virtual Network Manager admin rule lets traffic in whatever the NSGs say, for networks the pack cannot see; use "Allow" (the NSGs then decide), or ${REVIEW}`]],
        ["a firewall has DNAT rule collections", firewall, [`natRuleCollections forwards traffic (DNAT) to addresses behind the firewall, which the pack cannot follow; ${REVIEW}`]],
        ["a firewall policy has a DNAT rule collection", policyGroup,
            [`ruleCollections[1] is a DNAT rule collection, which forwards traffic to addresses behind the firewall that the pack cannot follow; ${REVIEW}`]],
    ])("WHEN %s THEN apvm-resource-analysable reports it in each form", async (_when, r, messages) => {
        expect(await violationsOf(policy(rules.RESOURCE_ANALYSABLE), r)).toEqual(messages);
        expect(await violationsOf(policy(rules.RESOURCE_ANALYSABLE), asGenericResource(r))).toEqual(messages.map((m) => `${labelOf(r)}${m}`));
        expect(await violationsOf(policy(rules.RESOURCE_ANALYSABLE), asDeployment(r))).toEqual(messages.map((m) => `${labelOf(r, "properties.template.resources[0]")}${m}`));
    });

    it("WHEN an admin rule only allows (the NSGs still decide) or denies THEN nothing is reported; WHEN it is a default rule THEN it is", async () => {
        expect(await violationsOf(policy(rules.RESOURCE_ANALYSABLE), adminRule({ access: "Allow" }))).toEqual([]);
        expect(await violationsOf(policy(rules.RESOURCE_ANALYSABLE), adminRule({ access: "Deny" }))).toEqual([]);
        const fallback = { ...armResource(adminRule({})), kind: "Default", properties: { flag: "AllowRDP" } };
        expect(await violationsOf(policy(rules.RESOURCE_ANALYSABLE), deployment([fallback], adminRule({})))).toEqual([
            `${labelOf(adminRule({}), "properties.template.resources[0]")}a default Azure Virtual Network Manager admin rule applies a rule the pack cannot see, over the NSGs it checks; ${REVIEW}`,
        ]);
    });
});

describe("GIVEN load balancers that forward management ports", () => {
    const LB = "azure-native:network:LoadBalancer";
    const FIX = "anyone who reaches the frontend reaches it, limited only by the backend's NSG; reach the VMs through Azure Bastion instead, or set this policy's allowPublicIp: true in the pack config.";

    it("WHEN a NAT rule resource forwards SSH THEN it is reported, since the pack cannot see its load balancer's frontends", async () => {
        const nat = bare("azure-native:network:InboundNatRule", "ssh", { loadBalancerName: "lb", inboundNatRuleName: "ssh", frontendIPConfiguration: { id: "/lb/frontendIPConfigurations/fe" }, frontendPort: 50022, backendPort: 22 });
        expect(await violationsOf(policy(rules.LB_NO_PUBLIC_MANAGEMENT), nat)).toEqual([`this NAT rule forwards port 22 (SSH) from a frontend the pack cannot match to a private address: ${FIX}`]);
    });

    it("WHEN every frontend is private THEN HA ports (every port) pass; WHEN a template computes a public one's id THEN RDP is reported", async () => {
        const internal = bare(LB, "ilb", {
            frontendIPConfigurations: [{ name: "fe", subnet: { id: "/subnets/vms" } }],
            loadBalancingRules: [{ name: "ha", frontendIPConfiguration: { id: "/ilb/frontendIPConfigurations/fe" }, protocol: "All", frontendPort: 0, backendPort: 0 }],
        });
        expect(await violationsOf(policy(rules.LB_NO_PUBLIC_MANAGEMENT), internal)).toEqual([]);
        const external = bare(LB, "lb", {
            frontendIPConfigurations: [{ name: "fe", publicIPAddress: { id: "[resourceId('Microsoft.Network/publicIPAddresses', 'lb-ip')]" } }],
            inboundNatRules: [{ name: "rdp", frontendIPConfiguration: { id: "[resourceId('Microsoft.Network/loadBalancers/frontendIPConfigurations', 'lb', 'fe')]" }, frontendPort: 53389, backendPort: 3389 }],
        });
        expect(await violationsOf(policy(rules.LB_NO_PUBLIC_MANAGEMENT), asDeployment(external))).toEqual([
            `${labelOf(external, "properties.template.resources[0]")}inboundNatRules[0] ("rdp") forwards port 3389 (RDP) from a frontend the pack cannot match to a private address: ${FIX}`,
        ]);
    });
});
