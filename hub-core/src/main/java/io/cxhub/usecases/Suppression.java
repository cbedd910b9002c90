package io.cxhub.usecases;

/** A rule that keeps an eligible customer from a decision, and the reason recorded when it does. */
record Suppression(Expression when, String reason) {}
