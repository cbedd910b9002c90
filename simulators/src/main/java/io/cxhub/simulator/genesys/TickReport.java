package io.cxhub.simulator.genesys;

import java.util.List;

/**
 * What one {@link GenesysSimulator#tick} changed.
 *
 * @param added ids of conversations that started (still ongoing)
 * @param finished ids of conversations that ended
 */
public record TickReport(List<String> added, List<String> finished) {

  public int changed() {
    return added.size() + finished.size();
  }
}
