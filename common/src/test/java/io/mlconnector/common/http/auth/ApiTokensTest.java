package io.mlconnector.common.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiTokensTest {
  private static final String OLD = "old-secret-0123456789abcdef";
  private static final String NEW = "new-secret-fedcba9876543210";

  @TempDir Path dir;

  @Test
  void entriesCarryNameAndScopeAndScopesAreOrdered() {
    ApiTokenSet set =
        ApiTokenSet.parse(List.of("ops:operate:" + OLD, "# a comment", "", "audit:read:" + NEW));
    assertThat(set.match(OLD)).contains(new ApiCaller("ops", ApiScope.OPERATE));
    assertThat(set.match(NEW)).contains(new ApiCaller("audit", ApiScope.READ));
    assertThat(set.match(OLD + "x")).isEmpty();
    assertThat(set.match("")).isEmpty();
    assertThat(ApiScope.ADMIN.covers(ApiScope.OPERATE)).isTrue();
    assertThat(ApiScope.OPERATE.covers(ApiScope.READ)).isTrue();
    assertThat(ApiScope.READ.covers(ApiScope.OPERATE)).isFalse();
    assertThat(ApiScope.OPERATE.covers(ApiScope.ADMIN)).isFalse();
  }

  @Test
  void malformedShortDuplicateAndUnscopedEntriesAreRefusedWithoutEchoingTheSecret() {
    assertThatThrownBy(() -> ApiTokenSet.parse(List.of("ops:operate:short")))
        .hasMessageContaining("at least 24")
        .hasMessageNotContaining("short");
    assertThatThrownBy(() -> ApiTokenSet.parse(List.of("ops:operate:")))
        .hasMessageContaining("at least 24");
    assertThatThrownBy(() -> ApiTokenSet.parse(List.of(OLD)))
        .hasMessageContaining("name:scope:secret")
        .hasMessageNotContaining(OLD);
    assertThatThrownBy(() -> ApiTokenSet.parse(List.of("ops:root:" + OLD)))
        .hasMessageContaining("unknown API scope");
    assertThatThrownBy(() -> ApiTokenSet.parse(List.of("ops:read:" + OLD, "ops:admin:" + NEW)))
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> ApiTokenSet.parse(List.of("Ops Team:read:" + OLD)))
        .hasMessageContaining("name must match");
  }

  @Test
  void twoTokensAreValidAtOnceAndTheFileRotatesThemWithoutARestart() throws Exception {
    Path file = dir.resolve("tokens");
    write(file, "ops-2026a:operate:" + OLD + "\n", 1);
    ApiTokens tokens = new ApiTokens(config(List.of(), file));
    assertThat(tokens.current().match(OLD)).map(ApiCaller::name).contains("ops-2026a");
    assertThat(tokens.current().match(NEW)).isEmpty();

    // Rotation step 1: the new token is added; both are accepted while callers move over.
    write(file, "ops-2026a:operate:" + OLD + "\nops-2026b:operate:" + NEW + "\n", 2);
    assertThat(tokens.current().match(OLD)).map(ApiCaller::name).contains("ops-2026a");
    assertThat(tokens.current().match(NEW)).map(ApiCaller::name).contains("ops-2026b");

    // Step 2: the old one is removed and refused from then on, same instance, no restart.
    write(file, "ops-2026b:operate:" + NEW + "\n", 3);
    assertThat(tokens.current().match(OLD)).isEmpty();
    assertThat(tokens.current().match(NEW)).map(ApiCaller::name).contains("ops-2026b");
  }

  @Test
  void aMalformedEditKeepsThePreviousTokensAndConfiguredTokensStay() throws Exception {
    Path file = dir.resolve("tokens");
    write(file, "ops:operate:" + OLD + "\n", 1);
    ApiTokens tokens = new ApiTokens(config(List.of("admin:admin:" + NEW), file));
    write(file, "ops:operate:tooshort\n", 2);
    assertThat(tokens.current().match(OLD)).map(ApiCaller::name).contains("ops");
    assertThat(tokens.current().match(NEW)).contains(new ApiCaller("admin", ApiScope.ADMIN));
  }

  @Test
  void aMalformedConfigurationStopsTheService() {
    assertThatThrownBy(() -> new ApiTokens(config(List.of("admin:admin:short"), null)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static void write(Path file, String content, int version) throws Exception {
    Files.writeString(file, content);
    // Distinct modification times even on file systems with coarse timestamps.
    Files.setLastModifiedTime(
        file, FileTime.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(version)));
  }

  private static ApiAuthConfig config(List<String> tokens, Path file) {
    return new ApiAuthConfig() {
      @Override
      public Optional<List<String>> tokens() {
        return Optional.of(tokens);
      }

      @Override
      public Optional<Path> tokensFile() {
        return Optional.ofNullable(file);
      }
    };
  }
}
