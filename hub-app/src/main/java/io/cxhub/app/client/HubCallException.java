package io.cxhub.app.client;

/**
 * A call to the hub that did not give an answer to show: its message is the one line the user sees
 * (never containing the token), its exit code what the command returns.
 */
public final class HubCallException extends RuntimeException {

  /** The request never got to the hub: unreachable, or the command line names no usable hub. */
  public static final int NOT_DELIVERED = 2;
  /** The hub answered with an error (or something else answered in its place). */
  public static final int REFUSED = 1;

  private final int exitCode;

  public HubCallException(String message, int exitCode) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
