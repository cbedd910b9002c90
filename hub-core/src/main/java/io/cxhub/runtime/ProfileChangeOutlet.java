package io.cxhub.runtime;

import io.cxhub.profile.ProfileChange;
import io.cxhub.profile.ProfileChangeListener;
import java.util.List;
import org.apache.camel.ProducerTemplate;

/**
 * Where trait recomputations publish their changes: onto the {@link Bus.Stage#PROFILE_CHANGES}
 * stage, blocking while its queue is full.
 */
final class ProfileChangeOutlet implements ProfileChangeListener {

  private final String endpoint;
  private volatile ProducerTemplate template;

  ProfileChangeOutlet(Bus bus) {
    this.endpoint = bus.to(Bus.Stage.PROFILE_CHANGES);
  }

  void bind(ProducerTemplate template) {
    this.template = template;
  }

  @Override
  public void onChanges(List<ProfileChange> changes) {
    ProducerTemplate t = template;
    if (t == null) {
      throw new IllegalStateException("profile changes were published before the hub's routes were configured");
    }
    t.sendBody(endpoint, changes);
  }
}
