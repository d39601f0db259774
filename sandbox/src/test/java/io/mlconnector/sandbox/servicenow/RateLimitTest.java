package io.mlconnector.sandbox.servicenow;

import static io.mlconnector.sandbox.servicenow.SnHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimitTest extends SimulatorFixture {
  private static final String TABLE = "/api/now/table/" + SUPPLIERS;

  @Test
  void matchedRequestsCarryRateLimitHeaders() {
    acme.rateLimits().limitAllUsers(100);
    HttpResponse<String> r = integration.get(TABLE);
    assertThat(r.headers().firstValue("X-RateLimit-Limit")).hasValue("100");
    long reset = Instant.parse("2024-05-01T11:00:00Z").getEpochSecond();
    assertThat(r.headers().firstValue("X-RateLimit-Reset")).hasValue(String.valueOf(reset));
    assertThat(r.headers().firstValue("X-RateLimit-Rule").orElseThrow()).matches("[0-9a-f]{32}");
  }

  @Test
  void overTheLimitAnswers429WithRetryAfterAndTheDocumentedBody() {
    acme.rateLimits().limitUser(INTEGRATION_USER, 2);
    clock.advance(Duration.ofMinutes(50));
    assertThat(integration.get(TABLE).statusCode()).isEqualTo(200);
    assertThat(integration.get(TABLE).statusCode()).isEqualTo(200);

    HttpResponse<String> limited = integration.get(TABLE);
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).hasValue("600");
    assertThat(limited.body())
        .isEqualTo(
            "{\"error\":{\"message\":\"Rate limit exceeded\",\"detail\":\"Rate limit of 2 requests"
                + " per hour for Table API exceeded\"},\"status\":\"failure\"}");

    clock.advance(Duration.ofMinutes(10));
    assertThat(integration.get(TABLE).statusCode()).isEqualTo(200);
  }

  @Test
  void userRuleWinsOverAllUsersRuleAndOthersAreUnaffected() {
    acme.rateLimits().limitAllUsers(1);
    acme.rateLimits().limitUser(INTEGRATION_USER, 5);
    for (int i = 0; i < 5; i++) {
      assertThat(integration.get(TABLE).statusCode()).isEqualTo(200);
    }
    SnHttp admin = SnHttp.basic(simulator.instanceUrl("acme"), "admin", PASSWORD);
    assertThat(admin.get(TABLE).statusCode()).isEqualTo(200);
    HttpResponse<String> second = admin.get(TABLE);
    assertThat(second.statusCode()).isEqualTo(429);
    assertThat(json(second).path("error").path("detail").asText())
        .contains("Rate limit of 1 requests");
  }
}
