/** Drift alert notifications: a Slack-compatible webhook and a Kafka topic, new alerts at once, updates as a digest. */
package io.cxhub.notify;
