package io.cxhub.app;

import java.util.concurrent.CountDownLatch;

/** Blocks the main thread until Ctrl-C (SIGINT/SIGTERM), then runs the given clean-up once. */
final class Shutdown {

  private Shutdown() {}

  static void awaitThen(Runnable cleanUp) {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("\nstopping cxhub …");
      try {
        cleanUp.run();
      } finally {
        stopped.countDown();
      }
    }, "cxhub-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
