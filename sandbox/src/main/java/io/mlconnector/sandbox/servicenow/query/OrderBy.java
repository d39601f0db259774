package io.mlconnector.sandbox.servicenow.query;

/** One {@code ORDERBYfield} / {@code ORDERBYDESCfield} term; several chain left to right. */
public record OrderBy(String field, boolean descending) {}
