package io.mlconnector.sandbox.servicenow.auth;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Users and OAuth clients of one instance. */
public final class UserDirectory {
  private final Map<String, UserAccount> users = new ConcurrentHashMap<>();
  private final Map<String, OAuthClient> clients = new ConcurrentHashMap<>();

  public void putUser(UserAccount user) {
    users.put(user.userName(), user);
  }

  public void putClient(OAuthClient client) {
    clients.put(client.clientId(), client);
  }

  public Optional<UserAccount> user(String userName) {
    return Optional.ofNullable(users.get(userName));
  }

  /** The user when the password matches. */
  public Optional<UserAccount> verify(String userName, String password) {
    return user(userName).filter(u -> u.password().equals(password));
  }

  /** The client when the secret matches. */
  public Optional<OAuthClient> verifyClient(String clientId, String secret) {
    return Optional.ofNullable(clients.get(clientId)).filter(c -> c.clientSecret().equals(secret));
  }
}
