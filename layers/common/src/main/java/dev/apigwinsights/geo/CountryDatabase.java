package dev.apigwinsights.geo;

import com.maxmind.db.CHMCache;
import com.maxmind.db.InvalidNetworkException;
import com.maxmind.db.MaxMindDbConstructor;
import com.maxmind.db.MaxMindDbParameter;
import com.maxmind.db.Metadata;
import com.maxmind.db.Networks;
import com.maxmind.db.Reader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * A MaxMind DB ({@code .mmdb}) file that maps IP networks to countries, read with MaxMind's reader
 * once per JVM. Thread-safe.
 *
 * <p>Record shapes understood, first match wins: {@code country_code} (the ip-location-db family,
 * e.g. the bundled iptoasn-country); {@code country.iso_code}, else
 * {@code registered_country.iso_code} (GeoIP2 / GeoLite2 Country and City, DB-IP's MMDB files);
 * {@code country} as a plain code (IPinfo's files). A value counts only if it is two ASCII
 * letters naming a country: {@code EU}, {@code AP} (regions some databases use) and {@code ZZ}
 * (unknown) are no country. Codes come back upper case and interned.
 */
public final class CountryDatabase {

    /** Where the bundled snapshot sits in the common jar (see layers/common/pom.xml). */
    public static final String BUNDLED_RESOURCE = "/dev/apigwinsights/geo/iptoasn-country.mmdb";

    private static final int RECORDS_CHECKED_WHEN_OPENED = 1_000;
    private static final String[] CODES = new String[26 * 26];

    static {
        for (char a = 'A'; a <= 'Z'; a++) {
            for (char b = 'A'; b <= 'Z'; b++) {
                CODES[(a - 'A') * 26 + (b - 'A')] = ("" + a + b).intern();
            }
        }
        for (String notACountry : new String[] {"EU", "AP", "ZZ"}) {
            CODES[(notACountry.charAt(0) - 'A') * 26 + (notACountry.charAt(1) - 'A')] = null;
        }
    }

    private final Reader reader;
    private final boolean ipv6;
    private final String description;

    private CountryDatabase(Reader reader, String source) {
        this.reader = reader;
        Metadata metadata = reader.getMetadata();
        this.ipv6 = metadata.getIpVersion() == 6;
        this.description = source + " (" + metadata.getDatabaseType() + ", built "
                + Instant.ofEpochMilli(metadata.getBuildDate().getTime()).atOffset(ZoneOffset.UTC).toLocalDate() + ")";
    }

    /**
     * The snapshot shipped in this jar: IPtoASN's country data (PDDL-1.0) as packaged on npm by
     * ip-location-db. Read into the heap (about 5 MB), so it is part of a SnapStart snapshot.
     *
     * @throws IllegalStateException when the jar was built without it (a build that skipped
     *                               layers/common's generate-resources phase)
     */
    public static CountryDatabase bundled() {
        try (InputStream in = CountryDatabase.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLED_RESOURCE + " is missing from the classpath: build layers/common with "
                        + "./mvnw, which fetches it (docs/geo.md)");
            }
            return checked(new Reader(in, new CHMCache()), "bundled iptoasn-country.mmdb");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled " + BUNDLED_RESOURCE, e);
        }
    }

    /**
     * A database file, e.g. a current GeoLite2-Country.mmdb. It is memory-mapped: the operating
     * system pages in what lookups touch, so a large City database costs little heap.
     *
     * @throws IllegalArgumentException when the file is missing, not a MaxMind DB, or holds no
     *                                  country in any of its first records (an ASN database, say)
     */
    public static CountryDatabase open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("GeoIP database not found: " + file);
        }
        try {
            return checked(new Reader(file.toFile(), Reader.FileMode.MEMORY_MAPPED, new CHMCache()), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("not a MaxMind DB (.mmdb) file: " + file + ": " + e.getMessage(), e);
        }
    }

    private static CountryDatabase checked(Reader reader, String source) {
        CountryDatabase database = new CountryDatabase(reader, source);
        try {
            Networks<CountryRecord> records = reader.networks(CountryRecord.class);
            for (int i = 0; i < RECORDS_CHECKED_WHEN_OPENED && records.hasNext(); i++) {
                if (records.next().getData().code() != null) {
                    return database;
                }
            }
        } catch (IOException | InvalidNetworkException | RuntimeException e) {
            throw new IllegalArgumentException(source + " cannot be read as a country database: " + e, e);
        }
        throw new IllegalArgumentException(source + " holds no country_code, country.iso_code or registered_country.iso_code "
                + "in its first records; is it a country (or city) database?");
    }

    /** What this database is, for logs: its source, type and build date. */
    public String description() {
        return description;
    }

    /**
     * The country of a routable address ({@link SpecialPurposeAddresses#routable}): 4 or 16 bytes.
     * Null when the database has no country for it, or holds IPv4 only and the address is IPv6.
     *
     * @throws IOException when the database is corrupt
     */
    String country(byte[] address) throws IOException {
        if (address.length == 16 && !ipv6) {
            return null;
        }
        InetAddress inet;
        try {
            inet = InetAddress.getByAddress(address); // a literal: never a DNS query
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IPv4 or IPv6 address length: " + address.length, e);
        }
        CountryRecord record = reader.get(inet, CountryRecord.class);
        return record == null ? null : record.code();
    }

    /** Two letters of a country code, any case, as the interned upper-case code; null for anything else. */
    static String countryCode(Object value) {
        if (!(value instanceof String s) || s.length() != 2) {
            return null;
        }
        int a = letter(s.charAt(0));
        int b = letter(s.charAt(1));
        return a < 0 || b < 0 ? null : CODES[a * 26 + b];
    }

    /** The index (0-675) of an interned code this class returned. */
    static int codeIndex(String code) {
        return (code.charAt(0) - 'A') * 26 + (code.charAt(1) - 'A');
    }

    /** The interned code at an index {@link #codeIndex} gave. */
    static String codeAt(int index) {
        return CODES[index];
    }

    /** 0-25 for an ASCII letter of either case, else -1. */
    private static int letter(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a';
        }
        return -1;
    }

    /**
     * One database record, decoded by the MaxMind reader through its annotated constructor (which
     * is why this class is public); only the fields named here are decoded.
     */
    public static final class CountryRecord {
        private final String code;

        @MaxMindDbConstructor
        public CountryRecord(@MaxMindDbParameter(name = "country_code") Object countryCode,
                             @MaxMindDbParameter(name = "country") Object country,
                             @MaxMindDbParameter(name = "registered_country") Object registeredCountry) {
            String found = countryCode(countryCode);
            if (found == null) {
                found = country instanceof Map<?, ?> map ? countryCode(map.get("iso_code")) : countryCode(country);
            }
            if (found == null && registeredCountry instanceof Map<?, ?> map) {
                found = countryCode(map.get("iso_code"));
            }
            this.code = found;
        }

        /** The country code, or null. */
        public String code() {
            return code;
        }
    }
}
