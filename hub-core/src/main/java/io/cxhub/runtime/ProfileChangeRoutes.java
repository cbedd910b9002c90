package io.cxhub.runtime;

import io.cxhub.profile.ProfileChange;
import java.util.List;
import org.apache.camel.builder.RouteBuilder;

/** The {@link Bus.Stage#PROFILE_CHANGES} stage: publishers send through the outlet, one consumer fans out to the listeners in order. */
final class ProfileChangeRoutes extends RouteBuilder {

  private final Bus bus;
  private final ProfileChangeOutlet outlet;
  private final ProfileChangeListeners listeners;

  ProfileChangeRoutes(Bus bus, ProfileChangeOutlet outlet, ProfileChangeListeners listeners) {
    this.bus = bus;
    this.outlet = outlet;
    this.listeners = listeners;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void configure() {
    outlet.bind(getContext().createProducerTemplate());
    // one consumer: listeners see the changes of a profile in the order they were committed
    from(bus.from(Bus.Stage.PROFILE_CHANGES, 1)).routeId("cxhub-profile-changes")
        .process(e -> listeners.deliver((List<ProfileChange>) e.getIn().getBody(List.class)));
  }
}
