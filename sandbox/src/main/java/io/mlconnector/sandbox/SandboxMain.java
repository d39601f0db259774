package io.mlconnector.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.mlconnector.sandbox.servicenow.traffic.LatencyModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./mlc sandbox}: both simulators standalone, seeded, until Ctrl-C. Their URLs and
 * credentials go to a JSON file (default {@code .mlc/sandbox.json}) and to the terminal, so any
 * HTTP client can be pointed at them.
 *
 * <pre>
 * SandboxMain [--tenants acme,globex] [--scale 100] [--latency-ms 0] [--out .mlc/sandbox.json]
 * </pre>
 *
 * {@code --latency-ms} gives every ServiceNow instance the latency model {@link
 * LatencyModel.Settings#perCall}; {@code PUT /sn-admin/{instance}/latency} changes it later.
 */
public final class SandboxMain {
  private SandboxMain() {}

  public static void main(String[] args) throws Exception {
    List<String> tenants = List.of("acme", "globex");
    int scale = 100;
    long latencyMs = 0;
    Path out = Path.of(".mlc", "sandbox.json");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--tenants" -> tenants = Arrays.asList(args[++i].split(","));
        case "--scale" -> scale = Integer.parseInt(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--latency-ms" -> latencyMs = Long.parseLong(args[++i]);
        default -> {
          System.err.println(
              "usage: SandboxMain [--tenants a,b] [--scale PERCENT] [--latency-ms N] [--out FILE]");
          System.exit(2);
        }
      }
    }
    SandboxLandscape landscape = SandboxLandscape.start(tenants, scale);
    landscape.servicenow().latencyModel(LatencyModel.Settings.perCall(latencyMs));
    Path written = out;
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  landscape.close();
                  deleteQuietly(written);
                  stopped.countDown();
                }));
    String json = describe(landscape);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, json);
    System.out.println(json);
    System.out.println("sandbox running; details in " + out.toAbsolutePath() + "; Ctrl-C stops");
    stopped.await();
  }

  /** The machine-readable description of a running landscape. */
  public static String describe(SandboxLandscape landscape) throws IOException {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("qadBaseUrl", landscape.qad().baseUri().toString());
    doc.put("servicenowBaseUrl", landscape.servicenow().baseUri().toString());
    doc.put("qadAdminUrl", landscape.qad().baseUri() + "/qad-admin/{tenant}");
    doc.put("servicenowAdminUrl", landscape.servicenow().baseUri() + "/sn-admin/{instance}");
    doc.put("servicenowLatency", landscape.servicenow().latencyModel().asMap());
    doc.put("tenants", landscape.tenants());
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc);
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // Only a stale description left behind; the next start overwrites it.
    }
  }
}
