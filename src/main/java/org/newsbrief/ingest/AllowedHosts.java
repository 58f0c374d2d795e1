package org.newsbrief.ingest;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The hosts and addresses that may be fetched although they are not public, as given by
 * {@code --allow-host} or {@code fetch.allow_hosts}. An entry is a host name
 * ({@code intranet.example}), all names below a domain ({@code *.corp.example}, not the domain
 * itself), an address ({@code 10.1.2.3}, {@code fd00::5}) or a range ({@code 10.0.0.0/8}). A
 * name lets that name reach loopback and private addresses; only an address or range lets a
 * link-local address such as a cloud metadata service be reached, so no host name and no
 * redirect can lead there by accident. Each redirect hop is judged anew by its own host.
 */
public final class AllowedHosts {

    private static final Pattern NAME = Pattern.compile("[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*");
    private static final Pattern LITERAL = Pattern.compile("[0-9.]+|\\[?[0-9a-f:.]*:[0-9a-f:.]*]?");

    private record Entry(String name, boolean below, byte[] network, int prefix) {

        boolean names(String host) {
            return name != null && (below ? host.endsWith("." + name) : host.equals(name));
        }

        boolean contains(InetAddress address) {
            byte[] raw = address.getAddress();
            if (network == null || raw.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((raw[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final boolean privateNetwork;
    private final List<Entry> entries;

    private AllowedHosts(boolean privateNetwork, List<Entry> entries) {
        this.privateNetwork = privateNetwork;
        this.entries = List.copyOf(entries);
    }

    /**
     * @param privateNetwork whether every loopback and private address may be fetched
     *     ({@code --allow-private-network}); link-local addresses stay refused
     * @param allowed the entries, as the user wrote them
     * @return the allow-list
     * @throws IllegalArgumentException naming the first entry that is no host name, address or range
     */
    public static AllowedHosts of(boolean privateNetwork, List<String> allowed) {
        List<Entry> entries = new ArrayList<>();
        for (String entry : Objects.requireNonNull(allowed, "allowed")) {
            entries.add(parse(entry));
        }
        return new AllowedHosts(privateNetwork, entries);
    }

    private static Entry parse(String written) {
        String entry = Objects.requireNonNull(written, "allowed host").strip().toLowerCase(Locale.ROOT);
        if (entry.endsWith(".")) {
            entry = entry.substring(0, entry.length() - 1);
        }
        int slash = entry.indexOf('/');
        String address = slash < 0 ? entry : entry.substring(0, slash);
        if (LITERAL.matcher(address).matches()) {
            byte[] network = literal(address, written);
            int prefix = network.length * 8;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new IllegalArgumentException("allowed host '" + written + "': the range needs a prefix length"
                            + " from 0 to " + network.length * 8);
                }
            }
            return new Entry(null, false, network, prefix);
        }
        boolean below = entry.startsWith("*.");
        String name = below ? entry.substring(2) : entry;
        if (slash >= 0 || !NAME.matcher(name).matches() || below && !name.contains(".")) {
            throw new IllegalArgumentException("allowed host '" + written + "' is not a host name (intranet.example),"
                    + " a domain (*.corp.example), an address (10.1.2.3) or a range (10.0.0.0/8)");
        }
        return new Entry(name, below, null, 0);
    }

    private static byte[] literal(String address, String written) {
        String bare = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        // only dotted quads and IPv6 reach here, which the JDK parses without a lookup
        if (bare.indexOf(':') < 0 && !bare.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            throw new IllegalArgumentException("allowed host '" + written + "' is not an address: write all four parts");
        }
        try {
            return InetAddress.getByName(bare).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("allowed host '" + written + "' is not an address", e);
        }
    }

    /**
     * Refuses a host whose addresses are not all public or allowed.
     *
     * @param url the address being fetched, for the message
     * @param host the host of that hop
     * @param addresses what the host resolved to; these and only these will be connected to
     * @throws FetchException naming the URL, the host, the address and the flag that would allow it
     */
    void check(String url, String host, List<InetAddress> addresses) {
        String name = host.toLowerCase(Locale.ROOT);
        boolean named = entries.stream().anyMatch(entry -> entry.names(name));
        for (InetAddress address : addresses) {
            AddressKind kind = AddressKind.of(address);
            boolean listed = entries.stream().anyMatch(entry -> entry.contains(address));
            boolean allowed = switch (kind) {
                case PUBLIC -> true;
                case PRIVATE -> privateNetwork || named || listed;
                case LINK_LOCAL -> listed;
                case UNUSABLE -> false;
            };
            if (!allowed) {
                throw new FetchException(url + ": refused, " + host + " is " + kind.description() + " address ("
                        + address.getHostAddress() + ")" + hint(kind, host, address), false);
            }
        }
    }

    private static String hint(AddressKind kind, String host, InetAddress address) {
        return switch (kind) {
            case PRIVATE -> "; allow it with --allow-host " + host + " or --allow-private-network";
            case LINK_LOCAL -> "; only --allow-host " + address.getHostAddress() + " allows it";
            default -> "";
        };
    }
}
