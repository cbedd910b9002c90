package io.cxhub.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

class TestPostgresTest {

  @Test
  void startsARealPostgresAndHandsOutSeparateDatabases() throws Exception {
    String a = TestPostgres.newDatabase("kit");
    String b = TestPostgres.newDatabase("kit");
    assertNotEquals(a, b);
    try (Connection c = DriverManager.getConnection(a)) {
      c.createStatement().execute("create table t(id int primary key, v text)");
      c.createStatement().execute("insert into t values (1, 'x') on conflict (id) do update set v = excluded.v");
      ResultSet rs = c.createStatement().executeQuery("select server_version_num::int / 10000 from pg_settings, (select current_setting('server_version_num') as server_version_num) v limit 1");
      rs.next();
      assertEquals(16, rs.getInt(1));
    }
    try (Connection c = DriverManager.getConnection(b)) {
      ResultSet rs = c.createStatement().executeQuery("select count(*) from pg_tables where tablename = 't'");
      rs.next();
      assertEquals(0, rs.getInt(1));
    }
  }
}
