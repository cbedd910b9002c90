/**
 * Source stream to taxonomy mapping. {@link io.cxhub.mapping.MappingRegistry} loads
 * {@code mappings/<system>/<stream>.yaml}, validates each file against the mapping schema and the
 * taxonomy, and compiles it once into a thread-safe {@link io.cxhub.mapping.Mapping}; per record,
 * {@link io.cxhub.mapping.Mapping#map} yields the taxonomy entities with their identity keys or
 * throws {@link io.cxhub.mapping.MappingException} for the caller to quarantine.
 *
 * <p>{@link io.cxhub.mapping.MappingWatcher} reloads the registry when files change, and
 * {@link io.cxhub.mapping.MappingEditor} writes drift proposals into mapping files, replacing only
 * the proposed values ({@link io.cxhub.mapping.MappingText} finds them in the text).
 */
package io.cxhub.mapping;
