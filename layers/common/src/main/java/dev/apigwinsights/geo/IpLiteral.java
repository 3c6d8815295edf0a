package dev.apigwinsights.geo;

/**
 * Parses the text of an IP address into its bytes without ever touching DNS (unlike
 * {@link java.net.InetAddress#getByName}, which resolves anything that is not a literal).
 *
 * <p>API Gateway logs {@code $context.identity.sourceIp} as a bare address: dotted-quad IPv4, or
 * IPv6 text for dual-stack endpoints. Logs that reach us by other routes (a proxy's field mapped to
 * {@code source_ip}, an exported log) sometimes carry the decorations other tools write, so these
 * are accepted too: surrounding whitespace, {@code [v6]}, {@code [v6]:port}, {@code v4:port} and a
 * zone id ({@code fe80::1%eth0}). Everything else is rejected, including IPv4 parts with leading
 * zeros ({@code 010.0.0.1} is octal to some tools and decimal to others), hex or single-number IPv4
 * forms, host names and lists ({@code 198.51.100.1, 10.0.0.1}).
 */
final class IpLiteral {

    /** Longer values are not addresses (the longest decorated form, with a zone id, is far shorter). */
    static final int MAX_LENGTH = 100;

    private IpLiteral() {
    }

    /** 4 bytes for IPv4, 16 for IPv6 (an IPv4-mapped IPv6 address stays 16 bytes), or null if {@code text} is not an address. */
    static byte[] parse(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            return null;
        }
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && text.charAt(end - 1) <= ' ') {
            end--;
        }
        if (start == end) {
            return null;
        }
        if (text.charAt(start) == '[') {
            int close = text.indexOf(']', start);
            if (close < 0 || close >= end || (close + 1 < end && !isPort(text, close + 1, end))) {
                return null;
            }
            return parseIpv6(text, start + 1, close);
        }
        int firstColon = indexOf(text, ':', start, end);
        if (firstColon < 0) {
            return parseIpv4(text, start, end);
        }
        if (firstColon == text.lastIndexOf(':', end - 1) && firstColon > start) {
            // exactly one colon: IPv4 with a port
            return isPort(text, firstColon, end) ? parseIpv4(text, start, firstColon) : null;
        }
        return parseIpv6(text, start, end);
    }

    private static int indexOf(String s, char c, int from, int to) {
        int i = s.indexOf(c, from);
        return i >= 0 && i < to ? i : -1;
    }

    /** {@code :1} to {@code :65535} from {@code colon} to {@code end}. */
    private static boolean isPort(String s, int colon, int end) {
        if (s.charAt(colon) != ':' || end - colon < 2 || end - colon > 6) {
            return false;
        }
        int port = 0;
        for (int i = colon + 1; i < end; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            port = port * 10 + (c - '0');
        }
        return port <= 65535;
    }

    private static byte[] parseIpv4(String s, int from, int to) {
        byte[] out = new byte[4];
        return parseIpv4Into(s, from, to, out, 0) ? out : null;
    }

    /** Exactly four decimal parts 0-255, no sign, no leading zero. */
    private static boolean parseIpv4Into(String s, int from, int to, byte[] out, int offset) {
        int part = 0;
        int i = from;
        while (part < 4) {
            int value = 0;
            int digits = 0;
            while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                if (digits == 1 && value == 0) {
                    return false; // leading zero
                }
                value = value * 10 + (s.charAt(i) - '0');
                digits++;
                i++;
                if (digits > 3) {
                    return false;
                }
            }
            if (digits == 0 || value > 255) {
                return false;
            }
            out[offset + part] = (byte) value;
            part++;
            if (part < 4) {
                if (i >= to || s.charAt(i) != '.') {
                    return false;
                }
                i++;
            }
        }
        return i == to;
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** RFC 4291 text: eight groups of 1-4 hex digits, one optional {@code ::}, an optional dotted IPv4 tail, an optional zone id. */
    private static byte[] parseIpv6(String s, int from, int to) {
        int zone = indexOf(s, '%', from, to);
        if (zone >= 0) {
            if (zone == to - 1) {
                return null; // an empty zone id
            }
            to = zone;
        }
        if (from >= to) {
            return null;
        }
        byte[] out = new byte[16];
        int groups = 0;
        int gap = -1; // the group index where "::" stands
        int i = from;
        if (s.charAt(i) == ':') {
            if (i + 1 >= to || s.charAt(i + 1) != ':') {
                return null;
            }
            gap = 0;
            i += 2;
        }
        while (i < to) {
            if (groups == 8) {
                return null;
            }
            int j = i;
            int value = 0;
            while (j < to && j - i <= 4) {
                int digit = hex(s.charAt(j));
                if (digit < 0) {
                    break;
                }
                value = (value << 4) | digit;
                j++;
            }
            if (j < to && s.charAt(j) == '.') {
                if (groups > 6 || !parseIpv4Into(s, i, to, out, groups * 2)) {
                    return null;
                }
                groups += 2;
                break;
            }
            int digits = j - i;
            if (digits == 0 || digits > 4) {
                return null;
            }
            out[groups * 2] = (byte) (value >>> 8);
            out[groups * 2 + 1] = (byte) value;
            groups++;
            if (j == to) {
                break;
            }
            if (s.charAt(j) != ':') {
                return null;
            }
            j++;
            if (j < to && s.charAt(j) == ':') {
                if (gap >= 0) {
                    return null; // two "::"
                }
                gap = groups;
                j++;
            } else if (j == to) {
                return null; // a single trailing colon
            }
            i = j;
        }
        if (gap < 0) {
            return groups == 8 ? out : null;
        }
        if (groups == 8) {
            return null; // "::" stands for at least one group of zeros
        }
        int tail = groups - gap;
        System.arraycopy(out, gap * 2, out, 16 - tail * 2, tail * 2);
        java.util.Arrays.fill(out, gap * 2, 16 - tail * 2, (byte) 0);
        return out;
    }
}
