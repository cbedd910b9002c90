package io.cxhub.profile;

import java.util.List;

/** Newest first. @param nextBefore pass as {@code before} for older events; null when there are none */
public record TimelinePage(List<TimelineEvent> events, String nextBefore) {}
