package io.mlconnector.stack;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the local stack until SIGTERM/Ctrl-C, or until the process that started it dies.
 *
 * <pre>
 * java -cp … io.mlconnector.stack.StackMain [--state-dir DIR] [--watch-parent]
 * </pre>
 *
 * An external PostgreSQL is used instead of the embedded one when {@code MLC_JDBC_URL} (and
 * optionally {@code MLC_JDBC_USER}, {@code MLC_JDBC_PASSWORD}) is set. The broker's logins derive
 * from {@code MLC_STACK_KAFKA_SECRET} when given (not written anywhere), else from a generated
 * secret written to the owner-only {@code stack.env}.
 */
public final class StackMain {
  private StackMain() {}

  public static void main(String[] args) throws Exception {
    Path stateDir = Path.of(".mlc", "stack");
    boolean watchParent = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--state-dir" -> stateDir = Path.of(args[++i]);
        case "--watch-parent" -> watchParent = true;
        default -> {
          System.err.println("usage: StackMain [--state-dir DIR] [--watch-parent]");
          System.exit(2);
        }
      }
    }
    // The Kafka secret comes from whoever started us (./mlc test, a test JVM), so it is never
    // written down; started alone (./mlc stack) we generate it and hand it over in stack.env.
    String given = System.getenv(KafkaLogins.ENV_SECRET);
    KafkaLogins logins =
        given == null || given.isBlank() ? KafkaLogins.generate() : KafkaLogins.of(given);
    LocalStack stack =
        new LocalStack(
            stateDir,
            LocalStack.Options.throwaway(externalPostgres()).withKafkaSecret(logins.secret()));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stack.close();
                  stopped.countDown();
                },
                "stack-shutdown"));
    if (watchParent) {
      // Whoever started us (a test JVM, ./mlc) may die without stopping us: follow it.
      ProcessHandle.current().parent().ifPresent(p -> p.onExit().thenRun(() -> System.exit(0)));
    }
    try {
      StackEndpoints endpoints = stack.start();
      if (given == null || given.isBlank()) {
        Path env = stateDir.resolve("stack.env");
        LocalStack.writeOwnerOnly(
            env, endpoints.asShellEnv() + KafkaLogins.ENV_SECRET + "='" + logins.secret() + "'\n");
      }
    } catch (Exception e) {
      System.err.println("local stack failed to start: " + e);
      e.printStackTrace();
      System.exit(1);
    }
    System.out.println("MLC_STACK_READY " + LocalStack.endpointsFile(stateDir.toAbsolutePath()));
    stopped.await();
  }

  private static StackEndpoints externalPostgres() {
    String url = System.getenv(StackEndpoints.ENV_JDBC_URL);
    if (url == null || url.isBlank()) {
      return null;
    }
    String user = System.getenv().getOrDefault(StackEndpoints.ENV_JDBC_USER, "postgres");
    String password = System.getenv().getOrDefault(StackEndpoints.ENV_JDBC_PASSWORD, "");
    return new StackEndpoints(null, url, user, password, -1);
  }
}
