package io.mlconnector.sandbox.qad;

/** One error or warning as QAD reports it inside {@code submitResult}. */
public record SubmitMessage(String fieldName, String message, Object fieldValue, String code) {}
