package io.cxhub.profile;

import java.util.List;

/** @param nextAfter pass as {@code afterId} for the next page; null on the last page */
public record ProfilePage(List<ProfileView> profiles, String nextAfter) {}
