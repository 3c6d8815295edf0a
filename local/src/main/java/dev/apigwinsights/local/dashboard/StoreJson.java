package dev.apigwinsights.local.dashboard;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@link StoreQueries.StoreSummary} as JSON: {@code rows}, {@code first}, {@code last} (ISO-8601 or absent), {@code columns}. */
final class StoreJson {

    private StoreJson() {
    }

    static ObjectNode of(StoreQueries.StoreSummary s) {
        ObjectNode n = HtmlSafeJson.object().put("dataDir", s.dataDir()).put("rows", s.rows());
        s.first().ifPresent(t -> n.put("first", t.toString()));
        s.last().ifPresent(t -> n.put("last", t.toString()));
        s.columns().forEach(n.putArray("columns")::add);
        return n;
    }
}
