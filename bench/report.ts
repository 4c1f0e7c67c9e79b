/**
 * The benchmark's arithmetic and output, as pure functions: the per-VM marginal cost of a program run (the
 * least-squares slope of program-run time, and of peak memory, over the program's cases), the ratio of one
 * program's marginal cost to the reference program's, the markdown report and the results file's name.
 */

export interface CaseResult {
    readonly program: string;
    readonly vms: number;
    /** `--max-old-space-size` given to the program's process, in MiB; null for Node's default. */
    readonly maxOldSpaceSizeMb: number | null;
    readonly resources: number;
    readonly typeCheckMs: number;
    readonly programMs: number;
    readonly programCpuMs: number;
    readonly recorderCpuMs: number;
    readonly maxRssMb: number;
}

export interface MarginalCost {
    readonly program: string;
    /** The VM counts the slope is fitted over. */
    readonly vms: readonly number[];
    /** Least-squares slope of program-run time against VM count, in ms per VM. */
    readonly programMsPerVm: number;
    /** Least-squares slope of the program process's peak RSS against VM count, in MiB per VM. */
    readonly maxRssMbPerVm: number;
}

export interface Machine {
    readonly cpuModel: string;
    readonly cores: number;
    readonly nodeVersion: string;
    readonly platform: string;
    readonly totalMemoryMb: number;
    /** V8's heap limit in a Node process started without a heap flag, in MiB. */
    readonly defaultHeapLimitMb: number;
    /** 1-, 5- and 15-minute load averages when the benchmark started, and when it ended. */
    readonly loadAverageAtStart: readonly number[];
    readonly loadAverageAtEnd: readonly number[];
}

export interface Results {
    readonly date: string;
    readonly machine: Machine;
    /** The checkout the library was built from: HEAD, and whether components/ had uncommitted changes. */
    readonly checkout: { readonly commit: string; readonly componentsModified: boolean };
    readonly method: Readonly<Record<string, string>>;
    readonly programs: readonly { readonly name: string; readonly description: string }[];
    readonly cases: readonly CaseResult[];
    readonly marginal: readonly MarginalCost[];
    /** Each program's per-VM program-run cost divided by the reference program's. */
    readonly ratios: readonly { readonly program: string; readonly reference: string; readonly value: number }[];
    readonly wallTimeMs: number;
}

/** The least-squares slope of y against x; undefined with fewer than two distinct x. */
export function slope(points: readonly (readonly [number, number])[]): number | undefined {
    const n = points.length;
    const meanX = points.reduce((sum, [x]) => sum + x, 0) / n;
    const meanY = points.reduce((sum, [, y]) => sum + y, 0) / n;
    const sxx = points.reduce((sum, [x]) => sum + (x - meanX) ** 2, 0);
    if (n < 2 || sxx === 0) {
        return undefined;
    }
    return points.reduce((sum, [x, y]) => sum + (x - meanX) * (y - meanY), 0) / sxx;
}

/** Per program with at least two VM counts, in the order the programs first appear. */
export function marginalCosts(cases: readonly CaseResult[]): MarginalCost[] {
    const programs = [...new Set(cases.map((c) => c.program))];
    return programs.flatMap((program) => {
        const own = cases.filter((c) => c.program === program);
        const programMsPerVm = slope(own.map((c) => [c.vms, c.programMs]));
        const maxRssMbPerVm = slope(own.map((c) => [c.vms, c.maxRssMb]));
        return programMsPerVm === undefined || maxRssMbPerVm === undefined
            ? []
            : [{ program, vms: own.map((c) => c.vms), programMsPerVm, maxRssMbPerVm }];
    });
}

export function ratios(marginal: readonly MarginalCost[], reference: string): Results["ratios"] {
    const base = marginal.find((m) => m.program === reference);
    if (base === undefined) {
        return [];
    }
    return marginal.filter((m) => m.program !== reference).map((m) => ({ program: m.program, reference, value: m.programMsPerVm / base.programMsPerVm }));
}

/** "AMD EPYC 7763 64-Core Processor" -> "amd-epyc-7763"; "Intel(R) Xeon(R) Platinum 8272CL CPU @ 2.60GHz" -> "intel-xeon-platinum-8272cl". */
export function shortCpuName(model: string): string {
    const words = model
        .replace(/\((R|TM|C)\)/gi, " ")
        .replace(/@.*$/, " ")
        .replace(/\b(CPU|Processor|\d+-Core)\b/gi, " ")
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter((word) => word !== "");
    return words.slice(0, 4).join("-") || "unknown-cpu";
}

/** `<date>-<short cpu name>`, the results files' name without extension. */
export function resultsName(results: Pick<Results, "date" | "machine">): string {
    return `${results.date}-${shortCpuName(results.machine.cpuModel)}`;
}

const seconds = (ms: number) => (ms / 1000).toFixed(2);
const mib = (mb: number) => mb.toFixed(0);

export function casesTable(results: Results): string {
    const heap = (c: CaseResult) => (c.maxOldSpaceSizeMb === null ? `default (${mib(results.machine.defaultHeapLimitMb)})` : String(c.maxOldSpaceSizeMb));
    return [
        "| program | VMs | resources | heap limit (MiB) | type-check (s) | program run (s) | program CPU (s) | recorder CPU (s) | peak RSS (MiB) |",
        "| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |",
        ...results.cases.map((c) =>
            `| ${c.program} | ${c.vms} | ${c.resources} | ${heap(c)} | ${seconds(c.typeCheckMs)} | ${seconds(c.programMs)} | ${seconds(c.programCpuMs)} | ${seconds(c.recorderCpuMs)} | ${mib(c.maxRssMb)} |`),
    ].join("\n");
}

export function marginalTable(results: Results): string {
    return [
        "| program | fitted over VMs | program run per VM (ms) | peak RSS per VM (MiB) |",
        "| --- | --- | ---: | ---: |",
        ...results.marginal.map((m) => `| ${m.program} | ${m.vms.join(", ")} | ${m.programMsPerVm.toFixed(1)} | ${m.maxRssMbPerVm.toFixed(2)} |`),
    ].join("\n");
}

export function ratioLines(results: Results): string {
    return results.ratios
        .map((r) => `Per-VM program-run cost, ${r.program} / ${r.reference}: **${r.value.toFixed(2)}**`)
        .join("\n");
}

/** What the largest fleet adds to the empty stack's program run (the library program with no VM). */
export function fleetLine(results: Results): string {
    const empty = results.cases.find((c) => c.program === "library" && c.vms === 0);
    const fleets = results.cases.filter((c) => c.program === "fleet").sort((a, b) => b.vms - a.vms);
    const largest = fleets[0];
    if (empty === undefined || largest === undefined) {
        return "";
    }
    return `A fleet of ${largest.vms} instances adds **${seconds(largest.programMs - empty.programMs)} s** to the empty stack's program run `
        + `(${seconds(largest.programMs)} s against ${seconds(empty.programMs)} s; ${largest.resources} resources against ${empty.resources}).`;
}

export function markdown(results: Results): string {
    const m = results.machine;
    return [
        `# Benchmark ${results.date}: ${m.cpuModel}, ${m.cores} cores`,
        "",
        `Node ${m.nodeVersion} on ${m.platform}, ${mib(m.totalMemoryMb)} MiB of memory. Load average at start `
            + `${m.loadAverageAtStart.map((l) => l.toFixed(2)).join(" ")}, at end ${m.loadAverageAtEnd.map((l) => l.toFixed(2)).join(" ")}. `
            + `Library built from ${results.checkout.commit}${results.checkout.componentsModified ? " with uncommitted changes in components/" : ""}. `
            + `Whole run: ${seconds(results.wallTimeMs)} s.`,
        "",
        "Programs:",
        "",
        ...results.programs.map((p) => `- **${p.name}**: ${p.description}`),
        "",
        casesTable(results),
        "",
        "Marginal cost (least-squares slope over each program's cases):",
        "",
        marginalTable(results),
        "",
        ratioLines(results),
        "",
        fleetLine(results),
        "",
        "Method:",
        "",
        ...Object.entries(results.method).map(([key, text]) => `- ${key}: ${text}`),
        "",
    ].join("\n");
}
