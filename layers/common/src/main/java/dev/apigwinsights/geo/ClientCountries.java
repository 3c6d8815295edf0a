package dev.apigwinsights.geo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code client_country} of a {@code source_ip}: parse ({@link IpLiteral}), drop addresses
 * that have no country ({@link SpecialPurposeAddresses}), look up the rest in a
 * {@link CountryDatabase}, behind a bounded cache. Thread-safe; never throws for a value.
 *
 * <p><b>Setting</b> ({@value #SETTING_ENV} in Lambda, {@code --geoip-database} in the CLI): unset
 * or blank for the bundled snapshot, {@value #NONE} to leave the column empty, or the path of a
 * {@code .mmdb} file (for example a current GeoLite2-Country.mmdb in a layer of your own, under
 * {@code /opt}). Each setting's database is opened once per JVM and shared by every pipeline.
 *
 * <p><b>Cache.</b> A direct-mapped table of {@code cacheEntries} slots of one {@code long} each:
 * the top 54 bits of a 64-bit hash of the address text (its fingerprint) and the country's index
 * in 10 bits. The slot is chosen by the hash's low bits (16 with the default 65,536 slots), so two
 * addresses answer for each other only if the other 48 bits agree too: about 1 in 3 &times; 10^14
 * per comparison of two different addresses that share a slot. A hit is one hash over characters just parsed and one memory read; an earlier
 * design that kept (String, String) entries cost four dependent reads per hit, which measured
 * about 6% of the transformer's time once the 3 MB batch had pushed them out of the CPU caches.
 * A slot is read and written whole (opaque access), so a racing reader sees the old or the new
 * entry, never a mix; a miss overwrites the slot. Memory is the table alone: 8 bytes a slot.
 * Values longer than {@value IpLiteral#MAX_LENGTH} characters are neither cached nor looked up.
 */
public final class ClientCountries {
    /** The environment variable holding the setting. */
    public static final String SETTING_ENV = "GEOIP_DATABASE";
    /** Setting value: no country lookups. */
    public static final String NONE = "none";
    /** Cache slots per database (512 KB): a few thousand distinct clients per batch fit with few collisions. */
    public static final int DEFAULT_CACHE_ENTRIES = 65_536;
    /** Looks nothing up: every {@link #countryOf} is null. */
    public static final ClientCountries DISABLED = new ClientCountries(null, 1);

    private static final Logger LOG = LoggerFactory.getLogger(ClientCountries.class);
    private static final ConcurrentHashMap<String, ClientCountries> SHARED = new ConcurrentHashMap<>();
    private static final int WARM_UP_LOOKUPS = 4_000;

    /** Low bits of a slot: 0 for an empty slot, 1-676 for a country ({@link CountryDatabase#codeIndex} + 1), {@value #NO_COUNTRY} for none. */
    private static final long COUNTRY_MASK = 0x3FF;
    private static final int NO_COUNTRY = 0x3FF;

    private final CountryDatabase database;
    private final AtomicLongArray slots;
    private final int slotMask;
    private final AtomicBoolean failureLogged = new AtomicBoolean();

    /**
     * @param database     the database, or null for {@link #DISABLED}
     * @param cacheEntries cache slots, rounded up to a power of two (at least 1)
     */
    public ClientCountries(CountryDatabase database, int cacheEntries) {
        if (cacheEntries < 1) {
            throw new IllegalArgumentException("cacheEntries must be at least 1, was " + cacheEntries);
        }
        int bits = 32 - Integer.numberOfLeadingZeros(cacheEntries - 1);
        this.database = database;
        this.slots = new AtomicLongArray(1 << bits);
        this.slotMask = (1 << bits) - 1;
    }

    /**
     * The lookup a setting asks for, opened once per JVM per setting.
     *
     * @throws IllegalArgumentException for a file that is missing, not a MaxMind DB or not a country database
     */
    public static ClientCountries fromSetting(String setting) {
        String key = setting == null ? "" : setting.strip();
        if (NONE.equals(key.toLowerCase(Locale.ROOT))) {
            return DISABLED;
        }
        if (!key.isEmpty()) {
            key = Path.of(key).toAbsolutePath().normalize().toString();
        }
        return SHARED.computeIfAbsent(key, ClientCountries::load);
    }

    private static ClientCountries load(String file) {
        long started = System.nanoTime();
        CountryDatabase database = file.isEmpty() ? CountryDatabase.bundled() : CountryDatabase.open(Path.of(file));
        LOG.info("GeoIP country database {} opened in {} ms{}", database.description(), (System.nanoTime() - started) / 1_000_000,
                file.isEmpty() ? "; a snapshot: set " + SETTING_ENV + " to a current .mmdb for up-to-date countries (docs/geo.md)" : "");
        return new ClientCountries(database, DEFAULT_CACHE_ENTRIES);
    }

    /** Runs every lookup opened by {@link #fromSetting} so far through its database (SnapStart priming). */
    public static void warmUpShared() {
        SHARED.values().forEach(ClientCountries::warmUp);
    }

    /**
     * The ISO 3166-1 alpha-2 code (upper case) of the country the database places {@code sourceIp}
     * in; null for null, unparsable, special-purpose or unknown addresses. Never throws.
     */
    public String countryOf(String sourceIp) {
        if (database == null || sourceIp == null || sourceIp.length() > IpLiteral.MAX_LENGTH) {
            return null;
        }
        long hash = hash64(sourceIp);
        int slot = (int) hash & slotMask;
        long fingerprint = hash & ~COUNTRY_MASK;
        long cached = slots.getOpaque(slot);
        if ((cached & ~COUNTRY_MASK) == fingerprint && (cached & COUNTRY_MASK) != 0) {
            int country = (int) (cached & COUNTRY_MASK);
            return country == NO_COUNTRY ? null : CountryDatabase.codeAt(country - 1);
        }
        String country = lookUp(sourceIp);
        slots.setOpaque(slot, fingerprint | (country == null ? NO_COUNTRY : CountryDatabase.codeIndex(country) + 1));
        return country;
    }

    /** FNV-1a over the characters, then MurmurHash3's 64-bit finaliser so that every bit depends on every character. */
    static long hash64(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    /** The uncached lookup. */
    String lookUp(String sourceIp) {
        byte[] address = IpLiteral.parse(sourceIp);
        if (address == null) {
            return null;
        }
        byte[] routable = SpecialPurposeAddresses.routable(address);
        if (routable == null) {
            return null;
        }
        try {
            return database.country(routable);
        } catch (IOException | RuntimeException e) {
            if (failureLogged.compareAndSet(false, true)) {
                // the class only: the reader's messages quote the address, and client addresses are not logged
                LOG.warn("GeoIP lookup failed ({}); client_country stays empty for such rows (logged once)", e.getClass().getName());
            }
            return null;
        }
    }

    /**
     * Looks up a few thousand addresses spread over the IPv4 and IPv6 space, bypassing the cache,
     * so the parser, the reader and its decoder are loaded and compiled before a SnapStart snapshot
     * rather than on the first batch. Leaves the cache as it was.
     */
    public void warmUp() {
        if (database == null) {
            return;
        }
        for (int i = 0; i < WARM_UP_LOOKUPS; i++) {
            int v4 = i * 0x9E3779B9;
            lookUp((v4 >>> 24) + "." + ((v4 >>> 16) & 0xff) + "." + ((v4 >>> 8) & 0xff) + "." + (v4 & 0xff));
            if (i % 4 == 0) {
                lookUp("2" + Integer.toHexString(0x400 + (i & 0x3ff)) + ":" + Integer.toHexString(v4 >>> 16) + "::"
                        + Integer.toHexString(v4 & 0xffff));
            }
        }
    }

    /** Occupied cache slots, for tests. */
    int cachedEntries() {
        int n = 0;
        for (int i = 0; i < slots.length(); i++) {
            if (slots.get(i) != 0) {
                n++;
            }
        }
        return n;
    }

    /** What this lookup reads, for logs and the CLI. */
    public String description() {
        return database == null ? "none" : database.description();
    }
}
