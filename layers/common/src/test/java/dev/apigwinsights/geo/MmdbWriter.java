package dev.apigwinsights.geo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes small MaxMind DB files for tests, following the MaxMind DB format specification 2.0: a
 * binary search tree of 24-bit records, a 16-byte separator, a data section of maps, strings and
 * unsigned integers, and the metadata map after the {@code \xAB\xCD\xEFMaxMind.com} marker.
 * MaxMind publishes no Java writer, and a hand-made file lets a test say exactly what a database
 * claims (for instance that private ranges are in some country) in a shape we do not ship
 * (GeoLite2's {@code country.iso_code}). Networks are inserted in order, a later (more specific)
 * one overriding an earlier one inside it.
 */
final class MmdbWriter {

    private static final byte[] METADATA_MARKER = {(byte) 0xAB, (byte) 0xCD, (byte) 0xEF,
        'M', 'a', 'x', 'M', 'i', 'n', 'd', '.', 'c', 'o', 'm'};

    private final int ipVersion;
    private final String databaseType;
    private final Node root = new Node();

    MmdbWriter(int ipVersion, String databaseType) {
        this.ipVersion = ipVersion;
        this.databaseType = databaseType;
    }

    /** Maps {@code cidr} (e.g. {@code 193.0.6.0/24}, {@code 2001:db8::/32}) to {@code data} (normally a map). */
    MmdbWriter put(String cidr, Object data) {
        int slash = cidr.indexOf('/');
        byte[] address = IpLiteral.parse(cidr.substring(0, slash));
        int prefix = Integer.parseInt(cidr.substring(slash + 1));
        if (ipVersion == 6 && address.length == 4) {
            byte[] mapped = new byte[16]; // IPv4 lives at ::a.b.c.d/96+n in an IPv6 tree
            System.arraycopy(address, 0, mapped, 12, 4);
            address = mapped;
            prefix += 96;
        }
        if (address.length * 8 != (ipVersion == 6 ? 128 : 32)) {
            throw new IllegalArgumentException(cidr + " does not fit an IPv" + ipVersion + " tree");
        }
        Leaf leaf = new Leaf(data);
        if (prefix == 0) {
            root.children[0] = leaf;
            root.children[1] = leaf;
            return this;
        }
        Node node = root;
        for (int depth = 0; depth < prefix - 1; depth++) {
            int bit = bit(address, depth);
            Object child = node.children[bit];
            if (!(child instanceof Node)) {
                Node split = new Node();
                split.children[0] = child;
                split.children[1] = child;
                node.children[bit] = split;
                child = split;
            }
            node = (Node) child;
        }
        node.children[bit(address, prefix - 1)] = leaf;
        return this;
    }

    void write(Path file) throws IOException {
        Files.write(file, build());
    }

    byte[] build() {
        List<Node> nodes = new ArrayList<>();
        IdentityHashMap<Node, Integer> numbers = new IdentityHashMap<>();
        ArrayDeque<Node> queue = new ArrayDeque<>(List.of(root));
        while (!queue.isEmpty()) {
            Node n = queue.poll();
            numbers.put(n, nodes.size());
            nodes.add(n);
            for (Object child : n.children) {
                if (child instanceof Node c && !numbers.containsKey(c) && !queue.contains(c)) {
                    queue.add(c);
                }
            }
        }
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        IdentityHashMap<Leaf, Integer> offsets = new IdentityHashMap<>();
        for (Node n : nodes) {
            for (Object child : n.children) {
                if (child instanceof Leaf leaf && !offsets.containsKey(leaf)) {
                    offsets.put(leaf, data.size());
                    encode(leaf.data, data);
                }
            }
        }
        int nodeCount = nodes.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Node n : nodes) {
            for (Object child : n.children) {
                int record = child instanceof Node c ? numbers.get(c)
                        : child instanceof Leaf leaf ? nodeCount + 16 + offsets.get(leaf)
                        : nodeCount;
                out.write(record >>> 16);
                out.write(record >>> 8);
                out.write(record);
            }
        }
        out.writeBytes(new byte[16]);
        out.writeBytes(data.toByteArray());
        out.writeBytes(METADATA_MARKER);
        Map<String, Object> metadata = new java.util.LinkedHashMap<>();
        metadata.put("node_count", (long) nodeCount);
        metadata.put("record_size", 24);
        metadata.put("ip_version", ipVersion);
        metadata.put("database_type", databaseType);
        metadata.put("languages", List.of("en"));
        metadata.put("binary_format_major_version", 2);
        metadata.put("binary_format_minor_version", 0);
        metadata.put("build_epoch", BigInteger.valueOf(1_750_000_000L));
        metadata.put("description", Map.of("en", "test database written by MmdbWriter"));
        encode(metadata, out);
        return out.toByteArray();
    }

    private static int bit(byte[] address, int index) {
        return (address[index / 8] >>> (7 - index % 8)) & 1;
    }

    /** Maps, strings, arrays and unsigned integers: Integer as uint16, Long as uint32, BigInteger as uint64 (as the reader decodes them). */
    private static void encode(Object value, ByteArrayOutputStream out) {
        if (value instanceof String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            control(2, utf8.length, out);
            out.writeBytes(utf8);
        } else if (value instanceof Map<?, ?> map) {
            control(7, map.size(), out);
            map.forEach((k, v) -> {
                encode(k, out);
                encode(v, out);
            });
        } else if (value instanceof List<?> list) {
            control(11, list.size(), out);
            list.forEach(v -> encode(v, out));
        } else if (value instanceof Integer n) {
            unsigned(5, n, out);
        } else if (value instanceof Long n) {
            unsigned(6, n, out);
        } else if (value instanceof BigInteger n) {
            unsigned(9, n.longValueExact(), out);
        } else {
            throw new IllegalArgumentException("cannot encode " + value);
        }
    }

    private static void unsigned(int type, long n, ByteArrayOutputStream out) {
        int bytes = (64 - Long.numberOfLeadingZeros(n) + 7) / 8;
        control(type, bytes, out);
        for (int i = bytes - 1; i >= 0; i--) {
            out.write((int) (n >>> (8 * i)));
        }
    }

    /** A control byte (type in the top 3 bits, or 0 and an extended type byte) and the size. */
    private static void control(int type, int size, ByteArrayOutputStream out) {
        int sizeBits = size < 29 ? size : size < 285 ? 29 : 30;
        out.write((type <= 7 ? type << 5 : 0) | sizeBits);
        if (type > 7) {
            out.write(type - 7);
        }
        if (sizeBits == 29) {
            out.write(size - 29);
        } else if (sizeBits == 30) {
            out.write((size - 285) >>> 8);
            out.write(size - 285);
        }
    }

    private static final class Node {
        final Object[] children = new Object[2];
    }

    private record Leaf(Object data) {
    }
}
