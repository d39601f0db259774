package io.mlconnector.sandbox.servicenow.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code Link} header of a list read: first, prev (not on the first page), next (while rows
 * remain past this page, counted before ACLs) and last, each repeating the caller's parameters with
 * a new {@code sysparm_offset}.
 */
final class PageLinks {
  private PageLinks() {}

  /** {@code total} < 0 means unknown ({@code sysparm_no_count}): no last link then. */
  static String header(
      String listUrl, Map<String, String> params, int offset, int limit, long total, boolean more) {
    List<String> links = new ArrayList<>();
    links.add(link(listUrl, params, 0, limit, "first"));
    if (offset > 0) {
      links.add(link(listUrl, params, Math.max(0, offset - limit), limit, "prev"));
    }
    if (more) {
      links.add(link(listUrl, params, offset + limit, limit, "next"));
    }
    if (total >= 0) {
      long lastOffset = total == 0 ? 0 : ((total - 1) / limit) * limit;
      links.add(link(listUrl, params, lastOffset, limit, "last"));
    }
    return String.join(",", links);
  }

  private static String link(
      String listUrl, Map<String, String> params, long offset, int limit, String rel) {
    Map<String, String> p = new LinkedHashMap<>(params);
    p.put("sysparm_limit", String.valueOf(limit));
    p.put("sysparm_offset", String.valueOf(offset));
    StringBuilder url = new StringBuilder(listUrl).append('?');
    p.forEach((k, v) -> url.append(encode(k)).append('=').append(encode(v)).append('&'));
    url.setLength(url.length() - 1);
    return "<" + url + ">;rel=\"" + rel + "\"";
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
