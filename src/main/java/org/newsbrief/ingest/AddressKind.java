package org.newsbrief.ingest;

import java.net.InetAddress;

/**
 * What an address is, as far as fetching from it goes. IPv6 forms that carry an IPv4 address
 * (IPv4-compatible {@code ::a.b.c.d}, IPv4-mapped and -translated, NAT64 {@code 64:ff9b::/96},
 * 6to4 {@code 2002::/16}) are judged by the IPv4 address inside, so a private address cannot be
 * reached by writing it another way.
 */
enum AddressKind {

    /** Reachable on the internet: fetched without asking. */
    PUBLIC("a public"),
    /** Loopback, private, carrier-grade NAT, unique-local and the like: fetched only when allowed. */
    PRIVATE("a loopback, private or reserved"),
    /**
     * Link-local, where cloud metadata services answer with credentials: fetched only when the
     * address itself is allowed, never through a host name or {@code --allow-private-network}.
     */
    LINK_LOCAL("a link-local or cloud metadata"),
    /** Unspecified, multicast, broadcast or reserved: there is no server to fetch from. */
    UNUSABLE("an unspecified, multicast or broadcast");

    private final String description;

    AddressKind(String description) {
        this.description = description;
    }

    /** @return words for an error message, such as "a link-local or cloud metadata" (address) */
    String description() {
        return description;
    }

    /**
     * @param address any address
     * @return its kind
     */
    static AddressKind of(InetAddress address) {
        byte[] raw = address.getAddress();
        return raw.length == 4 ? ofIpv4(raw) : ofIpv6(raw);
    }

    private static AddressKind ofIpv4(byte[] raw) {
        int a = raw[0] & 0xFF;
        int b = raw[1] & 0xFF;
        int c = raw[2] & 0xFF;
        int d = raw[3] & 0xFF;
        if (a == 0 || a >= 224) {
            // 0.0.0.0/8 reaches this machine on some systems; 224/4 multicast; 240/4 reserved and broadcast
            return UNUSABLE;
        }
        if (a == 169 && b == 254 || a == 192 && b == 0 && c == 0 || a == 100 && b == 100 && c == 100 && d == 200) {
            // link-local (AWS, GCP, Azure metadata), 192.0.0.0/24 (Oracle's older metadata) and Alibaba's metadata
            return LINK_LOCAL;
        }
        boolean reserved = a == 10 || a == 127
                || a == 100 && (b & 0xC0) == 64 // carrier-grade NAT 100.64.0.0/10
                || a == 172 && (b & 0xF0) == 16
                || a == 192 && b == 168
                || a == 192 && b == 0 && c == 2 // documentation
                || a == 192 && b == 88 && c == 99 // 6to4 relays
                || a == 198 && (b & 0xFE) == 18 // benchmarking 198.18.0.0/15
                || a == 198 && b == 51 && c == 100
                || a == 203 && b == 0 && c == 113;
        return reserved ? PRIVATE : PUBLIC;
    }

    private static AddressKind ofIpv6(byte[] raw) {
        int first = raw[0] & 0xFF;
        if (first == 0xFF) {
            return UNUSABLE;
        }
        if (first == 0xFE && (raw[1] & 0xC0) == 0x80) {
            return LINK_LOCAL;
        }
        if (isMetadata(raw)) {
            return LINK_LOCAL;
        }
        if ((first & 0xFE) == 0xFC || first == 0xFE && (raw[1] & 0xC0) == 0xC0) {
            return PRIVATE; // unique-local fc00::/7, deprecated site-local fec0::/10
        }
        if (zeros(raw, 0, 12)) {
            if (zeros(raw, 12, 16)) {
                return UNUSABLE; // ::
            }
            if (zeros(raw, 12, 15) && raw[15] == 1) {
                return PRIVATE; // ::1
            }
            return embedded(raw, 12); // IPv4-compatible ::a.b.c.d
        }
        if (zeros(raw, 0, 10) && (raw[10] & 0xFF) == 0xFF && (raw[11] & 0xFF) == 0xFF) {
            return embedded(raw, 12); // IPv4-mapped ::ffff:a.b.c.d
        }
        if (zeros(raw, 0, 8) && (raw[8] & 0xFF) == 0xFF && (raw[9] & 0xFF) == 0xFF && zeros(raw, 10, 12)) {
            return embedded(raw, 12); // IPv4-translated ::ffff:0:a.b.c.d
        }
        if (first == 0x00 && (raw[1] & 0xFF) == 0x64 && (raw[2] & 0xFF) == 0xFF && (raw[3] & 0xFF) == 0x9B) {
            if (zeros(raw, 4, 12)) {
                return embedded(raw, 12); // NAT64 64:ff9b::/96
            }
            if (raw[4] == 0 && raw[5] == 1) {
                return PRIVATE; // local-use NAT64 64:ff9b:1::/48 translates into the local network
            }
        }
        if (first == 0x01 && raw[1] == 0 && zeros(raw, 2, 8)) {
            return PRIVATE; // discard-only 100::/64
        }
        if (first == 0x20 && raw[1] == 0x02) {
            return embedded(raw, 2); // 6to4 2002:a.b.c.d::/48
        }
        if (first == 0x20 && raw[1] == 0x01 && raw[2] == 0 && raw[3] == 0) {
            return PRIVATE; // Teredo tunnels to an address hidden in the rest
        }
        if (first == 0x20 && raw[1] == 0x01 && (raw[2] & 0xFF) == 0x0D && (raw[3] & 0xFF) == 0xB8) {
            return PRIVATE; // documentation 2001:db8::/32
        }
        return PUBLIC;
    }

    /** AWS's IPv6 metadata service, fd00:ec2::254, which would otherwise count as merely private. */
    private static boolean isMetadata(byte[] raw) {
        return (raw[0] & 0xFF) == 0xFD && raw[1] == 0 && (raw[2] & 0xFF) == 0x0E && (raw[3] & 0xFF) == 0xC2
                && zeros(raw, 4, 14) && raw[14] == 0x02 && (raw[15] & 0xFF) == 0x54;
    }

    private static AddressKind embedded(byte[] raw, int offset) {
        byte[] v4 = {raw[offset], raw[offset + 1], raw[offset + 2], raw[offset + 3]};
        return ofIpv4(v4);
    }

    private static boolean zeros(byte[] raw, int from, int to) {
        for (int i = from; i < to; i++) {
            if (raw[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
