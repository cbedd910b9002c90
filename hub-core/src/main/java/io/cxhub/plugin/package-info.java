/** Finding plugin jars in {@code plugins/} and isolating each in its own class loader. */
package io.cxhub.plugin;
