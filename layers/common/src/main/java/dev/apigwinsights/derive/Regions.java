package dev.apigwinsights.derive;

import java.util.Locale;

/**
 * Finds the AWS region in the values API Gateway logs. Every candidate is checked against the
 * shape of a region name, so a custom domain or a malformed value yields null rather than junk.
 *
 * <p>Accepted region shapes: {@code [a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d{1,2}} (e.g.
 * {@code eu-north-1}, {@code us-gov-west-1}, {@code us-isob-east-1}, {@code cn-northwest-1}) and
 * the European Sovereign Cloud form {@code eusc-[a-z]{2}-[a-z]+-\d{1,2}}.
 */
final class Regions {

    private static final String EXECUTE_API = "execute-api";
    private static final String COGNITO_IDP = "cognito-idp.";

    private Regions() {
    }

    /**
     * The region of a default API Gateway host name: the label after {@code execute-api} or
     * {@code execute-api-fips}, whatever the suffix ({@code amazonaws.com},
     * {@code amazonaws.com.cn}, dualstack {@code api.aws}, private {@code vpce.amazonaws.com}).
     * Null for custom domain names.
     */
    static String fromDomainName(String domainName) {
        String d = domainName.toLowerCase(Locale.ROOT);
        int from = 0;
        while (true) {
            int at = d.indexOf(EXECUTE_API, from);
            if (at < 0) {
                return null;
            }
            from = at + EXECUTE_API.length();
            // execute-api must be a whole label, possibly "execute-api-fips".
            if (at > 0 && d.charAt(at - 1) != '.') {
                continue;
            }
            int labelEnd = from;
            if (d.startsWith("-fips", labelEnd)) {
                labelEnd += "-fips".length();
            }
            if (labelEnd >= d.length() || d.charAt(labelEnd) != '.') {
                continue;
            }
            int regionStart = labelEnd + 1;
            int regionEnd = d.indexOf('.', regionStart);
            if (regionEnd < 0) {
                continue;
            }
            if (isRegion(d, regionStart, regionEnd)) {
                return d.substring(regionStart, regionEnd);
            }
        }
    }

    /** The region field of an ARN ({@code arn:partition:service:region:account:resource}); null when empty (IAM, STS). */
    static String fromArn(String arn) {
        if (!arn.startsWith("arn:")) {
            return null;
        }
        int partitionEnd = arn.indexOf(':', 4);
        int serviceEnd = partitionEnd < 0 ? -1 : arn.indexOf(':', partitionEnd + 1);
        int regionEnd = serviceEnd < 0 ? -1 : arn.indexOf(':', serviceEnd + 1);
        if (regionEnd < 0 || !isRegion(arn, serviceEnd + 1, regionEnd)) {
            return null;
        }
        return arn.substring(serviceEnd + 1, regionEnd);
    }

    /**
     * The region of a Cognito user pool named in a value such as
     * {@code https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Ab12} (issuer claim) or
     * {@code cognito-idp.us-east-1.amazonaws.com/us-east-1_Ab12,cognito-idp...:CognitoSignIn:...}
     * (authentication provider).
     */
    static String fromCognitoIdp(String value) {
        int at = value.indexOf(COGNITO_IDP);
        if (at < 0) {
            return null;
        }
        int start = at + COGNITO_IDP.length();
        int end = value.indexOf('.', start);
        return end > start && isRegion(value, start, end) ? value.substring(start, end) : null;
    }

    /** The region prefix of a Cognito identity pool id ({@code us-east-1:1a2b...}). */
    static String fromIdentityPoolId(String poolId) {
        int colon = poolId.indexOf(':');
        return colon > 0 && isRegion(poolId, 0, colon) ? poolId.substring(0, colon) : null;
    }

    /** Whether {@code s[from, to)} has the shape of an AWS region name. */
    static boolean isRegion(String s, int from, int to) {
        if (to - from < 9 || to - from > 32) {
            return false;
        }
        int i = from;
        // Geography: two letters, or "eusc-xx" for the European Sovereign Cloud.
        if (s.startsWith("eusc-", i)) {
            i += 5;
            if (!letters(s, i, i + 2) || i + 2 >= to || s.charAt(i + 2) != '-') {
                return false;
            }
            i += 3;
        } else {
            if (!letters(s, i, i + 2) || s.charAt(i + 2) != '-') {
                return false;
            }
            i += 3;
            // Optional partition marker: "gov-" or "iso[a-z]*-".
            if (s.startsWith("gov-", i)) {
                i += 4;
            } else if (s.startsWith("iso", i)) {
                int j = i + 3;
                while (j < to && isLower(s.charAt(j))) {
                    j++;
                }
                if (j >= to || s.charAt(j) != '-') {
                    return false;
                }
                i = j + 1;
            }
        }
        // Direction, e.g. "east", "northwest", "central", "southeast".
        int dirStart = i;
        while (i < to && isLower(s.charAt(i))) {
            i++;
        }
        if (i == dirStart || i >= to || s.charAt(i) != '-') {
            return false;
        }
        i++;
        int digits = to - i;
        if (digits < 1 || digits > 2) {
            return false;
        }
        for (; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    static boolean isRegion(String s) {
        return s != null && isRegion(s, 0, s.length());
    }

    private static boolean letters(String s, int from, int to) {
        if (to > s.length()) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!isLower(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }
}
