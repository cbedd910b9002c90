package io.cxhub.usecases;

import java.util.List;

/**
 * The channel names a use case may list. A fixed set for now, until channel sink plugins are loaded
 * like connectors and declare their own names; then this check asks the loaded plugins instead.
 */
public final class Channels {

  /** In no particular order. */
  public static final List<String> KNOWN = List.of("kafka", "webhook", "crm_task", "sms", "email");

  private Channels() {}

  public static boolean known(String name) {
    return KNOWN.contains(name);
  }
}
