package io.mlconnector.mapper.staging;

/** What became of one source record: a staging command, or a reason to park it. */
public sealed interface MappingOutcome {

  /** The record maps to a staging row. */
  record Mapped(StagingCommand command) implements MappingOutcome {}

  /** The record cannot be mapped; {@code reason} tells a person what to fix. */
  record Parked(String reason) implements MappingOutcome {}

  /** The entity has no staging table (e.g. sub-accounts): nothing to write to ServiceNow. */
  record NotStaged() implements MappingOutcome {}
}
