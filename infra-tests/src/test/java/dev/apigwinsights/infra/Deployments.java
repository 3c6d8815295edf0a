package dev.apigwinsights.infra;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parameter combinations that change which resources a stack creates, and what a resource
 * looks like in each: the checks below run over every one of them, not only the defaults.
 */
final class Deployments {

    /** One set of parameter values, with the evaluator that resolves the template for it. */
    record Deployment(String name, Evaluator evaluator) {
        /** Whether CloudFormation creates {@code logicalId} in this deployment. */
        boolean creates(Template template, String logicalId) {
            JsonNode condition = template.resource(logicalId).get("Condition");
            return condition == null || evaluator.condition(condition.asText());
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private Deployments() {
    }

    /** Output format × with and without log groups × Lake Formation grants on and off. */
    static List<Deployment> all(Template template) {
        List<Deployment> out = new ArrayList<>();
        for (String format : List.of("PARQUET", "JSON")) {
            for (String groups : List.of("", "/aws/vendedlogs/http-a,/aws/vendedlogs/ws-b")) {
                for (String lakeFormation : List.of("false", "true")) {
                    Map<String, String> values = Map.of("OutputFormat", format, "CloudWatchLogGroupNames", groups,
                            "LakeFormationGrants", lakeFormation);
                    out.add(new Deployment(values.toString(), new Evaluator(template, values)));
                }
            }
        }
        return out;
    }
}
