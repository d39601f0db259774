package io.mlconnector.snclient.model;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One page of a table read. A short or empty page is not the end (ServiceNow applies ACLs after
 * {@code sysparm_limit}); only the absence of a {@code rel="next"} link is.
 *
 * @param next the {@code rel="next"} link, already checked to stay under the instance
 * @param totalCount {@code X-Total-Count}: matches before ACLs, not the page size
 */
public record TablePage(
    List<ServiceNowRecord> records, Optional<URI> next, OptionalLong totalCount) {
  public TablePage {
    records = List.copyOf(records);
  }

  public boolean hasNext() {
    return next.isPresent();
  }
}
