package io.cxhub.simulator.people;

/**
 * The canonical identity of one simulated person: what every source system would agree on after
 * normalization. Source systems never show it as is; they show a {@link Rendering}.
 *
 * @param index position in the population, the stable key across simulators
 * @param firstName given name
 * @param lastName family name
 * @param email lower-case, trimmed e-mail address (unique within a population)
 * @param phone E.164 phone number, e.g. {@code +14155550123}
 * @param country ISO 3166-1 alpha-2 code: {@code US}, {@code GB} or {@code DE}
 */
public record Person(int index, String firstName, String lastName, String email, String phone, String country) {}
