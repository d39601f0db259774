package io.mlconnector.deploy;

import java.util.List;
import java.util.Map;

/** Typed walks through parsed YAML (maps of maps), failing with the path that was missing. */
final class Yamls {

  private Yamls() {}

  static Object at(Object node, String... path) {
    Object current = node;
    for (String key : path) {
      if (!(current instanceof Map<?, ?> map) || !map.containsKey(key)) {
        return null;
      }
      current = map.get(key);
    }
    return current;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object node, String... path) {
    Object value = at(node, path);
    if (!(value instanceof Map)) {
      throw new AssertionError("no map at " + String.join(".", path) + " in " + node);
    }
    return (Map<String, Object>) value;
  }

  static String string(Object node, String... path) {
    Object value = at(node, path);
    return value == null ? null : value.toString();
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> maps(Object list) {
    return (List<Map<String, Object>>) list;
  }
}
