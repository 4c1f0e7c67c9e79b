/**
 * Who a set of source prefixes lets in, decided by address arithmetic rather than by spelling. Pure, and it imports
 * nothing: the policy pack, which is published alone, keeps a byte-identical copy (policy/vendor/address-rules.ts,
 * refreshed as policy/vendor/README.md says; test/policy/vendor.test.ts fails when the two differ).
 *
 * An inbound port is open to "anyone" when the sources that reach it, together:
 * - cover a whole /8 of public IPv4 space. `0.0.0.0/0` is the obvious case; `0.0.0.0/1` with `128.0.0.0/1`, or a
 *   public `/8`, are the same exposure spelt otherwise. "Public" means not wholly set aside by the IANA IPv4
 *   Special-Purpose Address Registry (https://www.iana.org/assignments/iana-ipv4-special-registry/, RFC 6890 and the
 *   RFCs each entry names) or as multicast and reserved space (RFC 5771, RFC 1112);
 * - or cover a whole /12 of global unicast IPv6 (2000::/3). IANA allocates IPv6 to the regional registries in /12
 *   blocks (ICANN, "Global Policy for Allocation of IPv6 Address Space", 2006; the IANA IPv6 Global Unicast Address
 *   Assignments registry, https://www.iana.org/assignments/ipv6-unicast-address-assignments/, lists 2400::/12 to
 *   APNIC, 2600::/12 to ARIN, 2a00::/12 to RIPE NCC...), so a /12 is a whole registry's allocation: every network
 *   of a region. No special-purpose block inside 2000::/3 is that large (the largest, 2001::/23, is IETF protocol
 *   assignments; IANA IPv6 Special-Purpose Address Registry), so every /12 there holds public addresses;
 * - or include a service tag that means anyone (SERVICE_TAGS).
 * A source the arithmetic cannot size (a service tag such as `VirtualNetwork`, a text that is no address) makes the
 * answer "unknown", which callers report rather than pass.
 */

/** An IPv4 range: its network address as a 32-bit unsigned integer, and its prefix length (network-rules.ts parses them). */
interface Ipv4Range {
    readonly network: number;
    readonly prefixLength: number;
}

/** IPv4 blocks that are not public unicast space, as [first address, prefix length], with the RFC that sets each aside. */
export const SPECIAL_PURPOSE_IPV4: readonly { readonly block: string; readonly rfc: string }[] = [
    { block: "0.0.0.0/8", rfc: "RFC 791 (this network)" },
    { block: "10.0.0.0/8", rfc: "RFC 1918 (private)" },
    { block: "100.64.0.0/10", rfc: "RFC 6598 (shared address space)" },
    { block: "127.0.0.0/8", rfc: "RFC 1122 (loopback)" },
    { block: "169.254.0.0/16", rfc: "RFC 3927 (link local)" },
    { block: "172.16.0.0/12", rfc: "RFC 1918 (private)" },
    { block: "192.0.0.0/24", rfc: "RFC 6890 (IETF protocol assignments)" },
    { block: "192.0.2.0/24", rfc: "RFC 5737 (documentation, TEST-NET-1)" },
    { block: "192.88.99.0/24", rfc: "RFC 7526 (deprecated 6to4 relay anycast)" },
    { block: "192.168.0.0/16", rfc: "RFC 1918 (private)" },
    { block: "198.18.0.0/15", rfc: "RFC 2544 (benchmarking)" },
    { block: "198.51.100.0/24", rfc: "RFC 5737 (documentation, TEST-NET-2)" },
    { block: "203.0.113.0/24", rfc: "RFC 5737 (documentation, TEST-NET-3)" },
    { block: "224.0.0.0/4", rfc: "RFC 5771 (multicast)" },
    { block: "240.0.0.0/4", rfc: "RFC 1112 (reserved), with 255.255.255.255/32 (limited broadcast, RFC 919)" },
];

/** The widest public IPv4 block that is anyone: a /8. */
export const IPV4_ANYONE_PREFIX_LENGTH = 8;

/** The widest IPv6 block that is anyone: a /12, a regional registry's allocation. */
export const IPV6_ANYONE_PREFIX_LENGTH = 12;

/** Who a source, or the sources of a port together, let in. */
export type Reach = "anyone" | "unknown" | "limited";

/**
 * Service tags as Azure network security rules take them (Microsoft Learn, "Virtual network service tags"),
 * compared without regard to case. A tag not listed, or a regional tag of one not listed, is "unknown": the pack
 * cannot size it, so it is reported, never passed.
 */
export const SERVICE_TAGS: readonly { readonly tag: string; readonly reach: Reach; readonly why: string }[] = [
    { tag: "*", reach: "anyone", why: "which means any address" },
    { tag: "Any", reach: "anyone", why: "which means any address" },
    { tag: "Internet", reach: "anyone", why: "the service tag for every public address" },
    { tag: "AzureCloud", reach: "anyone", why: "the service tag for every Azure datacenter address, where anyone can run a VM" },
    {
        tag: "VirtualNetwork",
        reach: "unknown",
        why: "the service tag for the virtual network, its peerings, the networks behind its gateways and its routes' prefixes, which the pack cannot see",
    },
    { tag: "AzureLoadBalancer", reach: "unknown", why: "the service tag for Azure's health probes and host infrastructure, which the pack does not size" },
];

/** Protocols without ports: a rule for them opens no TCP or UDP port, and the port analysis leaves it out. */
export const PORTLESS_PROTOCOLS: readonly string[] = ["icmp", "esp", "ah"];

// ---- Ranges: both families as [start, end) over bigint ----

interface Range {
    readonly start: bigint;
    /** One past the last address. */
    readonly end: bigint;
}

function rangeOf(start: bigint, prefixLength: number, bits: number): Range {
    return { start, end: start + (1n << BigInt(bits - prefixLength)) };
}

/** Whether the ranges, merged, cover [start, end) entirely. */
function covered(ranges: readonly Range[], start: bigint, end: bigint): boolean {
    let reached = start;
    for (const r of [...ranges].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))) {
        if (r.start > reached) {
            break;
        }
        reached = r.end > reached ? r.end : reached;
        if (reached >= end) {
            return true;
        }
    }
    return reached >= end;
}

// ---- IPv4 ----

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** An IPv4 address as a number, whatever its octets' leading zeros; undefined when it is not one. */
function ipv4Value(text: string): number | undefined {
    const match = IPV4.exec(text);
    const octets = match?.slice(1, 5).map(Number) ?? [];
    return octets.length === 4 && octets.every((o) => o <= 255) ? octets.reduce((acc, o) => acc * 256 + o, 0) : undefined;
}

function ipv4Text(value: number): string {
    return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join(".");
}

function ipv4Block(block: string): Range {
    const [address = "", length = "32"] = block.split("/");
    return rangeOf(BigInt(ipv4Value(address) ?? 0), Number(length), 32);
}

const SPECIAL_IPV4 = SPECIAL_PURPOSE_IPV4.map((s) => ipv4Block(s.block));

/** The first whole public /8 the ranges cover, as `a.0.0.0/8`. */
function publicIpv4Block(ranges: readonly Range[]): string | undefined {
    const size = 1n << BigInt(32 - IPV4_ANYONE_PREFIX_LENGTH);
    for (let block = 0n; block < 1n << BigInt(IPV4_ANYONE_PREFIX_LENGTH); block++) {
        const start = block * size;
        if (covered(ranges, start, start + size) && !covered(SPECIAL_IPV4, start, start + size)) {
            return `${block}.0.0.0/${IPV4_ANYONE_PREFIX_LENGTH}`;
        }
    }
    return undefined;
}

/**
 * The first whole /8 that the sources cover together and that holds public addresses (one not wholly set aside as
 * special-purpose), as `a.0.0.0/8`; undefined when they open no such block.
 */
export function publicBlockCovered(sources: readonly Ipv4Range[]): string | undefined {
    return publicIpv4Block(sources.map((s) => rangeOf(BigInt(s.network), s.prefixLength, 32)));
}

/**
 * The canonical spelling of an IPv4 address or CIDR that Azure would read as another text's (octets without leading
 * zeros); undefined when the text is already canonical or is not an address at all.
 */
export function canonicalSpelling(text: string): string | undefined {
    const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(\/\d{1,2})?$/.exec(text);
    if (!match) {
        return undefined;
    }
    const octets = match.slice(1, 5).map(Number);
    if (octets.some((o) => o > 255)) {
        return undefined;
    }
    const canonical = `${octets.join(".")}${match[5] ?? ""}`;
    return canonical === text ? undefined : canonical;
}

// ---- IPv6 ----

/** The 16-bit groups of one side of "::"; a dotted IPv4 tail counts as two groups where `tail` allows one. */
function ipv6Groups(part: string, tail: boolean): number[] | undefined {
    if (part === "") {
        return [];
    }
    const pieces = part.split(":");
    const groups: number[] = [];
    for (const [i, piece] of pieces.entries()) {
        const v4 = tail && i === pieces.length - 1 && piece.includes(".") ? ipv4Value(piece) : undefined;
        if (v4 !== undefined) {
            groups.push(Math.floor(v4 / 65536), v4 % 65536);
        } else if (/^[0-9a-f]{1,4}$/i.test(piece)) {
            groups.push(parseInt(piece, 16));
        } else {
            return undefined;
        }
    }
    return groups;
}

/** An IPv6 address as a 128-bit number; undefined when it is not one (zone ids are not addresses here). */
function ipv6Value(text: string): bigint | undefined {
    const halves = text.split("::");
    if (halves.length > 2) {
        return undefined;
    }
    const left = ipv6Groups(halves[0] ?? "", halves.length === 1);
    const right = halves.length === 2 ? ipv6Groups(halves[1] ?? "", true) : [];
    if (left === undefined || right === undefined) {
        return undefined;
    }
    const missing = 8 - left.length - right.length;
    if (halves.length === 2 ? missing < 1 : missing !== 0) {
        return undefined;
    }
    return [...left, ...new Array<number>(missing).fill(0), ...right].reduce((acc, g) => (acc << 16n) + BigInt(g), 0n);
}

/**
 * An IPv6 address in the form RFC 5952 recommends: lowercase, no leading zeros, the longest run of two or more zero
 * groups (the first, on a tie) written "::", and an IPv4-mapped address (::ffff:0:0/96) with its IPv4 tail dotted.
 */
function ipv6Text(value: bigint): string {
    const groups = [112n, 96n, 80n, 64n, 48n, 32n, 16n, 0n].map((shift) => Number((value >> shift) & 0xffffn));
    if (value >> 32n === 0xffffn) {
        return `::ffff:${ipv4Text(Number(value & 0xffffffffn))}`;
    }
    let best = { at: -1, length: 1 };
    for (let at = 0; at < 8; at++) {
        let length = 0;
        while (at + length < 8 && groups[at + length] === 0) {
            length++;
        }
        if (length > best.length) {
            best = { at, length };
        }
    }
    const hex = groups.map((g) => g.toString(16));
    return best.at < 0 ? hex.join(":")
        : `${hex.slice(0, best.at).join(":")}::${hex.slice(best.at + best.length).join(":")}`;
}

/** 2000::/3, global unicast space, where the registries' allocations lie (RFC 4291, IANA IPv6 Address Space registry). */
const GLOBAL_UNICAST: Range = rangeOf(0x2n << 124n, 3, 128);

/** The first whole /12 of global unicast space the ranges cover, as `2400::/12`. */
function publicIpv6Block(ranges: readonly Range[]): string | undefined {
    const size = 1n << BigInt(128 - IPV6_ANYONE_PREFIX_LENGTH);
    for (let start = GLOBAL_UNICAST.start; start < GLOBAL_UNICAST.end; start += size) {
        if (covered(ranges, start, start + size)) {
            return `${ipv6Text(start)}/${IPV6_ANYONE_PREFIX_LENGTH}`;
        }
    }
    return undefined;
}

// ---- Sources ----

/** What one source text of a security rule is. */
export type SourceReading =
    /** An address or prefix. `canonical` is set when the text is not written the way Azure reads it. */
    | { readonly kind: "range"; readonly family: 4 | 6; readonly range: Range; readonly canonical?: string }
    /** A service tag (or `*`, or the bare address 0.0.0.0), with who it lets in and why, said after the tag. */
    | { readonly kind: "tag"; readonly reach: Reach; readonly why: string }
    /** Neither an address nor a service tag. */
    | { readonly kind: "invalid" };

/** A prefix: the family's address, an optional `/length`, the range and its canonical text. */
function readPrefix(text: string): SourceReading | undefined {
    const [address = "", length, ...rest] = text.split("/");
    if (rest.length > 0 || (length !== undefined && !/^\d{1,3}$/.test(length))) {
        return undefined;
    }
    const v4 = ipv4Value(address);
    const v6 = v4 === undefined ? ipv6Value(address) : undefined;
    const bits = v4 !== undefined ? 32 : 128;
    const value = v4 !== undefined ? BigInt(v4) : v6;
    const prefixLength = length === undefined ? bits : Number(length);
    if (value === undefined || prefixLength > bits) {
        return undefined;
    }
    // Host bits set are cleared: the range is what Azure would filter, and the canonical text shows it.
    const network = (value >> BigInt(bits - prefixLength)) << BigInt(bits - prefixLength);
    const shown = bits === 32 ? ipv4Text(Number(network)) : ipv6Text(network);
    const canonical = length === undefined ? shown : `${shown}/${prefixLength}`;
    return {
        kind: "range",
        family: bits === 32 ? 4 : 6,
        range: rangeOf(network, prefixLength, bits),
        ...(canonical !== text ? { canonical } : {}),
    };
}

function serviceTag(text: string, trusted: readonly string[]): SourceReading | undefined {
    if (text !== "*" && !/^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)*$/.test(text)) {
        return undefined;
    }
    const [base = "", region] = text.toLowerCase().split(".", 2);
    const known = SERVICE_TAGS.find((t) => t.tag.toLowerCase() === base);
    if (known?.reach === "anyone") {
        return { kind: "tag", reach: "anyone", why: region === undefined ? known.why : `${known.why} (of one region)` };
    }
    if (trusted.some((t) => t.toLowerCase() === text.toLowerCase())) {
        return { kind: "tag", reach: "limited", why: "a service tag the pack config trusts" };
    }
    return { kind: "tag", reach: "unknown", why: known?.why ?? "a service tag the pack has no table for, so it cannot tell who that is" };
}

/**
 * What a source text is. `trusted` names service tags the caller takes as limited (a pack config's opt-out); a tag
 * that means anyone stays anyone. The bare address `0.0.0.0` is read as anyone, as some tools read it: no one means
 * the single unspecified address in an allow rule.
 */
export function readSource(text: string, trusted: readonly string[] = []): SourceReading {
    if (text.trim() === "0.0.0.0") {
        return { kind: "tag", reach: "anyone", why: "which some tools read as every address" };
    }
    return readPrefix(text) ?? serviceTag(text, trusted) ?? { kind: "invalid" };
}

/**
 * The canonical text of an address or prefix written otherwise: leading zeros (`00.0.0.0/0`, which some parsers read
 * as octal), host bits set (`10.0.0.1/8`), or IPv6 not in RFC 5952 form (`2001:DB8:0::/48`); undefined when the text
 * is canonical or is not an address.
 */
export function canonicalPrefix(text: string): string | undefined {
    const reading = readPrefix(text);
    return reading?.kind === "range" ? reading.canonical : undefined;
}

// ---- Security rules and ports ----

/** What the port analysis reads of one inbound Allow security rule. */
export interface InboundRuleFacts {
    /** sourceAddressPrefix and sourceAddressPrefixes, as written. */
    readonly sources: readonly string[];
    /** Whether the rule names source application security groups (members are NICs of one virtual network). */
    readonly sourceGroups: boolean;
    /** destinationPortRange and destinationPortRanges, as written; none means every port. */
    readonly ports: readonly string[];
    readonly protocol: string;
}

function texts(...values: unknown[]): string[] {
    return values.flatMap((v) => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]))
        .map((v) => (typeof v === "string" ? v : JSON.stringify(v)));
}

function get(value: unknown, key: string): unknown {
    return value !== null && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
}

/**
 * The facts of a security rule as azure-native and ARM (once its `properties` are merged in) spell it; undefined for
 * a rule that is Outbound or Deny. A rule that names neither direction nor access counts as inbound Allow, so a
 * malformed rule is judged rather than skipped. Deny rules are not honoured at all: a Deny at a higher priority does
 * not narrow an Allow here, so the verdict errs towards "open".
 */
export function securityRuleFacts(rule: unknown): InboundRuleFacts | undefined {
    const direction = get(rule, "direction");
    const access = get(rule, "access");
    if ((typeof direction === "string" && direction.toLowerCase() === "outbound") || (typeof access === "string" && access.toLowerCase() === "deny")) {
        return undefined;
    }
    const groups = get(rule, "sourceApplicationSecurityGroups");
    const protocol = get(rule, "protocol");
    return {
        sources: texts(get(rule, "sourceAddressPrefix"), get(rule, "sourceAddressPrefixes")),
        sourceGroups: Array.isArray(groups) && groups.length > 0,
        ports: texts(get(rule, "destinationPortRange"), get(rule, "destinationPortRanges")),
        protocol: typeof protocol === "string" ? protocol : "*",
    };
}

/** Who can reach a run of ports, and through which rules (their indexes in the list given). */
export interface PortReach {
    readonly from: number;
    /** Inclusive. */
    readonly to: number;
    readonly reach: Reach;
    /** Why, said of the rules' sources: "cover all of IPv4", "include \"VirtualNetwork\", the service tag ..."; empty when limited. */
    readonly why: string;
    readonly rules: readonly number[];
}

const ALL_PORTS = { from: 0, to: 65535 };

/** A port spec ("22", "20-30", "*"); one that is none of these counts as every port, so it cannot hide an opening. */
function portRange(spec: string): { from: number; to: number } {
    const text = spec.trim();
    const match = /^(\d{1,5})(?:\s*-\s*(\d{1,5}))?$/.exec(text);
    if (text === "*" || !match) {
        return ALL_PORTS;
    }
    const from = Number(match[1]);
    const to = Number(match[2] ?? match[1]);
    return from <= to && to <= 65535 ? { from, to } : ALL_PORTS;
}

interface Source {
    readonly rule: number;
    readonly text: string;
    readonly reading: SourceReading;
}

function listed(sources: readonly Source[]): number[] {
    return [...new Set(sources.map((s) => s.rule))];
}

/** Who the rules covering one port let in, together. */
function judge(rules: readonly { index: number; facts: InboundRuleFacts }[], trusted: readonly string[]): Omit<PortReach, "from" | "to"> {
    const sources: Source[] = rules.flatMap(({ index, facts }) => facts.sources.map((text) => ({ rule: index, text, reading: readSource(text, trusted) })));
    const anyoneTag = sources.filter((s) => s.reading.kind === "tag" && s.reading.reach === "anyone");
    const first = anyoneTag[0];
    if (first !== undefined && first.reading.kind === "tag") {
        return { reach: "anyone", why: `include ${JSON.stringify(first.text)}, ${first.reading.why}`, rules: listed(anyoneTag) };
    }
    for (const family of [4, 6] as const) {
        const ranged = sources.filter((s) => s.reading.kind === "range" && s.reading.family === family);
        const ranges = ranged.flatMap((s) => (s.reading.kind === "range" ? [s.reading.range] : []));
        const whole = family === 4 ? covered(ranges, 0n, 1n << 32n) : covered(ranges, GLOBAL_UNICAST.start, GLOBAL_UNICAST.end);
        const block = family === 4 ? publicIpv4Block(ranges) : publicIpv6Block(ranges);
        if (block !== undefined) {
            const why = whole ? (family === 4 ? "cover all of IPv4" : "cover all of global unicast IPv6")
                : family === 4 ? `cover ${block}, a whole /${IPV4_ANYONE_PREFIX_LENGTH} of public IPv4`
                    : `cover ${block}, a whole /${IPV6_ANYONE_PREFIX_LENGTH} of global unicast IPv6 (a regional registry's allocation)`;
            return { reach: "anyone", why, rules: listed(ranged) };
        }
    }
    const unknown = sources.filter((s) => s.reading.kind === "invalid" || (s.reading.kind === "tag" && s.reading.reach === "unknown"));
    const firstUnknown = unknown[0];
    if (firstUnknown !== undefined) {
        const why = firstUnknown.reading.kind === "tag" ? firstUnknown.reading.why : "which is neither an address range nor a service tag";
        return { reach: "unknown", why: `include ${JSON.stringify(firstUnknown.text)}, ${why}`, rules: listed(unknown) };
    }
    const sourceless = rules.filter(({ facts }) => facts.sources.length === 0 && !facts.sourceGroups);
    if (sourceless.length > 0) {
        return { reach: "unknown", why: "name no source at all", rules: sourceless.map((r) => r.index) };
    }
    return { reach: "limited", why: "", rules: rules.map((r) => r.index) };
}

/**
 * Per run of destination ports, who the inbound Allow rules let in together: the union of their sources, judged as
 * the file's comment says. `rules` holds one entry per rule, undefined for a rule the analysis leaves out (Outbound,
 * Deny); indexes in the answer are positions in it. Rules for portless protocols (ICMP, ESP, AH) are left out too.
 * Ports no rule allows are absent; adjacent ports with the same answer form one run.
 */
export function inboundReach(rules: readonly (InboundRuleFacts | undefined)[], trusted: readonly string[] = []): PortReach[] {
    const allowed = rules.flatMap((facts, index) => (facts === undefined || PORTLESS_PROTOCOLS.includes(facts.protocol.toLowerCase()) ? []
        : [{ index, facts, ranges: (facts.ports.length > 0 ? facts.ports : ["*"]).map(portRange) }]));
    const edges = [...new Set(allowed.flatMap((r) => r.ranges.flatMap((p) => [p.from, p.to + 1])))].sort((a, b) => a - b);
    const runs: PortReach[] = [];
    for (const [i, from] of edges.entries()) {
        const next = edges[i + 1];
        const covering = allowed.filter((r) => r.ranges.some((p) => p.from <= from && from <= p.to));
        if (next === undefined || covering.length === 0) {
            continue;
        }
        const answer = judge(covering, trusted);
        const last = runs[runs.length - 1];
        if (last !== undefined && last.to === from - 1 && last.reach === answer.reach && last.why === answer.why
            && last.rules.join() === answer.rules.join()) {
            runs[runs.length - 1] = { ...last, to: next - 1 };
        } else {
            runs.push({ from, to: next - 1, ...answer });
        }
    }
    return runs;
}

/** The run that holds `port`; undefined when no rule allows it. */
export function reachAt(runs: readonly PortReach[], port: number): PortReach | undefined {
    return runs.find((r) => r.from <= port && port <= r.to);
}
