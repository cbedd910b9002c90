package io.cxhub.spi.connector;

/** Outcome of {@link Connector#check}: a clear message for people, never a stack trace. */
public record CheckResult(boolean ok, String message) {

  public static CheckResult passed() {
    return new CheckResult(true, "ok");
  }

  public static CheckResult failed(String message) {
    return new CheckResult(false, message);
  }
}
