/** What connectors hand to the hub. */
package io.cxhub.spi.record;
