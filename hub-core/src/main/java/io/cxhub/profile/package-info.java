/**
 * Customer profiles: {@link io.cxhub.profile.ProfileWriter} turns mapped records into profile
 * attributes and timeline events, {@link io.cxhub.profile.ProfileQueries} reads them back.
 */
package io.cxhub.profile;
