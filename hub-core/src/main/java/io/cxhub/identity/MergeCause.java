package io.cxhub.identity;

import io.cxhub.mapping.IdentityKey;

/** The record, and the key in it, that tied a profile to another one. */
public record MergeCause(String system, String stream, String sourceId, String entity, IdentityKey key) {}
