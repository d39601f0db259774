package io.mlconnector.stack.fleet;

/**
 * How the {@code ./mlc} mains end on a mistake: one line on stderr, no stack trace, exit code 2 for
 * what the user can correct (arguments, unknown tenant, missing settings), 1 otherwise.
 */
final class Cli {
  static final int USER_ERROR = 2;
  static final int FAILED = 1;

  private Cli() {}

  /** A user error: prints {@code mlc: <message>} and exits 2. */
  static void fail(String message) {
    exit(USER_ERROR, message);
  }

  static void exit(int code, String message) {
    System.err.println("mlc: " + message);
    System.exit(code);
  }

  static int intArg(String[] args, int i, String option) {
    if (i >= args.length) {
      fail(option + " needs a number");
    }
    try {
      return Integer.parseInt(args[i]);
    } catch (NumberFormatException e) {
      fail(option + " needs a number, not '" + args[i] + "'");
      return -1;
    }
  }
}
