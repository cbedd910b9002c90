/**
 * Customer profiles: {@link io.cxhub.profile.ProfileWriter} turns mapped records into profile
 * attributes and timeline events, {@link io.cxhub.profile.ProfileQueries} reads them back (with
 * their computed traits), and a {@link io.cxhub.profile.ProfileChange} tells
 * {@link io.cxhub.profile.ProfileChangeListener}s that a trait took a new value.
 */
package io.cxhub.profile;
