/**
 * The identity graph (identity key to profile), grouping of a batch's entities by shared keys, and
 * merging of profiles that turn out to be one customer.
 */
package io.cxhub.identity;
