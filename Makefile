# Build targets for `sam build` (template.yaml: `Metadata: BuildMethod: makefile`, CodeUri/ContentUri `.`).
#
# Why a Makefile: sam's Maven builder copies only a function's CodeUri and runs Maven there, so a
# module whose <parent> pom sits outside that folder does not resolve (docs/deploy.md). Pointing
# CodeUri at the repository root and building with the Maven wrapper keeps one multi-module build.
#
# sam runs `make build-<LogicalId>` with ARTIFACTS_DIR set to an empty folder it then zips:
#   CommonLayer          -> java/lib/*.jar   (common + its runtime dependencies; Lambda adds /opt/java/lib)
#   TransformerFunction  -> lib/*.jar        (the transformer jar + runtime dependencies NOT in the layer)
#   ReportFunction       -> lib/*.jar        (the report function jar, the reports module, PDF/chart/mail libraries
#                                             and the Athena/S3/SES SDK modules; nothing the layer has, no DuckDB)
# infra-tests runs these same targets into target/sam-build/ during `./mvnw verify` and checks the layout.
#
# Other targets: `make glue-columns` regenerates the Glue column block of template.yaml from
# CanonicalField (never edit that block by hand); `make quicksight` regenerates the QuickSight nested
# stack quicksight/quicksight.json and the sheets part of docs/dashboards.md (never edit them by hand either);
# `make named-queries` the Athena named queries of template.yaml and `make insights-docs` the reference
# part of docs/insights.md, from the insight catalog.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

MVNW ?= ./mvnw
MVN_FLAGS ?= -B -q

COMMON_DIR := layers/common
TRANSFORMER_DIR := functions/transformer
REPORT_DIR := functions/report

# Recursively expanded on purpose: evaluated when a recipe runs, after Maven has produced the jars.
main_jar = $(filter-out %-sources.jar %-tests.jar %-javadoc.jar,$(wildcard $(1)/target/$(2)-*.jar))

.PHONY: help lambda-jars build-CommonLayer build-TransformerFunction build-ReportFunction glue-columns quicksight named-queries insights-docs check-artifacts-dir

help:
	@echo "Targets: build-CommonLayer, build-TransformerFunction, build-ReportFunction (used by sam build, need ARTIFACTS_DIR), glue-columns, quicksight, named-queries, insights-docs"

check-artifacts-dir:
	@if [ -z "$(ARTIFACTS_DIR)" ]; then echo "ARTIFACTS_DIR is not set (sam build sets it)" >&2; exit 2; fi

# Packages common and the functions (tests compiled, not run: `./mvnw verify` runs them; compiling them
# builds the reports test-jar functions/report depends on, which a fresh Maven repository lacks) and copies each module's
# runtime dependencies to <module>/target/dependency. The folders are emptied first so a dependency
# removed from a pom does not linger in the artifacts.
lambda-jars:
	rm -rf $(COMMON_DIR)/target/dependency $(TRANSFORMER_DIR)/target/dependency $(REPORT_DIR)/target/dependency
	$(MVNW) $(MVN_FLAGS) -pl $(COMMON_DIR),$(TRANSFORMER_DIR),$(REPORT_DIR) -am -DskipTests \
		package dependency:copy-dependencies -DincludeScope=runtime

build-CommonLayer: check-artifacts-dir lambda-jars
	rm -rf "$(ARTIFACTS_DIR)/java"
	mkdir -p "$(ARTIFACTS_DIR)/java/lib"
	cp $(call main_jar,$(COMMON_DIR),common) "$(ARTIFACTS_DIR)/java/lib/"
	shopt -s nullglob; for jar in $(COMMON_DIR)/target/dependency/*.jar; do cp "$$jar" "$(ARTIFACTS_DIR)/java/lib/"; done

# A function gets its own jar and only the dependencies the layer does not already provide (the
# layer's jars are matched by file name). $(1): the module's folder, $(2): its artifactId.
define function_artifacts
	rm -rf "$(ARTIFACTS_DIR)/lib"
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp $(call main_jar,$(1),$(2)) "$(ARTIFACTS_DIR)/lib/"
	common_jar="$(notdir $(call main_jar,$(COMMON_DIR),common))"; \
	shopt -s nullglob; \
	for jar in $(1)/target/dependency/*.jar; do \
		name="$$(basename "$$jar")"; \
		if [ "$$name" = "$$common_jar" ] || [ -e "$(COMMON_DIR)/target/dependency/$$name" ]; then continue; fi; \
		cp "$$jar" "$(ARTIFACTS_DIR)/lib/"; \
	done
endef

# The transformer adds aws-lambda-java-core and crac to the layer's jars.
build-TransformerFunction: check-artifacts-dir lambda-jars
	$(call function_artifacts,$(TRANSFORMER_DIR),transformer)

# The report function adds the reports module and its PDF, chart and mail libraries, and the
# Athena, S3 and SES SDK modules.
build-ReportFunction: check-artifacts-dir lambda-jars
	$(call function_artifacts,$(REPORT_DIR),report)

# Rewrites the block between the glue-columns markers in template.yaml from CanonicalField.
glue-columns:
	$(MVNW) $(MVN_FLAGS) -pl infra-tests -am -DskipTests package
	java -cp "infra-tests/target/classes:$(COMMON_DIR)/target/classes" \
		dev.apigwinsights.infra.GlueColumns --write template.yaml

# Rewrites quicksight/quicksight.json (the QuickSight nested stack) and the generated sheets part of
# docs/dashboards.md from the insight catalog.
quicksight:
	$(MVNW) $(MVN_FLAGS) -pl quicksight -am -DskipTests package dependency:build-classpath \
		-Dmdep.outputFile=target/runtime-classpath.txt -Dmdep.includeScope=runtime
	java -cp "quicksight/target/classes:$$(cat quicksight/target/runtime-classpath.txt)" \
		dev.apigwinsights.quicksight.catalog.Generator --write quicksight/quicksight.json --docs docs/dashboards.md

# Rewrites the block between the named-queries markers in template.yaml from the insight catalog.
named-queries:
	$(MVNW) $(MVN_FLAGS) -pl infra-tests -am -DskipTests package
	java -cp "infra-tests/target/classes:$(COMMON_DIR)/target/classes" \
		dev.apigwinsights.infra.NamedQueries --write template.yaml

# Rewrites the generated reference part of docs/insights.md from the insight catalog.
insights-docs:
	$(MVNW) $(MVN_FLAGS) -pl $(COMMON_DIR) -am -DskipTests compile
	java -cp "$(COMMON_DIR)/target/classes" dev.apigwinsights.insights.InsightDocs --write docs/insights.md
