/** How a plugin jar tells the hub what it contributes. */
package io.cxhub.spi.plugin;
