package dev.apigwinsights.derive;

import java.util.Objects;

/**
 * A classified user agent. No component is ever null: a value that could not be recognised is
 * {@code "Other"}, uap-core's own convention, so that "the log had a user agent we could not
 * classify" ({@code Other}) stays distinct from "the log had no user agent" (null columns).
 *
 * @param family browser, bot or client library, e.g. {@code Chrome}, {@code Googlebot}, {@code curl}
 * @param os operating system family, e.g. {@code Mac OS X}, {@code iOS}, {@code Linux}
 * @param device device family, e.g. {@code iPhone}, {@code Mac}, {@code Spider}
 */
public record UserAgentInfo(String family, String os, String device) {

    /** The value used for any component that could not be recognised. */
    public static final String OTHER = "Other";

    /** A user agent nothing could be made of. */
    public static final UserAgentInfo UNKNOWN = new UserAgentInfo(OTHER, OTHER, OTHER);

    public UserAgentInfo {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(device, "device");
    }
}
