package io.cxhub.spi.config;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * One typed connector option: immutable, built fluently.
 *
 * <pre>{@code
 * ConfigOption.of("jdbcUrl", ConfigType.STRING).asRequired()
 *     .withValidation(v -> v.toString().startsWith("jdbc:"), "a JDBC URL starting with jdbc:")
 *     .withDescription("JDBC URL of the billing database")
 * }</pre>
 *
 * Options of type {@link ConfigType#PASSWORD} or marked {@link #asSecret()} are never logged or shown.
 */
public record ConfigOption(
    String name,
    ConfigType type,
    Object defaultValue,
    boolean required,
    boolean secret,
    String description,
    Predicate<Object> validation,
    String validationExpected) {

  public ConfigOption {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    secret = secret || type == ConfigType.PASSWORD;
  }

  public static ConfigOption of(String name, ConfigType type) {
    return new ConfigOption(name, type, null, false, false, "", null, null);
  }

  public ConfigOption withDefault(Object value) {
    return new ConfigOption(name, type, value, required, secret, description, validation, validationExpected);
  }

  public ConfigOption asRequired() {
    return new ConfigOption(name, type, defaultValue, true, secret, description, validation, validationExpected);
  }

  public ConfigOption asSecret() {
    return new ConfigOption(name, type, defaultValue, required, true, description, validation, validationExpected);
  }

  public ConfigOption withDescription(String text) {
    return new ConfigOption(name, type, defaultValue, required, secret, text, validation, validationExpected);
  }

  /**
   * @param check applied to the parsed value
   * @param expected what a valid value looks like, for the error message
   */
  public ConfigOption withValidation(Predicate<Object> check, String expected) {
    return new ConfigOption(name, type, defaultValue, required, secret, description, check, expected);
  }

  /** The value as it may be shown to people: secrets masked. */
  public String display(Object value) {
    if (value == null) {
      return "<unset>";
    }
    return secret ? "******" : String.valueOf(value);
  }
}
