/**
 * The plan's three formats, from the plan document: text (like `pulumi preview`), JSON and a Mermaid flowchart.
 * Pure. Secrets are already "[secret]" in the document; nothing here reads a secret.
 */
import type { FleetSummary, PlanDocument, PlannedResource, VmSummary } from "./document";

/** Tree prefixes like `pulumi preview`: `├─ ` for a child with later siblings, `└─ ` for the last. */
function treePrefixes(resources: readonly PlannedResource[]): string[] {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const lastChild = new Map<string | null, string>();
    resources.forEach((r) => lastChild.set(r.parent, r.urn));
    return resources.map((r) => {
        const ancestors: PlannedResource[] = [];
        for (let ancestor = r.parent !== null ? byUrn.get(r.parent) : undefined; ancestor !== undefined;
            ancestor = ancestor.parent !== null ? byUrn.get(ancestor.parent) : undefined) {
            ancestors.unshift(ancestor);
        }
        if (ancestors.length === 0) {
            return "";
        }
        // For each ancestor below the root: a bar while that ancestor has later siblings.
        const bars = ancestors.slice(1).map((a) => (lastChild.get(a.parent) === a.urn ? "   " : "│  ")).join("");
        return `${bars}${lastChild.get(r.parent) === r.urn ? "└─ " : "├─ "}`;
    });
}

function flags(r: PlannedResource): string {
    return [
        r.options.protect ? "protect" : "",
        r.options.retainOnDelete ? "retainOnDelete" : "",
        r.options.deleteBeforeReplace ? "deleteBeforeReplace" : "",
    ].filter((f) => f !== "").join(", ");
}

function gib(size: number | undefined, otherwise: string): string {
    return size === undefined ? otherwise : `${size} GiB`;
}

function vmLines(vm: VmSummary): string[] {
    const zone = vm.zone === "regional" ? "regional" : `zone ${vm.zone}`;
    return [
        `    ${vm.name}  ${vm.os}  ${vm.size}  ${vm.image}  ${zone}`,
        `        OS disk  ${vm.osDisk.sku}  ${gib(vm.osDisk.sizeGb, vm.osDisk.source === "image" ? "image size" : "disk size")}  ${vm.osDisk.caching}  deleteOption ${vm.osDisk.deleteOption}  source ${vm.osDisk.source}`,
        ...vm.disks.map((d) => `        disk ${d.key}  LUN ${d.lun}  ${gib(d.sizeGb, "source size")}  ${d.sku}  ${d.caching}  protection ${d.protection}  source ${d.source}  lock ${d.lock}  mount ${d.mount}`),
        `        credential rotation  ${vm.access}`,
        ...(vm.domainJoin !== undefined ? [`        domain join  ${vm.domainJoin}`] : []),
        `        backup  ${vm.backup}`,
    ];
}

/** The disks' fate, said once per fleet: they are the instances', and the stack does not know them. */
const FLEET_DISKS_NOTE = "the instances' own, made by Azure, not stack resources; kept on scale-in only with deleteOption Detach";

function fleetLines(fleet: FleetSummary): string[] {
    const profile = fleet.profile;
    const zones = fleet.zones === "regional" ? "regional" : `zones ${fleet.zones}`;
    const modes = [
        `orchestration ${fleet.orchestrationMode}`,
        ...(fleet.upgradeMode !== undefined ? [`upgrade ${fleet.upgradeMode}`] : []),
        ...(typeof profile !== "string" && profile.healthProbe !== undefined ? [`health probe ${profile.healthProbe}`] : []),
    ];
    const image = typeof profile === "string" ? profile : profile.image;
    const head = [`    ${fleet.name}  ${fleet.os}  ${fleet.size}  ${image}  instances ${fleet.instances}  ${zones}`, `        ${modes.join("  ")}`];
    if (typeof profile === "string") {
        return [...head, `        profile  ${profile}`];
    }
    const { osDisk, disks } = profile;
    return [
        ...head,
        `        OS disk  ${osDisk.sku}  ${gib(osDisk.sizeGb, "image size")}  ${osDisk.caching}  deleteOption ${osDisk.deleteOption}`,
        ...disks.map((d) => `        disk  LUN ${d.lun}  ${gib(d.sizeGb, "-")}  ${d.sku}  ${d.caching}  deleteOption ${d.deleteOption}`),
        `        disks  ${FLEET_DISKS_NOTE}`,
    ];
}

/** The human format: a tree like `pulumi preview`, counts by type, one block per VM and per fleet, the stack's outputs. */
export function formatText(doc: PlanDocument, vms: readonly VmSummary[], fleets: readonly FleetSummary[]): string {
    const prefixes = treePrefixes(doc.resources);
    const typeColumn = Math.max(4, ...doc.resources.map((r, i) => (prefixes[i] ?? "").length + r.type.length)) + 2;
    const nameColumn = Math.max(4, ...doc.resources.map((r) => r.name.length)) + 2;
    const header = `     ${"Type".padEnd(typeColumn)}${"Name".padEnd(nameColumn)}Plan`;
    const rows = doc.resources.map((r, i) => {
        const extra = flags(r);
        return ` +   ${`${prefixes[i] ?? ""}${r.type}`.padEnd(typeColumn)}${r.name.padEnd(nameColumn)}create${extra ? `  [${extra}]` : ""}`;
    });
    const counts = new Map<string, number>();
    doc.resources.forEach((r) => counts.set(r.type, (counts.get(r.type) ?? 0) + 1));
    const countLines = [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([type, n]) => `    ${String(n).padStart(3)} ${type}`);
    const outputs = Object.entries(doc.outputs).sort(([a], [b]) => a.localeCompare(b))
        .map(([key, value]) => `    ${key}: ${JSON.stringify(value, null, 4).replace(/\n/g, "\n    ")}`);
    return [
        `Plan for stack "${doc.stack}" of project "${doc.project}" (offline: nothing is deployed; ids and outputs are placeholders)`,
        "",
        header,
        ...rows,
        "",
        `Resources: ${doc.resources.length} to create`,
        ...countLines,
        ...(vms.length > 0 ? ["", "Virtual machines:", ...vms.flatMap(vmLines)] : []),
        ...(fleets.length > 0 ? ["", "Fleets (virtual machine scale sets):", ...fleets.flatMap(fleetLines)] : []),
        ...(outputs.length > 0 ? ["", "Outputs:", ...outputs] : []),
        "",
    ].join("\n");
}

export function formatJson(doc: PlanDocument): string {
    return `${JSON.stringify(doc, null, 2)}\n`;
}

function mermaidText(s: string): string {
    return s.replace(/"/g, "#quot;").replace(/</g, "#lt;").replace(/>/g, "#gt;");
}

/** The short type for labels: `azure-native:compute:Disk` -> `compute:Disk`, `pkg:index:LinuxVm` -> `LinuxVm`. */
function shortType(type: string): string {
    const [, module = "", name = type] = type.split(":");
    return module === "index" || module.startsWith("index/") ? name : `${module}:${name}`;
}

/**
 * A Mermaid flowchart that renders on GitHub: each component a subgraph holding its children, each custom resource
 * a node (protected ones marked), and an edge from each dependency to the resource that depends on it.
 */
export function formatMermaid(doc: PlanDocument): string {
    const root = doc.resources.find((r) => r.parent === null && r.type === "pulumi:pulumi:Stack");
    const shown = doc.resources.filter((r) => r !== root);
    const custom = new Set(doc.resources.filter((r) => r.custom).map((r) => r.urn));
    const ids = new Map(shown.map((r, i) => [r.urn, `r${i}`]));
    const children = new Map<string | null, PlannedResource[]>();
    shown.forEach((r) => {
        const parent = r.parent !== null && ids.has(r.parent) ? r.parent : null;
        children.set(parent, [...(children.get(parent) ?? []), r]);
    });
    const lines = ["flowchart LR"];
    const emit = (parent: string | null, indent: string) => {
        for (const r of children.get(parent) ?? []) {
            const id = ids.get(r.urn) ?? "";
            const label = mermaidText(`${shortType(r.type)} ${r.name}`);
            if (r.custom) {
                lines.push(`${indent}${id}["${label}${r.options.protect ? "<br/>protected" : ""}"]`);
            } else {
                lines.push(`${indent}subgraph ${id}["${label}"]`);
                emit(r.urn, `${indent}    `);
                lines.push(`${indent}end`);
            }
        }
    };
    emit(null, "    ");
    for (const r of shown.filter((s) => s.custom)) {
        for (const dep of r.dependencies) {
            const from = ids.get(dep);
            if (from !== undefined && custom.has(dep)) {
                lines.push(`    ${from} --> ${ids.get(r.urn) ?? ""}`);
            }
        }
    }
    return `${lines.join("\n")}\n`;
}

/** The formats `npm run plan` prints. */
export type PlanFormat = "text" | "json" | "mermaid";

/** The plan in one of its formats, as `npm run plan` prints it. */
export function formatPlan(format: PlanFormat, doc: PlanDocument, vms: readonly VmSummary[], fleets: readonly FleetSummary[]): string {
    return format === "json" ? formatJson(doc) : format === "mermaid" ? formatMermaid(doc) : formatText(doc, vms, fleets);
}
