package io.cxhub.simulator.people;

/**
 * How one source system happens to store a {@link Person}'s contact details: e-mail with stray
 * case and spaces, phone in a local or international format, either of them sometimes missing.
 * Normalizing {@code email} (trim, lower-case) and {@code phone} (to E.164) yields the canonical
 * values again, which is what lets the hub join systems.
 *
 * @param email as the system stores it, or null when the system has none
 * @param phone as the system stores it, or null when the system has none
 */
public record Rendering(String email, String phone) {}
