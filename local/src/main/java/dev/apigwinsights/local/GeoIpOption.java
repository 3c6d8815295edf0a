package dev.apigwinsights.local;

import dev.apigwinsights.geo.ClientCountries;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --geoip-database FILE|none}: the CLI's spelling of the Lambda's {@code GEOIP_DATABASE}
 * (the option wins over the variable). A picocli mixin, so every command that runs the
 * transformer offers it the same way.
 */
final class GeoIpOption {
    @Option(names = "--geoip-database", paramLabel = "FILE|none",
            description = "GeoIP country database (.mmdb, e.g. a current GeoLite2-Country.mmdb) for client_country, or 'none'. "
                    + "Default: $GEOIP_DATABASE, else the bundled IPtoASN snapshot (docs/geo.md).")
    String database;

    /** {@code env} with {@code GEOIP_DATABASE} set from the option, when given. */
    Map<String, String> applyTo(Map<String, String> env) {
        if (database == null) {
            return env;
        }
        Map<String, String> withOption = new HashMap<>(env);
        withOption.put(ClientCountries.SETTING_ENV, database);
        return withOption;
    }
}
