package io.cxhub.runtime;

import io.cxhub.usecases.UseCaseWatcher;
import org.apache.camel.builder.RouteBuilder;

/**
 * Hot reload of {@code usecases/} every second: an added, changed, disabled or removed use case is
 * in service on the next poll; a tree with a problem keeps the running use cases (see
 * {@link UseCaseWatcher}).
 */
final class UseCaseReloadRoutes extends RouteBuilder {

  private final UseCaseWatcher watcher;

  UseCaseReloadRoutes(UseCaseWatcher watcher) {
    this.watcher = watcher;
  }

  @Override
  public void configure() {
    from("timer:cxhub-usecase-reload?period=1000&delay=1000").routeId("cxhub-usecase-reload")
        .process(e -> watcher.poll());
  }
}
