package io.mlconnector.console;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Collects every log record (message, parameters, stack traces) while installed. */
public final class LogCapture extends Handler implements AutoCloseable {
  private final StringBuilder text = new StringBuilder();
  private final Formatter formatter = new SimpleFormatter();
  private final Logger root = Logger.getLogger("");

  public LogCapture() {
    setLevel(Level.ALL);
    root.addHandler(this);
  }

  @Override
  public synchronized void publish(LogRecord r) {
    text.append(r.getLoggerName()).append(' ').append(formatter.formatMessage(r)).append('\n');
    if (r.getThrown() != null) {
      StringWriter w = new StringWriter();
      r.getThrown().printStackTrace(new PrintWriter(w));
      text.append(w).append('\n');
    }
  }

  public synchronized String text() {
    return text.toString();
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    root.removeHandler(this);
  }
}
