package io.mlconnector.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/**
 * The ml-connector chart, rendered and linted in-process through helm-java (no helm binary).
 *
 * <p>helm-java's template leaves Helm hooks out of its output, so renders run against a copy of the
 * chart with one extra template that echoes the hook resources (the topic Job) into a ConfigMap;
 * {@link Manifests} unpacks them, so tests see what {@code helm template} prints.
 */
final class HelmChart {

  static final String RELEASE = "mlc";
  static final String FULLNAME = "mlc-ml-connector";

  private static final String HOOK_CAPTURE =
      """
      {{- $hooks := include "mlc.topicsHooks" . }}
      {{- if trim $hooks }}
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: %s
      data:
        hooks.yaml: {{ $hooks | quote }}
      {{- end }}
      """
          .formatted(Manifests.HOOK_CAPTURE_NAME);

  private static Path renderableCopy;

  private HelmChart() {}

  static Path directory() {
    return Paths.get(System.getProperty("mlc.chart.dir", "helm/ml-connector")).toAbsolutePath();
  }

  static Path examples(String file) {
    return directory().resolve("examples").resolve(file);
  }

  /** The secrets the chart requires, as a values file (src/test/resources). */
  static final Path REQUIRED_SECRETS =
      Paths.get("src/test/resources/required-secrets.yaml").toAbsolutePath();

  /**
   * A render of the chart with the required secrets given; add values files and --set values, then
   * {@link #render()}.
   */
  static Render template() {
    return template(RELEASE);
  }

  static Render template(String release) {
    return templateWithoutSecrets(release).values(REQUIRED_SECRETS);
  }

  /** A render with nothing but the chart's defaults (which lack the required secrets). */
  static Render templateWithoutSecrets(String release) {
    return new Render(new Helm(renderableCopy()).template().withName(release));
  }

  /** helm lint --strict with the chart's defaults overlaid by the given values file, if any. */
  static LintResult lint(Path valuesFile) throws IOException {
    Path chart = directory();
    if (valuesFile != null) {
      chart = copyOf(directory());
      Yaml yaml = new Yaml();
      Map<String, Object> defaults = yaml.load(Files.readString(chart.resolve("values.yaml")));
      Map<String, Object> overlay = yaml.load(Files.readString(valuesFile));
      Files.writeString(chart.resolve("values.yaml"), yaml.dump(merge(defaults, overlay)));
    }
    return new Helm(chart).lint().strict().call();
  }

  static final class Render {
    private TemplateCommand command;

    private Render(TemplateCommand command) {
      this.command = command;
    }

    Render values(Path file) {
      command = command.withValuesFile(file);
      return this;
    }

    Render set(String key, Object value) {
      command = command.set(key, value);
      return this;
    }

    Manifests render() {
      return Manifests.parse(command.call());
    }
  }

  /** Helm's merge of values files: maps merge key by key, everything else is replaced. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> overlay) {
    Map<String, Object> merged = new LinkedHashMap<>(base);
    overlay.forEach(
        (key, value) ->
            merged.merge(
                key,
                value,
                (old, neu) ->
                    old instanceof Map && neu instanceof Map
                        ? merge((Map<String, Object>) old, (Map<String, Object>) neu)
                        : neu));
    return merged;
  }

  private static synchronized Path renderableCopy() {
    if (renderableCopy == null) {
      try {
        renderableCopy = copyOf(directory());
        Files.writeString(
            renderableCopy.resolve("templates").resolve("zz-test-hook-capture.yaml"), HOOK_CAPTURE);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return renderableCopy;
  }

  private static Path copyOf(Path chart) throws IOException {
    Path work = Files.createDirectories(Paths.get(System.getProperty("mlc.work.dir", "target")));
    Path target = Files.createTempDirectory(work, "chart-").resolve("ml-connector");
    try (Stream<Path> files = Files.walk(chart)) {
      for (Path source : (Iterable<Path>) files::iterator) {
        Path destination = target.resolve(chart.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(destination);
        } else {
          Files.copy(source, destination);
        }
      }
    }
    return target;
  }
}
