package dev.apigwinsights.enrich;

import java.time.Duration;

/** Where usage plans and API keys come from: the live API Gateway account, or a file. */
interface UsagePlanSource {

    /**
     * Loads a complete snapshot (every page of every list) or fails; never a partial one.
     *
     * @param budget the most time the load may take, retries included
     * @throws UsagePlanLoadException or any SDK exception when the data could not be loaded
     */
    UsagePlanSnapshot load(Duration budget);

    /** A short description for log lines ("API Gateway us-east-1", "file events/usage-plans.json"). */
    String describe();
}
