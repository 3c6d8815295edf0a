package dev.apigwinsights.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpLiteralTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "193.0.6.139|193.0.6.139",
        "0.0.0.0|0.0.0.0",
        "255.255.255.255|255.255.255.255",
        "'  193.0.6.139\t'|193.0.6.139",
        "193.0.6.139:443|193.0.6.139",
        "2001:67c:2e8:22::c100:68b|2001:67c:2e8:22:0:0:c100:68b",
        "2001:067C:02E8:0022:0000:0000:C100:068B|2001:67c:2e8:22:0:0:c100:68b",
        "::|0:0:0:0:0:0:0:0",
        "::1|0:0:0:0:0:0:0:1",
        "1::|1:0:0:0:0:0:0:0",
        "1:2:3:4:5:6:7::|1:2:3:4:5:6:7:0",
        "::2:3:4:5:6:7:8|0:2:3:4:5:6:7:8",
        "[2001:db8::1]|2001:db8:0:0:0:0:0:1",
        "[2001:db8::1]:8443|2001:db8:0:0:0:0:0:1",
        "fe80::1%eth0|fe80:0:0:0:0:0:0:1",
        "1:2:3:4:5:6:1.2.3.4|1:2:3:4:5:6:102:304",
    })
    void parsesTheAddressesApiGatewayAndCommonToolsWrite(String text, String expected) throws Exception {
        byte[] parsed = IpLiteral.parse(text);

        assertThat(parsed).isNotNull();
        assertThat(InetAddress.getByAddress(parsed).getHostAddress()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"::ffff:193.0.6.139", "::FFFF:C100:068B"})
    void keepsIpv4MappedAddressesAsSixteenBytes(String text) {
        byte[] parsed = IpLiteral.parse(text);

        assertThat(parsed).hasSize(16);
        assertThat(parsed).endsWith((byte) 193, (byte) 0, (byte) 6, (byte) 139);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", " ", "-", "unknown", "localhost", "example.com", "1.2.3", "1.2.3.4.5", "256.1.1.1",
        "1.2.3.-4", "+1.2.3.4", "01.2.3.4", "1.2.3.04", "1234.1.1.1", "0x7f.0.0.1", "3232235777", "1.2.3.4:", "1.2.3.4:99999",
        "1.2.3.4:http", "1.2.3.4 5.6.7.8", "198.51.100.1, 10.0.0.1", ":::", "1:::2", "1::2::3", "12345::", "1:2:3:4:5:6:7:8:9",
        "1:2:3:4:5:6:7:8::", ":1:2:3:4:5:6:7", "1:2:3:4:5:6:7:", "g::1", "[::1", "[::1]x", "::1%", "::1.2.3", "1.2.3.4::",
        "1:2:3:4:5:6:7:1.2.3.4", "２001:db8::1", "١.٢.٣.٤"})
    void rejectsAnythingElse(String text) {
        assertThat(IpLiteral.parse(text)).isNull();
    }

    @org.junit.jupiter.api.Test
    void rejectsNullAndOverlongValuesWithoutScanningThem() {
        assertThat(IpLiteral.parse(null)).isNull();
        assertThat(IpLiteral.parse("1".repeat(IpLiteral.MAX_LENGTH + 1))).isNull();
    }
}
