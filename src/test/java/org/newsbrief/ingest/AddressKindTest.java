package org.newsbrief.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every way of writing an address that is not on the public internet, and some that are. */
class AddressKindTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "93.184.216.34, PUBLIC",
            "8.8.8.8, PUBLIC",
            "2606:4700::1111, PUBLIC",
            "::ffff:93.184.216.34, PUBLIC",
            "64:ff9b::5db8:d822, PUBLIC",
            "2002:5db8:d822::1, PUBLIC",
            "127.0.0.1, PRIVATE",
            "127.255.255.254, PRIVATE",
            "10.1.2.3, PRIVATE",
            "172.16.0.5, PRIVATE",
            "172.31.255.255, PRIVATE",
            "192.168.1.1, PRIVATE",
            "100.64.0.1, PRIVATE",
            "100.127.255.254, PRIVATE",
            "198.18.0.1, PRIVATE",
            "192.0.2.1, PRIVATE",
            "::1, PRIVATE",
            "fd00::1, PRIVATE",
            "fc00::1, PRIVATE",
            "fec0::1, PRIVATE",
            // IPv4-compatible, -mapped and -translated forms of loopback and private addresses
            "::127.0.0.1, PRIVATE",
            "::7f00:1, PRIVATE",
            "::10.0.0.1, PRIVATE",
            "::ffff:127.0.0.1, PRIVATE",
            "::ffff:0:10.0.0.1, PRIVATE",
            // NAT64, well-known and local-use prefixes
            "64:ff9b::127.0.0.1, PRIVATE",
            "64:ff9b::c0a8:101, PRIVATE",
            "64:ff9b:1::5db8:d822, PRIVATE",
            // 6to4 carrying a private address, Teredo, documentation, discard-only
            "2002:c0a8:101::1, PRIVATE",
            "2002:7f00:1::, PRIVATE",
            "2001:0:4136:e378:8000:63bf:3fff:fdd2, PRIVATE",
            "2001:db8::1, PRIVATE",
            "100::1, PRIVATE",
            // where metadata services answer
            "169.254.169.254, LINK_LOCAL",
            "169.254.0.1, LINK_LOCAL",
            "192.0.0.192, LINK_LOCAL",
            "100.100.100.200, LINK_LOCAL",
            "fd00:ec2::254, LINK_LOCAL",
            "fe80::1, LINK_LOCAL",
            "febf::1, LINK_LOCAL",
            "::ffff:169.254.169.254, LINK_LOCAL",
            "::169.254.169.254, LINK_LOCAL",
            "64:ff9b::a9fe:a9fe, LINK_LOCAL",
            "2002:a9fe:a9fe::, LINK_LOCAL",
            // nowhere to fetch from
            "0.0.0.0, UNUSABLE",
            "0.1.2.3, UNUSABLE",
            "224.0.0.1, UNUSABLE",
            "239.255.255.250, UNUSABLE",
            "240.0.0.1, UNUSABLE",
            "255.255.255.255, UNUSABLE",
            "::, UNUSABLE",
            "::0.0.0.2, UNUSABLE",
            "ff02::1, UNUSABLE",
            "::ffff:0.0.0.0, UNUSABLE",
            "64:ff9b::e000:1, UNUSABLE",
    })
    void classifies(String literal, AddressKind expected) throws UnknownHostException {
        assertThat(AddressKind.of(InetAddress.getByName(literal))).isEqualTo(expected);
        assertThat(HttpFetcher.isPrivate(InetAddress.getByName(literal))).isEqualTo(expected != AddressKind.PUBLIC);
    }
}
