package io.cxhub.mapping;

/**
 * One value of a mapping file to replace, as a drift proposal computes it: complete and loadable,
 * so {@link io.cxhub.mapping.MappingEditor} can write it as is. Immutable; Jackson-friendly.
 *
 * @param file the mapping file, as {@code io.cxhub.drift.AffectedMapping#file()} names it
 * @param entity the {@code entity:} of the {@code entities[]} entry
 * @param key {@code id} or {@code fields.<taxonomy field>}
 * @param source the new value, YAML flow text exactly as it is to appear in the file
 *     ({@code { concat: [street, house_number], separator: " " }}, or a bare path)
 * @param was the current value's text exactly as it appears in the file; the edit is refused when
 *     the file no longer says this
 */
public record MappingEdit(String file, String entity, String key, String source, String was) {}
