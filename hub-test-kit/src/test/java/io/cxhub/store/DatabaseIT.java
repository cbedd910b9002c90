package io.cxhub.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxhub.testkit.TestPostgres;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

class DatabaseIT {

  @Test
  void migratesOnOpenAndAgainIsANoOp() throws Exception {
    String url = TestPostgres.newDatabase("db");
    try (Database db = Database.open(url, null, null, 2)) {
      db.close();
    }
    try (Database db = Database.open(url, null, null, 2); Connection c = db.dataSource().getConnection();
        ResultSet rs = c.createStatement().executeQuery("select count(*) from flyway_schema_history where success")) {
      rs.next();
      assertEquals(migrations(), rs.getInt(1), "every migration applied once, none again on the second open");
    }
  }

  /** The migrations hub-core ships. */
  private static int migrations() throws java.io.IOException {
    try (var files = java.nio.file.Files.list(java.nio.file.Path.of("../hub-core/src/main/resources/db/migration"))) {
      return (int) files.filter(f -> f.getFileName().toString().matches("V\\d+__.+\\.sql")).count();
    }
  }

  @Test
  void anUnreachableDatabaseIsNamedWithoutItsPassword() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/cxhub?password=hunter2&connectTimeout=2";

    StoreException e = assertThrows(StoreException.class, () -> Database.open(url, "hub", "s3cret", 1));

    assertTrue(e.getMessage().contains("127.0.0.1:" + port + "/cxhub"), e.getMessage());
    assertTrue(e.getMessage().contains("as user hub"), e.getMessage());
    assertFalse(e.getMessage().contains("hunter2") || e.getMessage().contains("s3cret"), e.getMessage());
  }
}
