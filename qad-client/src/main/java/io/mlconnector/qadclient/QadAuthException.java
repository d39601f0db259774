package io.mlconnector.qadclient;

/**
 * QAD refused the tenant's credentials or token; {@link #hint()} says what a person should check.
 */
public class QadAuthException extends QadException {
  private final String hint;

  public QadAuthException(String tenant, String message, String hint) {
    super(tenant, message + " (hint: " + hint + ")", null);
    this.hint = hint;
  }

  public String hint() {
    return hint;
  }
}
