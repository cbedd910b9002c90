package io.cxhub.spi.connector;

import java.util.List;

/**
 * A stream a connector offers and the schema it expects the stream to have; the hub uses the
 * fields as the drift baseline until it has learned one.
 *
 * @param name stream name, e.g. {@code invoices}
 * @param description what one record is
 * @param primaryKey the payload field that identifies a record in the source
 * @param cursorField the payload field incremental reads advance on, or {@code null}
 * @param fields expected fields
 */
public record StreamSpec(String name, String description, String primaryKey, String cursorField, List<FieldSpec> fields) {

  public StreamSpec {
    fields = List.copyOf(fields);
  }
}
