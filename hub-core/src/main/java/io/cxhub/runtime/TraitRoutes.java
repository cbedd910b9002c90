package io.cxhub.runtime;

import io.cxhub.traitstore.TraitBackfill;
import io.cxhub.traitstore.TraitExpiry;
import io.cxhub.traitstore.TraitWatcher;
import java.time.Duration;
import org.apache.camel.builder.RouteBuilder;

/**
 * Keeping trait values current beside ingestion: hot reload of {@code traits/} and values due to
 * change by time every second, and backfill pages of new or changed traits in slices of at most
 * two seconds (so a shutdown never waits long for them).
 */
final class TraitRoutes extends RouteBuilder {

  private final TraitWatcher watcher;
  private final TraitExpiry expiry;
  private final TraitBackfill backfill;

  TraitRoutes(TraitWatcher watcher, TraitExpiry expiry, TraitBackfill backfill) {
    this.watcher = watcher;
    this.expiry = expiry;
    this.backfill = backfill;
  }

  @Override
  public void configure() {
    from("timer:cxhub-trait-reload?period=1000&delay=1000").routeId("cxhub-trait-reload")
        .process(e -> watcher.poll());
    from("timer:cxhub-trait-expiry?period=1000&delay=1000").routeId("cxhub-trait-expiry")
        .process(e -> expiry.runDue(Duration.ofSeconds(2)));
    from("timer:cxhub-trait-backfill?period=500&delay=500").routeId("cxhub-trait-backfill")
        .process(e -> backfill.run(Duration.ofSeconds(2)));
  }
}
