/** Typed, self-describing plugin configuration (in the manner of Debezium's {@code Field}). */
package io.cxhub.spi.config;
