package io.cxhub.runtime;

/**
 * Tuning of the data path.
 *
 * @param queueSize capacity of each bus queue (messages, each a page of records)
 * @param batchSize records written to the profile store in one transaction
 * @param batchTimeoutMillis longest a partial batch waits for more records
 * @param mapConsumers threads mapping records
 * @param storeConsumers threads taking mapped records to the batcher
 */
public record PipelineSettings(int queueSize, int batchSize, long batchTimeoutMillis, int mapConsumers, int storeConsumers) {

  public static PipelineSettings defaults() {
    return new PipelineSettings(1000, 500, 200, 2, 1);
  }
}
