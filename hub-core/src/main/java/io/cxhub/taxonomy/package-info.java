/**
 * The shared vocabulary: entities, typed fields, PII flags, survivorship rules and identity key
 * types. The shipped v1 is on the classpath under {@code taxonomy/}; admins extend it with their
 * own files ({@link io.cxhub.taxonomy.Taxonomy#load}).
 */
package io.cxhub.taxonomy;
