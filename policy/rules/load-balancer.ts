/**
 * A load balancer that forwards SSH or RDP from a public frontend publishes the VM's management port to the Internet,
 * as a public IP on its NIC would: inbound NAT rules, NAT pools (a scale set's) and load-balancing rules whose
 * backend port is 22 or 3389 (or every port). Only the backend's NSG then limits who connects.
 */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { TemplateExpression } from "./arm";
import { ALLOW_PUBLIC_IP } from "./network";
import { INBOUND_NAT_RULE, LOAD_BALANCER, field, items, resourceRule, show, switchedOn } from "./support";

export const LB_NO_PUBLIC_MANAGEMENT = "apvm-lb-no-public-management";

const MANAGEMENT_PORTS = [{ port: 22, label: "22 (SSH)" }, { port: 3389, label: "3389 (RDP)" }] as const;

/** The rule lists of a load balancer that forward inbound traffic to a backend port. */
const FORWARDING = ["inboundNatRules", "inboundNatPools", "loadBalancingRules"] as const;

/** The frontend a rule names, by the last segment of its id; undefined when the id is absent or computed by a template. */
function frontendName(rule: unknown): string | undefined {
    try {
        const id = field(rule, "frontendIPConfiguration", "id");
        return typeof id === "string" ? id.split("/").pop()?.toLowerCase() : undefined;
    } catch (e) {
        if (e instanceof TemplateExpression) {
            return undefined;
        }
        throw e;
    }
}

/** The management ports a rule forwards to: its backendPort; 0 or none means every port (HA ports). */
function forwardedPorts(rule: unknown): string[] {
    const backend = field(rule, "backendPort");
    return MANAGEMENT_PORTS.filter(({ port }) => backend === undefined || backend === 0 || backend === port || backend === String(port))
        .map((p) => p.label);
}

export const LOAD_BALANCER_POLICIES: ResourceValidationPolicy[] = [
    resourceRule({
        name: LB_NO_PUBLIC_MANAGEMENT,
        description: "No load balancer forwards SSH (22) or RDP (3389) from a public frontend (inbound NAT rules and pools, load-balancing rules) unless the pack config allows public IPs.",
        // Mandatory: like a public IP on the NIC, it puts the management port on the Internet. A frontend the pack
        // cannot match to a private address counts as public.
        enforcementLevel: "mandatory",
        types: [LOAD_BALANCER, INBOUND_NAT_RULE],
        configSchema: {
            properties: {
                [ALLOW_PUBLIC_IP]: { type: "boolean", default: false, description: "Allow load balancers to forward SSH and RDP from public frontends." },
            },
        },
        check: (props, args, report) => {
            if (switchedOn(args, ALLOW_PUBLIC_IP)) {
                return;
            }
            // A frontend is public when it names a public IP or prefix; a NAT rule resource cannot see its load balancer's.
            const frontends = items(props["frontendIPConfigurations"]).map((f) => ({
                name: String(field(f, "name")).toLowerCase(),
                public: field(f, "publicIPAddress") !== undefined || field(f, "publicIPPrefix") !== undefined,
            }));
            const rules: [string, unknown][] = args.type === INBOUND_NAT_RULE ? [["this NAT rule ", props]]
                : FORWARDING.flatMap((list) => items(props[list]).map((r, i): [string, unknown] => [`${list}[${i}] (${show(field(r, "name"))}) `, r]));
            for (const [where, rule] of rules) {
                const ports = forwardedPorts(rule);
                const name = frontendName(rule);
                const frontend = frontends.find((f) => f.name === name);
                const allPrivate = frontends.length > 0 && frontends.every((f) => !f.public);
                if (ports.length === 0 || frontend?.public === false || (frontend === undefined && allPrivate)) {
                    continue;
                }
                const from = frontend !== undefined ? `the public frontend ${show(name)}` : "a frontend the pack cannot match to a private address";
                report(`${where}forwards port${ports.length > 1 ? "s" : ""} ${ports.join(" and ")} from ${from}: anyone who reaches the `
                    + `frontend reaches it, limited only by the backend's NSG; reach the VMs through Azure Bastion instead, or set this policy's ${ALLOW_PUBLIC_IP}: true in the pack config.`);
            }
        },
    }),
];
