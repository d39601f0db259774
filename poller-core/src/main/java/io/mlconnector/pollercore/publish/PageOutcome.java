package io.mlconnector.pollercore.publish;

/** Counts of one page: events acknowledged, and records already published with this content. */
public record PageOutcome(int published, int skipped) {}
