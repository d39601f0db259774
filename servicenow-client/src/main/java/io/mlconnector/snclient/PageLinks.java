package io.mlconnector.snclient;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the {@code rel="next"} target of RFC 8288 {@code Link} headers. */
final class PageLinks {
  private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*;([^,<]*)");
  private static final Pattern REL_NEXT = Pattern.compile("rel\\s*=\\s*\"?next\"?");

  private PageLinks() {}

  static Optional<URI> next(List<String> headers) {
    for (String header : headers) {
      Matcher m = LINK.matcher(header);
      while (m.find()) {
        if (REL_NEXT.matcher(m.group(2)).find()) {
          return Optional.of(URI.create(m.group(1).trim()));
        }
      }
    }
    return Optional.empty();
  }
}
