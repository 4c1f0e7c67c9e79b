/**
 * The benchmark's arithmetic and output, as pure functions: the median of each case's rounds, the per-VM marginal
 * cost of a program run (the least-squares slope of program-run time, of peak memory and of the SDK's work, over the
 * program's cases), the ratio of one program's marginal cost to the reference program's, overall and round by round,
 * the markdown report and the results file's name.
 */

/** What one run of one case measured. */
export interface RunFigures {
    readonly programMs: number;
    readonly programCpuMs: number;
    readonly recorderCpuMs: number;
    readonly maxRssMb: number;
}

export interface CaseResult {
    readonly program: string;
    readonly vms: number;
    /** `--max-old-space-size` given to the program's process, in MiB; null for Node's default. */
    readonly maxOldSpaceSizeMb: number | null;
    /** Resources the program registered; the same in every round. */
    readonly resources: number;
    /** Promises the SDK wrapped with debuggablePromise (each captures a stack trace); the same in every round. */
    readonly sdkPromises: number;
    /** One per round, in round order. */
    readonly runs: readonly RunFigures[];
    /** Each figure's median over the rounds. */
    readonly median: RunFigures;
}

export interface ProgramResult {
    readonly name: string;
    readonly description: string;
    /** The program's type-check, measured once: its text is the same at every size (only the stack config differs). */
    readonly typeCheckMs: number;
}

export interface MarginalCost {
    readonly program: string;
    /** The VM counts the slope is fitted over. */
    readonly vms: readonly number[];
    /** Least-squares slope of the median program-run time against VM count, in ms per VM. */
    readonly programMsPerVm: number;
    /** The same slope fitted to each round's runs alone, in round order. */
    readonly programMsPerVmByRound: readonly number[];
    /** Least-squares slope of the median peak RSS against VM count, in MiB per VM. */
    readonly maxRssMbPerVm: number;
    /** Resources and SDK promises each VM adds (slopes of exact counts). */
    readonly resourcesPerVm: number;
    readonly sdkPromisesPerVm: number;
}

export interface Ratio {
    readonly program: string;
    readonly reference: string;
    /** Per-VM program-run cost over the reference's, from the slopes of the medians. */
    readonly value: number;
    /** The same ratio within each round, whose runs ran side by side. */
    readonly byRound: readonly number[];
    /** Per-VM SDK promises over the reference's: the ratio of work, which does not vary from run to run. */
    readonly sdkPromises: number;
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
    /** How many times each case ran. */
    readonly rounds: number;
    readonly programs: readonly ProgramResult[];
    readonly cases: readonly CaseResult[];
    readonly marginal: readonly MarginalCost[];
    readonly ratios: readonly Ratio[];
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

/** The median: the middle value, or the mean of the two middle values; undefined for no values. */
export function median(values: readonly number[]): number | undefined {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    if (sorted.length === 0) {
        return undefined;
    }
    return sorted.length % 2 === 1 ? sorted[middle] : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Each figure's median over a case's runs. */
export function medianFigures(runs: readonly RunFigures[]): RunFigures {
    const of = (pick: (r: RunFigures) => number) => median(runs.map(pick)) ?? Number.NaN;
    return {
        programMs: of((r) => r.programMs),
        programCpuMs: of((r) => r.programCpuMs),
        recorderCpuMs: of((r) => r.recorderCpuMs),
        maxRssMb: of((r) => r.maxRssMb),
    };
}

/** Per program with at least two VM counts, in the order the programs first appear. */
export function marginalCosts(cases: readonly CaseResult[]): MarginalCost[] {
    const programs = [...new Set(cases.map((c) => c.program))];
    return programs.flatMap((program) => {
        const own = cases.filter((c) => c.program === program);
        const fit = (pick: (c: CaseResult) => number) => slope(own.map((c) => [c.vms, pick(c)]));
        const programMsPerVm = fit((c) => c.median.programMs);
        const rounds = Math.min(...own.map((c) => c.runs.length));
        const programMsPerVmByRound = Array.from({ length: rounds }, (_, round) => fit((c) => c.runs[round]?.programMs ?? Number.NaN) ?? Number.NaN);
        if (programMsPerVm === undefined) {
            return [];
        }
        return [{
            program,
            vms: own.map((c) => c.vms),
            programMsPerVm,
            programMsPerVmByRound,
            maxRssMbPerVm: fit((c) => c.median.maxRssMb) ?? Number.NaN,
            resourcesPerVm: fit((c) => c.resources) ?? Number.NaN,
            sdkPromisesPerVm: fit((c) => c.sdkPromises) ?? Number.NaN,
        }];
    });
}

export function ratios(marginal: readonly MarginalCost[], reference: string): Ratio[] {
    const base = marginal.find((m) => m.program === reference);
    if (base === undefined) {
        return [];
    }
    return marginal.filter((m) => m.program !== reference).map((m) => ({
        program: m.program,
        reference,
        value: m.programMsPerVm / base.programMsPerVm,
        byRound: m.programMsPerVmByRound.map((perVm, round) => perVm / (base.programMsPerVmByRound[round] ?? Number.NaN)),
        sdkPromises: m.sdkPromisesPerVm / base.sdkPromisesPerVm,
    }));
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

export function programsTable(results: Results): string {
    return [
        "| program | what it declares | type-check (s) |",
        "| --- | --- | ---: |",
        ...results.programs.map((p) => `| ${p.name} | ${p.description} | ${seconds(p.typeCheckMs)} |`),
    ].join("\n");
}

export function casesTable(results: Results): string {
    const heap = (c: CaseResult) => (c.maxOldSpaceSizeMb === null ? "" : `, heap ${String(c.maxOldSpaceSizeMb)} MiB`);
    const range = (c: CaseResult) => {
        const times = c.runs.map((r) => r.programMs);
        return times.length < 2 ? "" : `${seconds(Math.min(...times))}-${seconds(Math.max(...times))}`;
    };
    return [
        "| program | VMs | resources | SDK promises | program run (s) | range (s) | program CPU (s) | recorder CPU (s) | peak RSS (MiB) |",
        "| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |",
        ...results.cases.map((c) =>
            `| ${c.program}${heap(c)} | ${c.vms} | ${c.resources} | ${c.sdkPromises} | ${seconds(c.median.programMs)} | ${range(c)} | `
            + `${seconds(c.median.programCpuMs)} | ${seconds(c.median.recorderCpuMs)} | ${mib(c.median.maxRssMb)} |`),
    ].join("\n");
}

export function marginalTable(results: Results): string {
    return [
        "| program | fitted over VMs | program run per VM (ms) | by round (ms) | peak RSS per VM (MiB) | resources per VM | SDK promises per VM |",
        "| --- | --- | ---: | --- | ---: | ---: | ---: |",
        ...results.marginal.map((m) => `| ${m.program} | ${m.vms.join(", ")} | ${m.programMsPerVm.toFixed(1)} | `
            + `${m.programMsPerVmByRound.map((v) => v.toFixed(1)).join(", ")} | ${m.maxRssMbPerVm.toFixed(2)} | `
            + `${m.resourcesPerVm.toFixed(0)} | ${m.sdkPromisesPerVm.toFixed(0)} |`),
    ].join("\n");
}

export function ratioLines(results: Results): string {
    return results.ratios
        .map((r) => `Per-VM program-run cost, ${r.program} / ${r.reference}: **${r.value.toFixed(2)}** `
            + `(round by round: ${r.byRound.map((v) => v.toFixed(2)).join(", ")}); per-VM SDK promises: ${r.sdkPromises.toFixed(2)}`)
        .join("\n");
}

/** What the largest fleet adds to the empty stack's program run (the library program with no VM), by medians. */
export function fleetLine(results: Results): string {
    const empty = results.cases.find((c) => c.program === "library" && c.vms === 0);
    const fleets = results.cases.filter((c) => c.program === "fleet").sort((a, b) => b.vms - a.vms);
    const largest = fleets[0];
    if (empty === undefined || largest === undefined) {
        return "";
    }
    return `A fleet of ${largest.vms} instances adds **${seconds(largest.median.programMs - empty.median.programMs)} s** to the empty stack's program run `
        + `(${seconds(largest.median.programMs)} s against ${seconds(empty.median.programMs)} s; ${largest.resources} resources against ${empty.resources}).`;
}

export function markdown(results: Results): string {
    const m = results.machine;
    return [
        `# Benchmark ${results.date}: ${m.cpuModel}, ${m.cores} cores`,
        "",
        `Node ${m.nodeVersion} on ${m.platform}, ${mib(m.totalMemoryMb)} MiB of memory, default heap limit ${mib(m.defaultHeapLimitMb)} MiB. `
            + `Load average at start ${m.loadAverageAtStart.map((l) => l.toFixed(2)).join(" ")}, at end ${m.loadAverageAtEnd.map((l) => l.toFixed(2)).join(" ")}. `
            + `Library built from ${results.checkout.commit}${results.checkout.componentsModified ? " with uncommitted changes in components/" : ""}. `
            + `${results.rounds} round${results.rounds === 1 ? "" : "s"}; whole run: ${seconds(results.wallTimeMs)} s.`,
        "",
        programsTable(results),
        "",
        `Each case, median of ${results.rounds} run${results.rounds === 1 ? "" : "s"}:`,
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
