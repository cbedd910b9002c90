package io.cxhub.usecases;

import java.util.List;

/** When a use case is considered for a profile. */
public sealed interface Trigger {

  /** An event of one of these taxonomy entities arrived on the profile's timeline. */
  record Events(List<String> entities) implements Trigger {
    public Events {
      entities = List.copyOf(entities);
    }
  }

  /** One of these traits changed on the profile (a ProfileChange). */
  record Traits(List<String> traits) implements Trigger {
    public Traits {
      traits = List.copyOf(traits);
    }
  }

  /** Every profile is considered at the times of this Quartz cron expression. */
  record Schedule(String cron) implements Trigger {}
}
