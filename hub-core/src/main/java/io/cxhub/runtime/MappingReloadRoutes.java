package io.cxhub.runtime;

import io.cxhub.mapping.MappingWatcher;
import org.apache.camel.builder.RouteBuilder;

/**
 * Hot reload of {@code mappings/}: every two seconds the watcher looks for changed files and swaps
 * the whole set when the new tree is clean (a half-edited file keeps the old mappings live and is
 * logged with its line).
 */
final class MappingReloadRoutes extends RouteBuilder {

  private final MappingWatcher watcher;

  MappingReloadRoutes(MappingWatcher watcher) {
    this.watcher = watcher;
  }

  @Override
  public void configure() {
    from("timer:cxhub-mapping-reload?period=2000&delay=2000").routeId("cxhub-mapping-reload")
        .process(e -> watcher.poll());
  }
}
