package io.cxhub.spi.config;

/**
 * One thing wrong with a configuration, phrased like Kafka's {@code ConfigException}: "Invalid
 * value X for configuration Y: reason". Secret values are masked before they get here.
 *
 * @param option the option name
 * @param shownValue the offending value as it may be shown (masked for secrets)
 * @param expected what was expected instead
 */
public record ConfigProblem(String option, String shownValue, String expected) {

  public String message() {
    if (shownValue == null) {
      return "Missing required configuration " + option + ": expected " + expected;
    }
    return "Invalid value " + shownValue + " for configuration " + option + ": expected " + expected;
  }

  @Override
  public String toString() {
    return message();
  }
}
