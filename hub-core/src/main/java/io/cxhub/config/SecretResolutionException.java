package io.cxhub.config;

/** A {@code ${env:..}} or {@code ${file:..}} reference that cannot be resolved; never carries a secret value. */
public class SecretResolutionException extends RuntimeException {

  public SecretResolutionException(String message) {
    super(message);
  }
}
