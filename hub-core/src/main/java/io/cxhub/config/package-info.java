/**
 * Reading configuration files so that every mistake is reported as {@code file:line: what is
 * wrong, what was expected}: YAML with node lines ({@link io.cxhub.config.YamlLoader}), JSON Schema
 * checks mapped back to lines ({@link io.cxhub.config.SchemaValidator}), all problems of a load
 * collected in one {@link io.cxhub.config.ConfigProblemsException}, and {@code ${env:..}} /
 * {@code ${file:..}} secret references ({@link io.cxhub.config.SecretResolver}).
 */
package io.cxhub.config;
