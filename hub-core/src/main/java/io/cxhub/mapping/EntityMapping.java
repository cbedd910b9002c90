package io.cxhub.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds one taxonomy entity from a payload: its source id, its fields and its identity keys. */
final class EntityMapping {

  private final String system;
  private final String stream;
  private final String entity;
  private final PayloadPath idPath;
  private final FieldMapping[] fields;
  /** Parallel to {@code fields}: the identity key type, or null when the field is not an identity. */
  private final String[] identityTypes;

  EntityMapping(String system, String stream, String entity, PayloadPath idPath, List<FieldMapping> fields,
      List<String> identityTypes) {
    this.system = system;
    this.stream = stream;
    this.entity = entity;
    this.idPath = idPath;
    this.fields = fields.toArray(FieldMapping[]::new);
    this.identityTypes = identityTypes.toArray(String[]::new);
  }

  String entity() {
    return entity;
  }

  PayloadPath idPath() {
    return idPath;
  }

  List<FieldMapping> fields() {
    return List.of(fields);
  }

  EntityRecord map(JsonNode payload, String recordId) {
    String id = sourceId(payload, recordId);
    Map<String, Object> values = new LinkedHashMap<>(fields.length * 2);
    List<IdentityKey> keys = new ArrayList<>(2);
    for (int i = 0; i < fields.length; i++) {
      Object value = fields[i].extract(payload, recordId);
      if (value == null) {
        continue;
      }
      values.put(fields[i].field().name(), value);
      if (identityTypes[i] != null) {
        keys.add(new IdentityKey(identityTypes[i], value.toString()));
      }
    }
    return new EntityRecord(entity, id, values, keys);
  }

  private String sourceId(JsonNode payload, String recordId) {
    Object id = Values.fromJson(idPath.read(payload));
    if (id instanceof String text && !text.isBlank()) {
      return text;
    }
    if (id instanceof Long number) {
      return number.toString();
    }
    throw new MappingException(system, stream, recordId, entity + ".id", "payload path '" + idPath + "'",
        id == null ? null : Values.show(id), "expected a non-empty string or whole-number id");
  }
}
