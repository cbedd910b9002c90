package io.cxhub.connector.billing;

import io.cxhub.spi.connector.PollBackoff;
import io.cxhub.spi.connector.CursorStore;
import io.cxhub.spi.connector.HubEndpoints;
import io.cxhub.spi.connector.StreamSpec;
import io.cxhub.spi.record.RawRecord;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of one connector instance (a template-local bean) and the steps of its poll: which
 * streams to read, the next page's query, turning a page into records, and advancing the in-memory
 * position once the hub accepted the page.
 *
 * <p>Position: the first poll of a stream starts after the cursor the hub committed; later polls
 * continue from memory. A page's position advances only after the page was handed to the hub, so
 * a failed hand-off re-reads it. Quartz runs an instance's polls one at a time ({@code stateful}),
 * which is what makes the plain fields here safe.
 */
final class BillingReader implements Processor {

  static final String READER = "cxhubBillingReader";
  static final String STREAM = "cxhubBillingStream";
  static final String MORE = "cxhubBillingMore";
  static final String PAGE_END = "cxhubBillingPageEnd";
  static final String REJECTED = "cxhubBillingRejected";
  static final String SQL_QUERY_HEADER = "CamelSqlQuery";

  private static final Logger log = LoggerFactory.getLogger(BillingReader.class);

  private final String instance;
  private final BillingSettings settings;
  private final Map<String, Cursor> positions = new ConcurrentHashMap<>();
  private final PollBackoff backoff = PollBackoff.standard(Clock.systemUTC());
  private boolean polling;
  private boolean pollFailed;

  BillingReader(String instance, BillingSettings settings) {
    this.instance = instance;
    this.settings = settings;
  }

  /**
   * Start of a poll. Body := the streams to read, none while backing off after failures; property
   * {@link #READER} := this, for the later steps.
   */
  @Override
  public void process(Exchange exchange) {
    polling = backoff.ready();
    pollFailed = false;
    exchange.setProperty(READER, this);
    exchange.getMessage().setBody(polling ? settings.streams() : List.of());
  }

  /** Start of one stream (the split's body is its name). */
  void startStream(Exchange exchange) {
    exchange.setProperty(STREAM, exchange.getMessage().getBody(String.class));
    exchange.setProperty(MORE, !pollFailed);
  }

  /** Header {@code CamelSqlQuery} := the page query; body := its parameters. */
  void preparePage(Exchange exchange) {
    String stream = exchange.getProperty(STREAM, String.class);
    Cursor from = positions.computeIfAbsent(stream, s -> committed(exchange, s));
    exchange.getMessage().setHeader(SQL_QUERY_HEADER, pageQuery(stream));
    Map<String, Object> params = new HashMap<>();
    params.put("ts", from.queryTimestamp());
    params.put("id", from.id());
    params.put("settleMs", settings.settleTime().toMillis());
    exchange.getMessage().setBody(params);
  }

  /**
   * Body: the page's rows. Body := the records; property {@link #REJECTED} := rows that have no
   * JSON form; {@link #MORE} := whether the page was full; {@link #PAGE_END} := its last position.
   */
  void readPage(Exchange exchange) {
    String stream = exchange.getProperty(STREAM, String.class);
    StreamSpec spec = BillingStreams.named(stream).orElseThrow();
    exchange.getMessage().removeHeader(SQL_QUERY_HEADER);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rows = exchange.getMessage().getBody(List.class);
    rows = rows == null ? List.of() : rows;
    List<RawRecord> records = new ArrayList<>(rows.size());
    List<RejectedRow> rejected = new ArrayList<>();
    Cursor last = null;
    for (Map<String, Object> row : rows) {
      String id = String.valueOf(row.get(spec.primaryKey()));
      if (!(row.get(settings.cursorColumn()) instanceof Timestamp changed)) {
        throw new IllegalStateException("cursor column " + settings.cursorColumn() + " of " + settings.schema() + "."
            + stream + " is not a timestamp with time zone");
      }
      last = new Cursor(changed.toInstant(), id);
      try {
        records.add(new RawRecord(settings.system(), stream, id, last.updatedAt(), RowPayloads.toPayload(row),
            last.toString(), instance));
      } catch (UnrepresentableRowException e) {
        rejected.add(new RejectedRow(stream, e.getMessage(), row.toString()));
      }
    }
    exchange.setProperty(MORE, rows.size() == settings.batchSize());
    exchange.setProperty(PAGE_END, last);
    exchange.setProperty(REJECTED, rejected);
    exchange.getMessage().setBody(records);
  }

  /** The hub has the page: move past it. */
  void commitPage(Exchange exchange) {
    Cursor end = exchange.getProperty(PAGE_END, Cursor.class);
    if (end != null) {
      positions.put(exchange.getProperty(STREAM, String.class), end);
    }
  }

  /** Body: a {@link RejectedRow}. Sets the quarantine headers and the row text as body. */
  void toQuarantine(Exchange exchange) {
    RejectedRow row = exchange.getMessage().getBody(RejectedRow.class);
    exchange.getMessage().setHeader(HubEndpoints.SYSTEM, settings.system());
    exchange.getMessage().setHeader(HubEndpoints.STREAM, row.stream());
    exchange.getMessage().setHeader(HubEndpoints.REASON, row.reason());
    exchange.getMessage().setHeader(HubEndpoints.CONNECTOR_INSTANCE, instance);
    exchange.getMessage().setBody(row.row());
    log.warn("billing-jdbc instance {}: quarantined a row of {}: {}", instance, row.stream(), row.reason());
  }

  /** End of a poll: one that read without failing ends the backoff (a skipped one does not). */
  void endPoll(Exchange exchange) {
    if (polling && !pollFailed) {
      backoff.succeeded();
    }
  }

  /** The poll failed after Camel's redeliveries: stop this poll and back off. */
  void failed(Exchange exchange) {
    pollFailed = true;
    exchange.setProperty(MORE, false);
    Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    Duration wait = backoff.failed();
    log.warn("billing-jdbc instance {}: reading {} from {} failed ({} failed polls in a row), next attempt in {}s: {}",
        instance, exchange.getProperty(STREAM, "?", String.class), settings.safeUrl(), backoff.failures(),
        wait.toSeconds(), rootMessage(cause));
  }

  private Cursor committed(Exchange exchange, String stream) {
    CursorStore store = exchange.getContext().getRegistry()
        .lookupByNameAndType(HubEndpoints.CURSOR_STORE_BEAN, CursorStore.class);
    if (store == null) {
      log.warn("billing-jdbc instance {}: no CursorStore bean named {}; reading {} from the beginning", instance,
          HubEndpoints.CURSOR_STORE_BEAN, stream);
      return Cursor.START;
    }
    Cursor start = store.committed(instance, stream).map(Cursor::parse).orElse(Cursor.START);
    log.info("billing-jdbc instance {}: reading {}.{} from {} after {}", instance, settings.schema(), stream,
        settings.safeUrl(), start);
    return start;
  }

  private String pageQuery(String stream) {
    String pk = BillingStreams.named(stream).orElseThrow().primaryKey();
    String col = "\"" + settings.cursorColumn() + "\"";
    return "select * from \"" + settings.schema() + "\".\"" + stream + "\""
        + " where (" + col + ", \"" + pk + "\") > (cast(:#ts as timestamptz), :#id)"
        // rows younger than the settle time may belong to transactions that commit later with older stamps
        + " and " + col + " < now() - :#settleMs * interval '1 millisecond'"
        + " order by " + col + ", \"" + pk + "\" limit " + settings.batchSize();
  }

  static String rootMessage(Throwable t) {
    if (t == null) {
      return "unknown error";
    }
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
