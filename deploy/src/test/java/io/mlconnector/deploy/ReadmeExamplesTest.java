package io.mlconnector.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** deploy/README.md shows values and commands that work with this chart. */
class ReadmeExamplesTest {

  private static final Pattern VALUES_EXAMPLE =
      Pattern.compile("<!-- values-example: ([\\w-]+) -->\\s*```yaml\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern SET_FLAG = Pattern.compile("--set ([\\w.\\[\\]-]+)=");
  private static final Pattern RESOURCE_REF =
      Pattern.compile("\\b(deployment|svc|job)/(ml-connector[a-z0-9-]*)");

  @TempDir Path tmp;

  @Test
  void everyValuesExampleRendersWithItsPollerPairs() throws IOException {
    Map<String, String> examples = valuesExamples();
    assertThat(examples).containsKeys("default", "three-tenants");

    for (Map.Entry<String, String> example : examples.entrySet()) {
      Path file = tmp.resolve(example.getKey() + ".yaml");
      Files.writeString(file, example.getValue());
      Manifests manifests = HelmChart.template().values(file).render();

      List<?> tenants =
          (List<?>) new Yaml().<Map<String, Object>>load(example.getValue()).get("tenants");
      assertThat(manifests.deploymentsOf("qad-poller"))
          .as(example.getKey())
          .hasSize(tenants.size());
      assertThat(manifests.deploymentsOf("servicenow-poller")).hasSize(tenants.size());
      assertThat(manifests.deploymentsOf("console")).hasSize(1);
    }
  }

  @Test
  void threeTenantExampleIsTheShippedExampleFile() throws IOException {
    Yaml yaml = new Yaml();
    Object shown = yaml.load(valuesExamples().get("three-tenants"));
    Object shipped = yaml.load(Files.readString(HelmChart.examples("three-tenants.yaml")));

    assertThat(shown).isEqualTo(shipped);
  }

  @Test
  void everySetFlagNamesAValueTheChartHas() throws IOException {
    Map<String, Object> defaults =
        new Yaml().load(Files.readString(HelmChart.directory().resolve("values.yaml")));
    Matcher flags = SET_FLAG.matcher(readme());
    List<String> keys = new ArrayList<>();
    while (flags.find()) {
      keys.add(flags.group(1));
    }

    assertThat(keys).contains("replay.group", "replay.toDatetime", "replay.enabled");
    assertThat(keys).allMatch(key -> isChartValue(defaults, key), "is a key of values.yaml");
  }

  @Test
  void everyResourceTheCommandsNameIsRendered() throws IOException {
    Manifests manifests =
        HelmChart.template("ml-connector")
            .values(HelmChart.examples("three-tenants.yaml"))
            .render();
    Map<String, String> kinds = Map.of("deployment", "Deployment", "svc", "Service", "job", "Job");
    Matcher refs = RESOURCE_REF.matcher(readme());
    int checked = 0;
    while (refs.find()) {
      String reference = kinds.get(refs.group(1)) + "/" + refs.group(2);
      assertThat(manifests.names()).as(refs.group()).contains(reference);
      checked++;
    }
    assertThat(checked).isGreaterThanOrEqualTo(3);
  }

  @Test
  void commandsPointAtTheChartDirectory() throws IOException {
    Path repositoryRoot = HelmChart.directory().getParent().getParent().getParent();
    assertThat(readme()).contains("deploy/helm/ml-connector -n mlc");
    assertThat(repositoryRoot.resolve("deploy/helm/ml-connector/Chart.yaml")).exists();
  }

  /**
   * A --set key is valid when each segment exists in values.yaml; free-form maps (empty in the
   * defaults, like kafka.topics.overrides) and lists (tenants, replay.topics) accept any child.
   */
  @SuppressWarnings("unchecked")
  private static boolean isChartValue(Map<String, Object> defaults, String key) {
    Object node = defaults;
    for (String segment : key.replace("\\.", "\u0000").split("\\.")) {
      String name = segment.replaceAll("\\[\\d+]$", "").replace('\u0000', '.');
      if (!(node instanceof Map<?, ?> map)) {
        return node instanceof List;
      }
      if (map.isEmpty()) {
        return true;
      }
      if (!map.containsKey(name)) {
        return false;
      }
      node = ((Map<String, Object>) map).get(name);
    }
    return true;
  }

  private static Map<String, String> valuesExamples() throws IOException {
    Map<String, String> examples = new LinkedHashMap<>();
    Matcher matcher = VALUES_EXAMPLE.matcher(readme());
    while (matcher.find()) {
      examples.put(matcher.group(1), matcher.group(2));
    }
    return examples;
  }

  private static String readme() throws IOException {
    return Files.readString(Paths.get(System.getProperty("mlc.deploy.readme", "README.md")));
  }
}
