package io.cxhub.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${env:NAME}} and {@code ${file:/path}} references in configuration strings, so
 * secrets live in the environment or in mounted files, never in the YAML.
 *
 * <p>Errors name the variable or file, never the resolved value. A file's trailing line break is
 * dropped (secret files written with {@code echo} end with one). {@code $${...}} escapes a literal
 * {@code ${...}}. Thread-safe.
 */
public final class SecretResolver {

  private static final Pattern REFERENCE = Pattern.compile("\\$?\\$\\{(env|file):([^}]*)}");

  private final Function<String, String> environment;

  public SecretResolver(Function<String, String> environment) {
    this.environment = environment;
  }

  /** Resolves against the process environment. */
  public static SecretResolver fromSystem() {
    return new SecretResolver(System::getenv);
  }

  /** True when {@code value} holds a reference, so callers know to mask it when showing config. */
  public static boolean containsReference(String value) {
    return value != null && REFERENCE.matcher(value).find();
  }

  /**
   * @return {@code value} with every reference replaced
   * @throws SecretResolutionException naming the missing variable or unreadable file
   */
  public String resolve(String value) {
    if (value == null || value.indexOf("${") < 0) {
      return value;
    }
    Matcher matcher = REFERENCE.matcher(value);
    StringBuilder resolved = new StringBuilder();
    while (matcher.find()) {
      String replacement = matcher.group().startsWith("$$")
          ? matcher.group().substring(1)
          : lookup(matcher.group(1), matcher.group(2).trim());
      matcher.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(resolved);
    return resolved.toString();
  }

  private String lookup(String kind, String name) {
    if (name.isEmpty()) {
      throw new SecretResolutionException("${" + kind + ":} has no name: expected ${" + kind + ":"
          + ("env".equals(kind) ? "VARIABLE_NAME" : "/absolute/path") + "}");
    }
    return "env".equals(kind) ? fromEnvironment(name) : fromFile(name);
  }

  private String fromEnvironment(String name) {
    String value = environment.apply(name);
    if (value == null) {
      throw new SecretResolutionException("environment variable " + name + " referenced by ${env:" + name
          + "} is not set: expected it to be exported to the hub process");
    }
    return value;
  }

  private static String fromFile(String name) {
    Path path = Path.of(name);
    if (!Files.isRegularFile(path)) {
      throw new SecretResolutionException("secret file " + name + " referenced by ${file:" + name
          + "} does not exist or is not a regular file");
    }
    try {
      String content = Files.readString(path, StandardCharsets.UTF_8);
      return content.endsWith("\r\n") ? content.substring(0, content.length() - 2)
          : content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
    } catch (IOException e) {
      throw new SecretResolutionException("secret file " + name + " referenced by ${file:" + name
          + "} cannot be read: " + e.getClass().getSimpleName());
    }
  }
}
