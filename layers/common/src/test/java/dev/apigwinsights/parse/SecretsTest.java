package dev.apigwinsights.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 7, item 5: what counts as an API key value or a certificate. */
class SecretsTest {
    @ParameterizedTest
    @ValueSource(strings = {"apiKey", "x-api-key", "X-Api-Key", "xApiKey", "identity.apiKey", "$context.identity.apiKey",
        "auth.api_key", "a.b.c.API_KEY", "apiKeys", "apiKeyValue", "clientCertPem", "clientCert.clientCertPem", "certPem",
        "pem", "identity.clientCert.clientCertPem", "userApiKey"})
    void recognisesKeysThatHoldApiKeysOrCertificates(String key) {
        assertThat(Secrets.isSecretKey(key)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"apiKeyId", "identity.apiKeyId", "api_key_id", "apiKeyName", "keyId", "subjectDN",
        "clientCert.subjectDN", "apiKey.id", "status", "pemaquid", ""})
    void leavesOtherKeysAlone(String key) {
        assertThat(Secrets.isSecretKey(key)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----",
        "prefix -----BEGIN RSA PRIVATE KEY-----MIIE",
        "%2D%2D%2D%2D%2DBEGIN%20CERTIFICATE%2D%2D%2D%2D%2D%0AMIIB",
        "%2d%2d%2d%2d%2dBEGIN+CERTIFICATE",
        "-----BEGIN X-----"})
    void recognisesPemBlocksByContent(String value) {
        assertThat(Secrets.looksLikePem(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-", "Mozilla/5.0", "failed to BEGIN transaction", "----BEGIN", "BEGIN CERTIFICATE",
        "a----- BEGIN"})
    void leavesOtherValuesAlone(String value) {
        assertThat(Secrets.looksLikePem(value)).isFalse();
    }
}
