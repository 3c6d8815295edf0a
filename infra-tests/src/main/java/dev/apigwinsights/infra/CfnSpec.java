package dev.apigwinsights.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.apigwinsights.build.NpmTarball;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The CloudFormation resource specification as published in the npm package
 * {@code @aws-cdk/aws-service-spec} (the database the AWS CDK generates its L1 constructs from).
 *
 * <p>Format of {@code package/db.json.gz}, as far as we use it: {@code schema.resource.entities} is a
 * list of resource types, each with {@code cloudFormationType}, {@code properties} and
 * {@code attributes} (name to {@code {type, required?, previousTypes?}}); property types are
 * {@code {type: string|integer|number|boolean|json|date-time|tag}} (strings may carry
 * {@code allowedValues}), {@code {type: array|map, element}}, {@code {type: union, types}} or
 * {@code {type: ref, reference: {$ref: id}}} pointing into {@code schema.typeDefinition.entities}
 * (objects with their own {@code properties}). It also holds a dated SAM resource section
 * ({@code AWS::Serverless::*}).
 */
public final class CfnSpec {

    /** Pinned with {@code npm view @aws-cdk/aws-service-spec@<version> dist.integrity}. */
    public static final String PACKAGE = "@aws-cdk/aws-service-spec";
    public static final String VERSION = "0.1.216";
    public static final String INTEGRITY =
            "sha512-O3Lu6v6J6RnI+Eenklbw8237kV64cTpM94QEXmlcmsIAzhcKrdd+qApZhlTL+H3IDt1JP6Vphbd+OOmq6r8pqw==";
    private static final String DB_ENTRY = "package/db.json.gz";

    private static CfnSpec pinned;

    private final Map<String, JsonNode> resources;
    private final Map<String, JsonNode> typeDefinitions;

    CfnSpec(JsonNode db) {
        Map<String, JsonNode> byType = new HashMap<>();
        for (JsonNode resource : db.path("schema").path("resource").path("entities")) {
            byType.put(resource.path("cloudFormationType").asText(), resource);
        }
        Map<String, JsonNode> byId = new HashMap<>();
        for (JsonNode type : db.path("schema").path("typeDefinition").path("entities")) {
            byId.put(type.path("$id").asText(), type);
        }
        if (byType.isEmpty() || byId.isEmpty()) {
            throw new IllegalArgumentException("not an aws-service-spec database: no resources or type definitions");
        }
        this.resources = Collections.unmodifiableMap(byType);
        this.typeDefinitions = Collections.unmodifiableMap(byId);
    }

    /**
     * The pinned specification, fetched into {@code ~/.cache/apigw-insights} (override with
     * {@code -Dapigw.cache.dir}) from the npm registry ({@code -Dapigw.npm.registry}, default
     * {@code https://registry.npmjs.org/}) once, then read from the cache. Loaded once per JVM.
     */
    public static synchronized CfnSpec pinned() {
        if (pinned == null) {
            Path cacheDir = NpmTarball.defaultCacheDir();
            String registry = NpmTarball.defaultRegistry();
            try {
                NpmTarball tarball = new NpmTarball(PACKAGE, VERSION, INTEGRITY);
                Path tgz = tarball.fetch(cacheDir, registry);
                byte[] db = NpmTarball.readEntry(tgz, DB_ENTRY)
                        .orElseThrow(() -> new IOException(tgz + " has no " + DB_ENTRY));
                pinned = new CfnSpec(new ObjectMapper().readTree(NpmTarball.gunzip(db)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load " + PACKAGE + "@" + VERSION
                        + " (needs the npm registry once, then the cache in " + cacheDir + ")", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while downloading the spec", e);
            }
        }
        return pinned;
    }

    public Optional<JsonNode> resource(String cloudFormationType) {
        return Optional.ofNullable(resources.get(cloudFormationType));
    }

    public JsonNode typeDefinition(JsonNode refType) {
        String id = refType.path("reference").path("$ref").asText();
        JsonNode definition = typeDefinitions.get(id);
        if (definition == null) {
            throw new IllegalStateException("dangling type reference " + id);
        }
        return definition;
    }

    /**
     * True when the type definition's documentation says it is a union (QuickSight's visuals,
     * filters, controls, field wells...): "only one of the attributes can be defined".
     */
    public static boolean isUnion(JsonNode typeDefinition) {
        return typeDefinition.path("documentation").asText("").contains("This is a union type structure");
    }

    /** Attribute names {@code Fn::GetAtt} accepts for a resource type (empty if the type is unknown). */
    public Set<String> attributes(String cloudFormationType) {
        return resource(cloudFormationType)
                .map(r -> {
                    Set<String> names = new TreeSet<>();
                    r.path("attributes").fieldNames().forEachRemaining(names::add);
                    return names;
                })
                .orElse(Set.of());
    }
}
