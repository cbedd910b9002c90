package io.cxhub.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretResolverTest {

  private final SecretResolver resolver = new SecretResolver(Map.of("DB_PASSWORD", "s3cr3t", "DB_USER", "hub")::get);

  @Test
  void resolvesEnvironmentReferencesInsideText() {
    assertEquals("jdbc:postgresql://db/hub?user=hub&password=s3cr3t",
        resolver.resolve("jdbc:postgresql://db/hub?user=${env:DB_USER}&password=${env:DB_PASSWORD}"));
  }

  @Test
  void readsFileAndDropsTheTrailingLineBreak(@TempDir Path dir) throws Exception {
    Path secret = Files.writeString(dir.resolve("token"), "tok-123\n");
    assertEquals("Bearer tok-123", resolver.resolve("Bearer ${file:" + secret + "}"));
  }

  @Test
  void missingVariableIsNamedWithoutLeakingOtherValues() {
    SecretResolutionException e = assertThrows(SecretResolutionException.class,
        () -> resolver.resolve("${env:DB_PASSWORD}/${env:API_KEY}"));
    assertTrue(e.getMessage().contains("API_KEY"), e.getMessage());
    assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
  }

  @Test
  void missingFileIsNamed(@TempDir Path dir) {
    Path missing = dir.resolve("nope");
    SecretResolutionException e = assertThrows(SecretResolutionException.class,
        () -> resolver.resolve("${file:" + missing + "}"));
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
  }

  @Test
  void plainTextAndEscapesPassThrough() {
    assertEquals("no secrets here", resolver.resolve("no secrets here"));
    assertEquals("literal ${env:DB_USER}", resolver.resolve("literal $${env:DB_USER}"));
    assertTrue(SecretResolver.containsReference("x ${env:A}"));
    assertFalse(SecretResolver.containsReference("x $A"));
  }
}
