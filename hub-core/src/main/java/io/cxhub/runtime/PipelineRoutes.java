package io.cxhub.runtime;

import io.cxhub.mapping.MappedRecord;
import io.cxhub.quarantine.QuarantinedRecord;
import io.cxhub.spi.connector.HubEndpoints;
import io.cxhub.spi.record.RawRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.builder.RouteBuilder;

/**
 * The data path as Camel routes (ARCHITECTURE.md §1): hand-over → map → write profiles. Each stage is
 * a route of its own and stages meet only on the {@link Bus}. Bodies are lists of records, so a
 * connector's page travels as one message and records are parsed once, by whoever read them.
 */
public final class PipelineRoutes extends RouteBuilder {

  /** Header set by the map stage: the {@link IngestCounts} of the message. */
  public static final String COUNTS = "CxhubIngestCounts";
  /** Header of a hand-over that replays quarantined records ({@link QuarantineReplay}): true. */
  static final String REPLAY = "CxhubReplay";

  private final Bus bus;
  private final MapStage mapStage;
  private final StoreStage storeStage;
  private final RecordOutcomes outcomes;
  private final PipelineSettings settings;

  public PipelineRoutes(Bus bus, MapStage mapStage, StoreStage storeStage, RecordOutcomes outcomes,
      PipelineSettings settings) {
    this.bus = bus;
    this.mapStage = mapStage;
    this.storeStage = storeStage;
    this.outcomes = outcomes;
    this.settings = settings;
  }

  @Override
  public void configure() {
    from(HubEndpoints.INGEST).routeId("cxhub-handover")
        .process(e -> {
          List<RawRecord> records = asRecords(e.getIn().getBody());
          outcomes.emitted(records);
          e.getIn().setBody(records);
        })
        .to(bus.to(Bus.Stage.RAW));

    from(HubEndpoints.QUARANTINE).routeId("cxhub-quarantine-unparsed")
        .process(e -> outcomes.quarantineUnparsed(new QuarantinedRecord(
            e.getIn().getHeader(HubEndpoints.SYSTEM, String.class),
            e.getIn().getHeader(HubEndpoints.STREAM, String.class),
            e.getIn().getHeader(HubEndpoints.CONNECTOR_INSTANCE, String.class),
            QuarantinedRecord.Stage.PARSE,
            e.getIn().getHeader(HubEndpoints.REASON, "unparseable payload", String.class),
            bodyText(e), null, Instant.now())));

    from(bus.from(Bus.Stage.RAW, settings.mapConsumers())).routeId("cxhub-map")
        .process(e -> {
          List<RawRecord> records = e.getIn().getBody(List.class);
          MapStage.Result result = mapStage.apply(records, e.getIn().getHeader(REPLAY, false, Boolean.class));
          e.getIn().setHeader(COUNTS, new IngestCounts(result.mapped().size(), result.quarantined()));
          e.getIn().setBody(result.mapped());
        })
        .filter(e -> !e.getIn().getBody(List.class).isEmpty())
            .to(ExchangePattern.InOnly, bus.to(Bus.Stage.MAPPED))
        .end()
        .setBody(header(COUNTS));

    from(bus.from(Bus.Stage.MAPPED, settings.storeConsumers())).routeId("cxhub-store")
        .aggregate(constant(true), new Concatenate())
            .completionPredicate(e -> e.getIn().getBody(List.class).size() >= settings.batchSize())
            .completionTimeout(settings.batchTimeoutMillis())
            .to("direct:cxhub-write")
        .end();

    // a store outage is retried with backoff (holding the queue: backpressure), then the batch is quarantined
    from("direct:cxhub-write").routeId("cxhub-write")
        .onException(Exception.class)
            .maximumRedeliveries(6).redeliveryDelay(500).useExponentialBackOff().backOffMultiplier(2)
            .maximumRedeliveryDelay(10_000).handled(true)
            .process(e -> storeStage.quarantineBatch(e.getIn().getBody(List.class),
                e.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class)))
        .end()
        .process(e -> storeStage.write(e.getIn().getBody(List.class)));
  }

  @SuppressWarnings("unchecked")
  private static List<RawRecord> asRecords(Object body) {
    if (body instanceof RawRecord r) {
      return List.of(r);
    }
    if (body instanceof List<?> list && list.stream().allMatch(RawRecord.class::isInstance)) {
      return (List<RawRecord>) list;
    }
    throw new IllegalArgumentException("a hand-over to " + HubEndpoints.INGEST + " must carry a RawRecord or a "
        + "List<RawRecord>, not " + (body == null ? "null" : body.getClass().getName()));
  }

  private static String bodyText(Exchange e) {
    Object body = e.getIn().getBody();
    if (body instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    return body == null ? "" : body.toString();
  }

  /** Joins mapped-record lists into one batch for the store. */
  private static final class Concatenate implements AggregationStrategy {
    @Override
    @SuppressWarnings("unchecked")
    public Exchange aggregate(Exchange batch, Exchange next) {
      List<MappedRecord> incoming = next.getIn().getBody(List.class);
      if (batch == null) {
        next.getIn().setBody(new ArrayList<>(incoming));
        return next;
      }
      batch.getIn().getBody(List.class).addAll(incoming);
      return batch;
    }
  }
}
