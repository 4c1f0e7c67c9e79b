/**
 * Who a set of source prefixes lets in, decided by address arithmetic rather than by spelling: an inbound port is open
 * to "anyone" when the sources that reach it, together, cover a whole /8 of public IPv4 space. `0.0.0.0/0` is the
 * obvious case; `0.0.0.0/1` with `128.0.0.0/1`, or a public `/8`, are the same exposure spelt otherwise. Pure.
 *
 * The special-purpose blocks are the IANA IPv4 Special-Purpose Address Registry
 * (https://www.iana.org/assignments/iana-ipv4-special-registry/, RFC 6890 and the RFCs each entry names) and the
 * multicast and reserved space (RFC 5771, RFC 1112): facts, listed here with their RFCs.
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

interface Range {
    readonly start: number;
    /** One past the last address. */
    readonly end: number;
}

function rangeOf(cidr: Ipv4Range): Range {
    return { start: cidr.network, end: cidr.network + 2 ** (32 - cidr.prefixLength) };
}

function blockRange(block: string): Range {
    const [address = "", length = "32"] = block.split("/");
    const network = address.split(".").reduce((acc, o) => acc * 256 + Number(o), 0);
    return { start: network, end: network + 2 ** (32 - Number(length)) };
}

const SPECIAL = SPECIAL_PURPOSE_IPV4.map((s) => blockRange(s.block));
const SLASH8 = 2 ** 24;

/** Whether the ranges, merged, cover [start, end) entirely. */
function covered(ranges: readonly Range[], start: number, end: number): boolean {
    let reached = start;
    for (const r of [...ranges].sort((a, b) => a.start - b.start)) {
        if (r.start > reached) {
            break;
        }
        reached = Math.max(reached, r.end);
        if (reached >= end) {
            return true;
        }
    }
    return reached >= end;
}

/**
 * The first whole /8 that the sources cover together and that holds public addresses (one not wholly set aside as
 * special-purpose), as `a.0.0.0/8`; undefined when they open no such block.
 */
export function publicBlockCovered(sources: readonly Ipv4Range[]): string | undefined {
    const ranges = sources.map(rangeOf);
    for (let block = 0; block < 256; block++) {
        const start = block * SLASH8;
        const end = start + SLASH8;
        if (covered(ranges, start, end) && !covered(SPECIAL, start, end)) {
            return `${block}.0.0.0/8`;
        }
    }
    return undefined;
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
