package io.cxhub.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * One SHA-256 over a set of files' names and contents: what the hot-reload watchers compare between
 * polls to tell "the tree changed" without trusting modification times.
 */
public final class FilesDigest {

  private FilesDigest() {}

  /**
   * @param files the files, in a stable order
   * @param extras more text that counts as part of the tree (e.g. listing problems)
   */
  public static byte[] of(List<Path> files, List<String> extras) {
    MessageDigest digest = sha256();
    for (Path file : files) {
      update(digest, file.toString());
      try {
        byte[] content = Files.readAllBytes(file);
        update(digest, Integer.toString(content.length));
        digest.update(content);
      } catch (IOException e) {
        update(digest, "unreadable: " + e.getMessage()); // the reload reports it with the file
      }
    }
    extras.forEach(extra -> update(digest, extra));
    return digest.digest();
  }

  private static void update(MessageDigest digest, String text) {
    digest.update(text.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  /** The digest of the regular files directly in {@code dir} (none when it does not exist). */
  public static byte[] ofDirectory(Path dir) {
    if (!Files.isDirectory(dir)) {
      return of(List.of(), List.of());
    }
    try (java.util.stream.Stream<Path> files = Files.list(dir)) {
      return of(files.filter(Files::isRegularFile).sorted().toList(), List.of());
    } catch (IOException e) {
      return of(List.of(), List.of("unreadable: " + e.getMessage())); // the reload reports it with the file
    }
  }
}
