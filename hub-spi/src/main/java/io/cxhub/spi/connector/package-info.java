/** Source connectors: what a connector declares and the hub endpoints its routes use. */
package io.cxhub.spi.connector;
