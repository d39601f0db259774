package io.mlconnector.mapper.invoice;

import io.mlconnector.mapper.dimension.Dimension;

/** A QAD dimension code an invoice line needs and QAD's catalog (as the mapper knows it) lacks. */
public record MissingCode(Dimension dimension, String qadCode) {}
