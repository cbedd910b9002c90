package io.cxhub.connector.qualtrics;

import io.cxhub.spi.config.ConfigDef;
import io.cxhub.spi.config.ConfigOption;
import io.cxhub.spi.config.ConfigType;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/** The options of a {@code qualtrics} instance; also the parameters of its route template. */
final class QualtricsOptions {

  static final String BASE_URL = "baseUrl";
  static final String API_TOKEN = "apiToken";
  static final String SURVEY_IDS = "surveyIds";
  static final String SCHEDULE = "schedule";
  static final String SETTLE_TIME = "settleTime";
  static final String EXPORT_TIMEOUT = "exportTimeout";
  static final String WEBHOOK = "webhook";
  static final String PUBLIC_URL = "publicUrl";
  static final String WEBHOOK_SHARED_KEY = "webhookSharedKey";
  static final String CSAT_QUESTION = "csatQuestion";
  static final String NPS_QUESTION = "npsQuestion";
  static final String CES_QUESTION = "cesQuestion";
  static final String VERBATIM_QUESTION = "verbatimQuestion";

  static final String DEFAULT_SCHEDULE = "0 * * * * ?";

  private static final Pattern SURVEY_ID = Pattern.compile("SV_[A-Za-z0-9]{11,20}");
  private static final Pattern QUESTION = Pattern.compile("(SV_[A-Za-z0-9]{11,20}=)?QID[0-9]+(_[A-Za-z0-9]+)?");

  static final ConfigDef DEF = ConfigDef.of(
      ConfigOption.of(BASE_URL, ConfigType.STRING).asRequired()
          .withValidation(v -> v.toString().matches("https?://[^/?#]+/?"), "an http(s) URL without path, e.g. https://iad1.qualtrics.com")
          .withDescription("Base URL of the brand's Qualtrics datacenter, e.g. https://iad1.qualtrics.com"),
      ConfigOption.of(API_TOKEN, ConfigType.PASSWORD).asRequired()
          .withDescription("Qualtrics API token, sent as X-API-TOKEN; never logged or shown"),
      ConfigOption.of(SURVEY_IDS, ConfigType.LIST).asRequired()
          .withValidation(v -> !((List<?>) v).isEmpty() && ((List<?>) v).stream().allMatch(s -> SURVEY_ID.matcher(s.toString()).matches()),
              "a non-empty comma-separated list of survey ids such as SV_1Xp0stCallCsAt")
          .withDescription("Surveys whose responses are read"),
      ConfigOption.of(SCHEDULE, ConfigType.STRING).withDefault(DEFAULT_SCHEDULE)
          .withValidation(v -> v.toString().trim().split("\\s+").length >= 6,
              "a Quartz cron expression with 6 or 7 fields, e.g. 0 * * * * ?")
          .withDescription("When to export new responses (backfill on the first run, then incrementally), as a Quartz cron expression"),
      ConfigOption.of(SETTLE_TIME, ConfigType.DURATION).withDefault(Duration.ofSeconds(5))
          .withValidation(v -> !((Duration) v).isNegative() && ((Duration) v).compareTo(Duration.ofHours(1)) <= 0,
              "a duration from 0s to 1h")
          .withDescription("Responses recorded more recently than this are left for the next export, so one recorded "
              + "in the same instant as the last exported one is not skipped"),
      ConfigOption.of(EXPORT_TIMEOUT, ConfigType.DURATION).withDefault(Duration.ofMinutes(2))
          .withValidation(v -> ((Duration) v).compareTo(Duration.ofSeconds(1)) >= 0 && ((Duration) v).compareTo(Duration.ofMinutes(30)) <= 0,
              "a duration from 1s to 30m")
          .withDescription("How long one export may take to complete before the poll gives up and tries again at the next run"),
      ConfigOption.of(WEBHOOK, ConfigType.BOOLEAN).withDefault(false)
          .withDescription("Subscribe to completed-response events so new responses arrive within seconds at "
              + "<publicUrl>/webhooks/qualtrics/<instance> (the export still runs and catches up anything missed)"),
      ConfigOption.of(PUBLIC_URL, ConfigType.STRING)
          .withValidation(v -> v.toString().matches("https?://[^?#]+"), "an http(s) URL such as https://hub.example.com")
          .withDescription("The hub's base URL as Qualtrics reaches it; required when webhook is true"),
      ConfigOption.of(WEBHOOK_SHARED_KEY, ConfigType.PASSWORD)
          .withValidation(v -> v.toString().length() >= 16, "at least 16 characters")
          .withDescription("When set, the subscription's publication URL carries a signature derived from this key "
              + "(HMAC-SHA256 of the instance id) and events without the right one are rejected with 401"),
      question(CSAT_QUESTION, "QID1", "satisfaction (1-5)"),
      question(NPS_QUESTION, "QID2", "likelihood to recommend (0-10)"),
      question(CES_QUESTION, "QID3", "customer effort (1-7)"),
      question(VERBATIM_QUESTION, "QID4_TEXT", "free-text comment"));

  private static ConfigOption question(String name, String dflt, String what) {
    return ConfigOption.of(name, ConfigType.LIST).withDefault(List.of(dflt))
        .withValidation(v -> ((List<?>) v).stream().allMatch(s -> QUESTION.matcher(s.toString()).matches()),
            "question ids such as QID1, or SV_<survey>=QID7 for one survey")
        .withDescription("Question whose answer is the " + what + " (scores." + name.replace("Question", "")
            + " of the payload): a question id for every survey, and/or SV_<survey>=<question id> per survey");
  }

  private QualtricsOptions() {}
}
