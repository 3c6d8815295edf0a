package dev.apigwinsights.derive;

import static dev.apigwinsights.schema.CanonicalField.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwinsights.schema.CanonicalRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DerivationsRegionTest {

    private final Derivations derivations = new Derivations(new UserAgentClassifier(100));

    private CanonicalRecord derived(CanonicalRecord r) {
        derivations.derive(r);
        return r;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "9iljix61i7.execute-api.eu-north-1.amazonaws.com, eu-north-1, 9iljix61i7",
        "a1b2c3d4e5.execute-api.us-east-1.amazonaws.com, us-east-1, a1b2c3d4e5",
        "a1b2c3d4e5.execute-api.cn-northwest-1.amazonaws.com.cn, cn-northwest-1, a1b2c3d4e5",
        "a1b2c3d4e5.execute-api-fips.us-gov-west-1.amazonaws.com, us-gov-west-1, a1b2c3d4e5",
        "a1b2c3d4e5.execute-api-fips.us-east-2.amazonaws.com, us-east-2, a1b2c3d4e5",
        "a1b2c3d4e5.execute-api.ap-southeast-2.api.aws, ap-southeast-2, a1b2c3d4e5",
        "a1b2c3d4e5-vpce-0123456789abcdef0.execute-api.ca-central-1.amazonaws.com, ca-central-1, a1b2c3d4e5-vpce-0123456789abcdef0",
        "vpce-0123456789abcdef0-abcdefgh.execute-api.eu-west-1.vpce.amazonaws.com, eu-west-1, vpce-0123456789abcdef0-abcdefgh",
        "a1b2c3d4e5.execute-api.us-iso-east-1.c2s.ic.gov, us-iso-east-1, a1b2c3d4e5",
        "a1b2c3d4e5.execute-api.us-isob-east-1.sc2s.sgov.gov, us-isob-east-1, a1b2c3d4e5",
        "a1b2c3d4e5.execute-api.eusc-de-east-1.amazonaws.eu, eusc-de-east-1, a1b2c3d4e5",
        "d-abc123xyz.execute-api.il-central-1.amazonaws.com, il-central-1, d-abc123xyz",
        "A1B2C3D4E5.EXECUTE-API.US-WEST-2.AMAZONAWS.COM, us-west-2, A1B2C3D4E5",
    })
    void readsTheRegionAndPrefixOfEveryExecuteApiHostForm(String domain, String region, String prefix) {
        CanonicalRecord r = derived(new CanonicalRecord().set(DOMAIN_NAME, domain));

        assertThat(r.getString(REGION)).isEqualTo(region);
        assertThat(r.getString(DOMAIN_PREFIX)).isEqualTo(prefix);
    }

    @Test
    void takesTheFirstLabelOfACustomDomainAsPrefixButNoRegion() {
        CanonicalRecord r = derived(new CanonicalRecord().set(DOMAIN_NAME, "api.example.com"));

        assertThat(r.getString(DOMAIN_PREFIX)).isEqualTo("api");
        assertThat(r.getString(REGION)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "a1b2c3d4e5.execute-api.amazonaws.com",
        "a1b2c3d4e5.execute-api.not-a-region.amazonaws.com",
        "a1b2c3d4e5.execute-api.useast1.amazonaws.com",
        "a1b2c3d4e5.execute-api.us-east-1a.amazonaws.com",
        "a1b2c3d4e5.myexecute-api.us-east-1.amazonaws.com",
        "a1b2c3d4e5.execute-api.us-east-1",
        "execute-api",
    })
    void refusesAnythingThatIsNotARegion(String domain) {
        assertThat(derived(new CanonicalRecord().set(DOMAIN_NAME, domain)).getString(REGION)).isNull();
    }

    @Test
    void readsTheRegionOfAWebAclArnWhenTheDomainIsCustom() {
        CanonicalRecord r = derived(new CanonicalRecord().set(DOMAIN_NAME, "api.example.com")
                .set(WEBACL_ARN, "arn:aws:wafv2:eu-central-1:123456789012:regional/webacl/api-acl/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"));

        assertThat(r.getString(REGION)).isEqualTo("eu-central-1");
    }

    @Test
    void findsNoRegionInIamAndStsArnsWhichHaveNone() {
        CanonicalRecord iam = derived(new CanonicalRecord().set(USER_ARN, "arn:aws:iam::123456789012:user/alice"));
        CanonicalRecord sts = derived(new CanonicalRecord()
                .set(USER_ARN, "arn:aws:sts::123456789012:assumed-role/ops/alice@example.com"));

        assertThat(iam.getString(REGION)).isNull();
        assertThat(sts.getString(REGION)).isNull();
    }

    @Test
    void readsTheRegionOfACognitoIssuerClaim() {
        CanonicalRecord r = derived(new CanonicalRecord()
                .set(CLAIMS_ISS, "https://cognito-idp.ap-northeast-1.amazonaws.com/ap-northeast-1_AbCdEfGhI"));

        assertThat(r.getString(REGION)).isEqualTo("ap-northeast-1");
    }

    @Test
    void readsTheRegionOfACognitoAuthenticationProvider() {
        CanonicalRecord r = derived(new CanonicalRecord().set(COGNITO_AUTHENTICATION_PROVIDER,
                "cognito-idp.us-west-2.amazonaws.com/us-west-2_aaaaaaaaa,cognito-idp.us-west-2.amazonaws.com/us-west-2_aaaaaaaaa:CognitoSignIn:qqqqqqqq-1111-2222-3333-rrrrrrrrrrrr"));

        assertThat(r.getString(REGION)).isEqualTo("us-west-2");
    }

    @Test
    void readsTheRegionOfACognitoIdentityPoolId() {
        CanonicalRecord r = derived(new CanonicalRecord()
                .set(COGNITO_IDENTITY_POOL_ID, "eu-west-2:a1b2c3d4-5678-90ab-cdef-EXAMPLE22222"));

        assertThat(r.getString(REGION)).isEqualTo("eu-west-2");
    }

    @Test
    void prefersTheApisOwnDomainOverTheIdentityProvidersRegion() {
        CanonicalRecord r = derived(new CanonicalRecord()
                .set(DOMAIN_NAME, "a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com")
                .set(CLAIMS_ISS, "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEfGhI"));

        assertThat(r.getString(REGION)).isEqualTo("eu-west-1");
    }

    @Test
    void neverOverwritesARegionOrPrefixTheLogProvided() {
        CanonicalRecord r = derived(new CanonicalRecord()
                .set(DOMAIN_NAME, "a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com")
                .set(REGION, "logged-region").set(DOMAIN_PREFIX, "logged-prefix"));

        assertThat(r.getString(REGION)).isEqualTo("logged-region");
        assertThat(r.getString(DOMAIN_PREFIX)).isEqualTo("logged-prefix");
    }

    @Test
    void givesEachRecordItsOwnDomainsFactsWhenDomainsAlternate() {
        String[] domains = {
            "aaaaaaaaaa.execute-api.us-east-1.amazonaws.com", "api.example.com", "bbbbbbbbbb.execute-api.eu-west-3.amazonaws.com",
        };
        String[] regions = {"us-east-1", null, "eu-west-3"};
        String[] prefixes = {"aaaaaaaaaa", "api", "bbbbbbbbbb"};

        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < domains.length; i++) {
                CanonicalRecord r = derived(new CanonicalRecord().set(DOMAIN_NAME, domains[i]));
                assertThat(r.getString(REGION)).isEqualTo(regions[i]);
                assertThat(r.getString(DOMAIN_PREFIX)).isEqualTo(prefixes[i]);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"us-east-1", "eu-north-1", "ap-southeast-5", "us-gov-east-1", "us-iso-west-1", "us-isob-east-1",
        "eu-isoe-west-1", "cn-north-1", "me-central-1", "il-central-1", "mx-central-1", "eusc-de-east-1"})
    void acceptsRealRegionNames(String region) {
        assertThat(Regions.isRegion(region)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "us", "us-east", "us-east-", "useast-1", "US-EAST-1", "us-east-123", "u-east-1", "us-1-1",
        "us-gov--1", "global", "aws-global", "us-east-1 "})
    void rejectsStringsThatAreNotRegionNames(String region) {
        assertThat(Regions.isRegion(region)).isFalse();
    }
}
