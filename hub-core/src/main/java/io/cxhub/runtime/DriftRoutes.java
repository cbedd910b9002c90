package io.cxhub.runtime;

import org.apache.camel.builder.RouteBuilder;

/**
 * The periodic drift check, and the replay of a paused stream's held records when it resumes (on a
 * queue of its own, so the person resuming it does not wait for the replay).
 */
final class DriftRoutes extends RouteBuilder {

  private static final String RESUMED = "seda:cxhub-drift-resumed?size=100&blockWhenFull=true";

  private final DriftWatch drift;
  private final QuarantineReplay replay;
  private final DriftOptions options;

  DriftRoutes(DriftWatch drift, QuarantineReplay replay, DriftOptions options) {
    this.drift = drift;
    this.replay = replay;
    this.options = options;
  }

  @Override
  public void configure() {
    drift.onResume((system, stream) -> getContext().createFluentProducerTemplate().to(RESUMED)
        .withHeader("system", system).withHeader("stream", stream).send());

    from("timer:cxhub-drift-check?period=" + options.checkInterval().toMillis()).routeId("cxhub-drift-check")
        .process(e -> drift.tick());

    from(RESUMED).routeId("cxhub-drift-resumed")
        .process(e -> replay.replay(e.getIn().getHeader("system", String.class),
            e.getIn().getHeader("stream", String.class)));
  }
}
