/* test-robustness.c: JdClient against a server that misbehaves on purpose.
 *
 * Each case points a client at a JdBrokenServer playing one scenario and
 * asserts two things: the exact JD_CLIENT_ERROR code the call ends with
 * (or, where the answer is usable, what the job holds), and that the call
 * ends within a bound, so that no answer can hang or crash the app.
 */
#include "config.h"

#include <string.h>
#include <sys/resource.h>
#include <glib/gstdio.h>

#include "jd-broken-server.h"
#include "jd-client.h"
#include "jd-job-message.h"
#include "jd-test-util.h"

#define JOB_ID "66ebd18d3d6200007e000d8c"
/* Longer than any bound below: a call that never returns fails here. */
#define WAIT_MS 60000
/* What the tests allow a client to read, so that "too large" comes fast. */
#define TEST_MAX_RESPONSE (8 * 1024 * 1024)

typedef struct
{
  const char   *name;       /* /robustness/<name> */
  const char   *scenario;   /* what the API paths do */
  JdClientError code;       /* the error the lookup must end with */
  guint         timeout;    /* the client's whole-call deadline, seconds */
  guint         bound;      /* the call must end within this, seconds */
} BrokenCase;

typedef struct
{
  JdBrokenServer *server;
  JdClient       *client;
  gint64          started;  /* monotonic µs */
  gint64          elapsed;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->server = jd_broken_server_new (NULL);
  fixture->client = jd_client_new (NULL, jd_broken_server_get_base_url (fixture->server));
  jd_client_set_timeout (fixture->client, 2);
  jd_client_set_max_response_size (fixture->client, TEST_MAX_RESPONSE);
  jd_client_set_access_token (fixture->client, "t0ken");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* Let finished tasks drop their references before we check. */
  jd_test_spin_for (20);
  g_assert_finalize_object (fixture->client);
  jd_broken_server_stop (fixture->server);
  g_assert_finalize_object (fixture->server);
}

static JdJob *
get_job (Fixture  *fixture,
         GError  **error)
{
  JdTestAsync async = { 0 };
  JdJob *job;

  fixture->started = g_get_monotonic_time ();
  jd_client_get_job_async (fixture->client, JOB_ID, TRUE, NULL, jd_test_async_ready_cb, &async);
  job = jd_client_get_job_finish (fixture->client, jd_test_wait_result (&async, WAIT_MS), error);
  fixture->elapsed = g_get_monotonic_time () - fixture->started;
  jd_test_async_clear (&async);

  if (error != NULL && *error != NULL)
    g_test_message ("%.2f s: %s", fixture->elapsed / (double) G_USEC_PER_SEC, (*error)->message);
  return job;
}

static gboolean
sign_in (Fixture  *fixture,
         GError  **error)
{
  JdTestAsync async = { 0 };
  gboolean ok;

  fixture->started = g_get_monotonic_time ();
  jd_client_sign_in_async (fixture->client, NULL, jd_test_async_ready_cb, &async);
  ok = jd_client_sign_in_finish (fixture->client, jd_test_wait_result (&async, WAIT_MS), error);
  fixture->elapsed = g_get_monotonic_time () - fixture->started;
  jd_test_async_clear (&async);

  if (error != NULL && *error != NULL)
    g_test_message ("%.2f s: %s", fixture->elapsed / (double) G_USEC_PER_SEC, (*error)->message);
  return ok;
}

/* seconds on an idle machine, stretched for slow and loaded runs
 * (jd_test_bound_us): a call that hangs still fails here long before
 * WAIT_MS, and where two endings would give the same error, the case
 * says so with a ceiling of its own (test_silences_end_alike). */
static void
assert_within (Fixture *fixture,
               guint    seconds)
{
  g_assert_cmpint (fixture->elapsed, <, jd_test_bound_us (seconds * 1000, 0));
}

/* The error a user sees is a sentence, never a bare code or nothing. */
static void
assert_sentence (const GError *error)
{
  gsize length = strlen (error->message);

  g_assert_cmpuint (length, >, 20);
  g_assert_true (g_unichar_isupper (g_utf8_get_char (error->message)));
  g_assert_true (error->message[length - 1] == '.' || g_str_has_suffix (error->message, ".”"));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_null (strstr (error->message, "(null)"));
  g_assert_null (strstr (error->message, " 0 MB"));
}

static gint64
peak_rss_kb (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);
  return usage.ru_maxrss;
}

/* ------------------------------------------------------------------ */
/* One scenario, one error                                             */

static void
test_broken (Fixture       *fixture,
             gconstpointer  data)
{
  const BrokenCase *broken = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJob) job = NULL;

  jd_client_set_timeout (fixture->client, broken->timeout);
  jd_broken_server_set_scenario (fixture->server, broken->scenario);

  job = get_job (fixture, &error);
  g_assert_null (job);
  g_assert_error (error, JD_CLIENT_ERROR, broken->code);
  assert_sentence (error);
  assert_within (fixture, broken->bound);
}

static const BrokenCase broken_cases[] = {
  /* bodies that are not the JSON we expect */
  { "json/malformed",              "malformed",            JD_CLIENT_ERROR_BAD_RESPONSE,  2,  2 },
  { "json/truncated",              "truncated",            JD_CLIENT_ERROR_BAD_RESPONSE,  2,  2 },
  { "json/empty",                  "empty",                JD_CLIENT_ERROR_BAD_RESPONSE,  2,  2 },
  { "json/not-utf-8",             "non-utf8",             JD_CLIENT_ERROR_BAD_RESPONSE,  2,  2 },
  { "json/null",                   "json-null",            JD_CLIENT_ERROR_BAD_RESPONSE,  2,  2 },
  { "json/not-a-job",              "not-a-job",            JD_CLIENT_ERROR_BAD_RESPONSE,  2,  2 },
  { "json/another-job",            "wrong-job",            JD_CLIENT_ERROR_BAD_RESPONSE,  2,  2 },
  { "json/deep-nesting",           "deep-nesting",         JD_CLIENT_ERROR_BAD_RESPONSE,  5,  5 },
  { "json/deep-objects",           "deep-objects",         JD_CLIENT_ERROR_BAD_RESPONSE,  5,  5 },
  { "content/xml",                 "wrong-content-type",   JD_CLIENT_ERROR_BAD_RESPONSE,  2,  2 },
  { "content/html-login-page",     "html-200",             JD_CLIENT_ERROR_BAD_RESPONSE,  2,  2 },
  /* lengths and bodies that lie */
  { "length/longer-then-silence",  "lying-length",         JD_CLIENT_ERROR_TIMEOUT,       2,  5 },
  { "length/longer-then-close",    "close-mid-body",       JD_CLIENT_ERROR_BAD_RESPONSE,  2,  2 },
  { "length/shorter",              "short-length",         JD_CLIENT_ERROR_BAD_RESPONSE,  2,  2 },
  { "length/huge",                 "huge-content-length",  JD_CLIENT_ERROR_BAD_RESPONSE,  2,  2 },
  { "body/endless",                "endless",              JD_CLIENT_ERROR_BAD_RESPONSE, 20, 20 },
  { "body/gzip-bomb",              "gzip-bomb",            JD_CLIENT_ERROR_BAD_RESPONSE, 20, 20 },
  { "body/bad-chunk",              "bad-chunked",          JD_CLIENT_ERROR_BAD_RESPONSE,  2,  2 },
  /* a chunk of 2^64 - 1 bytes announced, a few sent, then silence: the
   * same time-out as every other silence, whatever the framing */
  { "body/huge-chunk-then-silence", "chunk-huge",          JD_CLIENT_ERROR_TIMEOUT,       2,  5 },
  /* libsoup stops reading headers at 64 KB, long before the deadline */
  { "body/endless-headers",        "endless-headers",      JD_CLIENT_ERROR_BAD_RESPONSE,  2,  2 },
  /* time */
  { "time/never-answers",          "never-answers",        JD_CLIENT_ERROR_TIMEOUT,       2,  5 },
  { "time/answers-too-late",       "slow",                 JD_CLIENT_ERROR_TIMEOUT,       2,  5 },
  { "time/drip",                   "drip",                 JD_CLIENT_ERROR_TIMEOUT,       2,  5 },
  /* the connection */
  { "connection/reset-mid-body",   "reset",                JD_CLIENT_ERROR_NETWORK,       2,  2 },
  /* libsoup reports a connection closed before the answer as a partial
   * answer, the same as one cut off in its headers */
  { "connection/closed-unanswered", "close-without-answer", JD_CLIENT_ERROR_BAD_RESPONSE, 2,  2 },
  { "connection/not-http",         "not-http",             JD_CLIENT_ERROR_BAD_RESPONSE,  2,  2 },
  /* redirects */
  { "redirect/loop",               "redirect-loop",        JD_CLIENT_ERROR_REDIRECT,      2,  2 },
  /* status codes */
  { "status/400",                  "status-400",           JD_CLIENT_ERROR_BAD_REQUEST,   2,  2 },
  { "status/401",                  "status-401",           JD_CLIENT_ERROR_UNAUTHORIZED,  2,  2 },
  { "status/403",                  "status-403",           JD_CLIENT_ERROR_FORBIDDEN,     2,  2 },
  { "status/404",                  "status-404",           JD_CLIENT_ERROR_NOT_FOUND,     2,  2 },
  { "status/405",                  "status-405",           JD_CLIENT_ERROR_NOT_SUPPORTED, 2,  2 },
  { "status/429",                  "rate-limited",         JD_CLIENT_ERROR_RATE_LIMITED,  2,  2 },
  { "status/500",                  "status-500",           JD_CLIENT_ERROR_SERVER,        2,  2 },
  { "status/502",                  "status-502",           JD_CLIENT_ERROR_SERVER,        2,  2 },
  { "status/502-html",             "html-502",             JD_CLIENT_ERROR_SERVER,        2,  2 },
  { "status/503",                  "status-503",           JD_CLIENT_ERROR_SERVER,        2,  2 },
  { "status/504",                  "status-504",           JD_CLIENT_ERROR_SERVER,        2,  2 },
  { "status/999",                  "status-999",           JD_CLIENT_ERROR_BAD_RESPONSE,  2,  2 },
};

/* ------------------------------------------------------------------ */
/* Cases that say more than a code                                     */

/* DESIGN §1: a member of the wrong type is "not given", never a crash. */
static void
test_wrong_types (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJob) job = NULL;

  jd_broken_server_set_scenario (fixture->server, "wrong-types");
  job = get_job (fixture, &error);
  g_assert_no_error (error);
  assert_within (fixture, 2);

  g_assert_cmpstr (jd_job_summary_get_id (JD_JOB_SUMMARY (job)), ==, JOB_ID);
  g_assert_null (jd_job_get_app_id (job));
  g_assert_null (jd_job_summary_get_created (JD_JOB_SUMMARY (job)));
  g_assert_null (jd_job_summary_get_status (JD_JOB_SUMMARY (job)));
  g_assert_cmpint (jd_job_summary_get_state (JD_JOB_SUMMARY (job)), ==, JD_JOB_STATE_UNKNOWN);
  g_assert_null (jd_job_summary_get_disposition (JD_JOB_SUMMARY (job)));
  g_assert_cmpint (jd_job_summary_get_disposition_kind (JD_JOB_SUMMARY (job)), ==, JD_DISPOSITION_UNKNOWN);
  g_assert_null (jd_job_summary_get_priority (JD_JOB_SUMMARY (job)));
  g_assert_null (jd_job_summary_get_worker_tag (JD_JOB_SUMMARY (job)));
  g_assert_false (jd_job_summary_get_has_run_with_e2 (JD_JOB_SUMMARY (job)));
  g_assert_cmpuint (g_list_model_get_n_items (jd_job_get_outputs (job)), ==, 0);
  g_assert_false (jd_job_get_messages_included (job));
  g_assert_cmpuint (g_list_model_get_n_items (jd_job_get_messages (job)), ==, 0);
}

/* "\ud800" is valid JSON that decodes to invalid UTF-8: the text is
 * repaired, never passed on to the UI as it is. */
static void
test_lone_surrogate (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJob) job = NULL;
  g_autoptr(JdJobMessage) message = NULL;

  jd_broken_server_set_scenario (fixture->server, "lone-surrogate");
  job = get_job (fixture, &error);
  g_assert_no_error (error);
  assert_within (fixture, 2);

  g_assert_true (g_utf8_validate (jd_job_summary_get_status (JD_JOB_SUMMARY (job)), -1, NULL));
  g_assert_true (g_str_has_prefix (jd_job_summary_get_status (JD_JOB_SUMMARY (job)), "Compl"));
  g_assert_cmpuint (g_list_model_get_n_items (jd_job_get_messages (job)), ==, 1);
  message = g_list_model_get_item (jd_job_get_messages (job), 0);
  g_assert_true (g_utf8_validate (jd_job_message_get_text (message), -1, NULL));
  g_assert_true (g_str_has_prefix (jd_job_message_get_text (message), "bad "));
}

/* A 50 MB string is within the size limit, so it is read, and it must
 * not take the memory of the machine: the status, a word, longer than
 * any status could be, is "not given", and the job still shows. */
static void
test_huge_string (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJob) job = NULL;
  gint64 rss_before;
  gint64 rss_after;

  jd_client_set_timeout (fixture->client, 30);
  jd_client_set_max_response_size (fixture->client, 0);
  jd_broken_server_set_scenario (fixture->server, "huge-string");

  rss_before = peak_rss_kb ();
  job = get_job (fixture, &error);
  rss_after = peak_rss_kb ();
  g_test_message ("peak RSS %" G_GINT64_FORMAT " MB before, %" G_GINT64_FORMAT " MB after, %.2f s",
                  rss_before / 1024, rss_after / 1024, fixture->elapsed / (double) G_USEC_PER_SEC);

  g_assert_no_error (error);
  g_assert_cmpstr (jd_job_summary_get_id (JD_JOB_SUMMARY (job)), ==, JOB_ID);
  g_assert_null (jd_job_summary_get_status (JD_JOB_SUMMARY (job)));
  assert_within (fixture, 30);
  /* The server's 50 MB copy, ours, and json-glib's: a few times the
   * string, not without bound. */
  g_assert_cmpint (rss_after - rss_before, <, 512 * 1024);
}

/* The limit is the client's own: JD_CLIENT_MAX_RESPONSE_SIZE unless set. */
static void
test_max_response_size (void)
{
  g_autoptr(JdClient) client = jd_client_new (NULL, "https://ayx.example.com/webapi");

  g_assert_cmpuint (jd_client_get_max_response_size (client), ==, JD_CLIENT_MAX_RESPONSE_SIZE);
  jd_client_set_max_response_size (client, 1024);
  g_assert_cmpuint (jd_client_get_max_response_size (client), ==, 1024);
  jd_client_set_max_response_size (client, 0);
  g_assert_cmpuint (jd_client_get_max_response_size (client), ==, JD_CLIENT_MAX_RESPONSE_SIZE);
}

static void
test_endless_stops_at_limit (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJob) job = NULL;
  g_autofree char *limit = g_strdup_printf ("%u MB", TEST_MAX_RESPONSE / (1024 * 1024));

  jd_client_set_timeout (fixture->client, 20);
  jd_broken_server_set_scenario (fixture->server, "endless");
  job = get_job (fixture, &error);
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE);
  /* stopped by the size, not by the clock */
  g_assert_nonnull (strstr (error->message, limit));
  assert_within (fixture, 10);
}

static void
test_rate_limited_retry_after (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJob) job = NULL;

  jd_broken_server_set_scenario (fixture->server, "rate-limited");
  job = get_job (fixture, &error);
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_RATE_LIMITED);
  g_assert_cmpuint (jd_client_get_retry_after (fixture->client), ==, 7);
  g_assert_nonnull (strstr (error->message, "7 seconds"));
  assert_within (fixture, 2);
}

static void
test_redirect_other_host (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(JdBrokenServer) elsewhere = jd_broken_server_new ("127.0.0.2");
  g_autofree char *target = g_strconcat (jd_broken_server_get_base_url (elsewhere), "/v3/jobs/" JOB_ID, NULL);
  g_autofree char *authorization = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJob) job = NULL;

  jd_broken_server_set_scenario (fixture->server, "redirect-other-host");
  jd_broken_server_set_redirect_target (fixture->server, target);

  job = get_job (fixture, &error);
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_REDIRECT);
  assert_within (fixture, 2);

  /* the other host never heard from us: no request, no token */
  jd_test_spin_for (100);
  g_assert_cmpuint (jd_broken_server_get_connection_count (elsewhere), ==, 0);
  g_assert_cmpuint (jd_broken_server_get_request_count (elsewhere), ==, 0);
  authorization = jd_broken_server_dup_last_authorization (elsewhere);
  g_assert_null (authorization);

  jd_broken_server_stop (elsewhere);
}

/* The same with a key and secret: the token request itself is sent on. */
static void
test_token_redirect_other_host (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(JdBrokenServer) elsewhere = jd_broken_server_new ("127.0.0.2");
  g_autofree char *target = g_strconcat (jd_broken_server_get_base_url (elsewhere), "/oauth2/token", NULL);
  g_autoptr(GError) error = NULL;

  jd_broken_server_set_token_scenario (fixture->server, "redirect-other-host");
  jd_broken_server_set_redirect_target (fixture->server, target);
  jd_client_set_api_key (fixture->client, "key", "secret");

  g_assert_false (sign_in (fixture, &error));
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_REDIRECT);
  assert_within (fixture, 2);

  jd_test_spin_for (100);
  g_assert_cmpuint (jd_broken_server_get_connection_count (elsewhere), ==, 0);
  jd_broken_server_stop (elsewhere);
}

/* "http:/webapi/…": a scheme and no host. Refused in words, never
 * followed; the port the base URL names makes no difference. */
static void
test_redirect_no_host (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJob) job = NULL;

  jd_broken_server_set_scenario (fixture->server, "redirect-no-host");

  job = get_job (fixture, &error);
  g_assert_null (job);
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_REDIRECT);
  assert_sentence (error);
  g_assert_nonnull (strstr (error->message, "http:/webapi/v3/jobs/x"));
  assert_within (fixture, 2);
  g_assert_cmpuint (jd_broken_server_get_request_count (fixture->server), ==, 1);
}

/* The same with a base URL without a port, as every real deployment has
 * (https://server.example.com/webapi): the broken server stands behind
 * an HTTP proxy setting, so the client's address needs none. */
static void
test_redirect_no_host_no_port (void)
{
  g_autoptr(JdBrokenServer) server = jd_broken_server_new (NULL);
  g_autoptr(GUri) server_uri = g_uri_parse (jd_broken_server_get_base_url (server), G_URI_FLAGS_NONE, NULL);
  g_autofree char *proxy = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (server_uri));
  g_autoptr(GProxyResolver) resolver = g_simple_proxy_resolver_new (proxy, NULL);
  g_autoptr(SoupSession) session = soup_session_new_with_options ("proxy-resolver", resolver, NULL);
  g_autoptr(JdClient) client = jd_client_new (session, "http://jobdesk.test/webapi");
  g_autoptr(GUri) base = g_uri_parse (jd_client_get_base_url (client), G_URI_FLAGS_NONE, NULL);
  g_autoptr(GError) error = NULL;
  JdTestAsync async = { 0 };
  JdJob *job;

  g_assert_cmpint (g_uri_get_port (base), ==, -1);
  jd_client_set_allow_insecure (client, TRUE);
  jd_client_set_timeout (client, 2);
  jd_client_set_access_token (client, "t0ken");

  /* The way through the proxy works... */
  jd_client_get_job_async (client, JOB_ID, FALSE, NULL, jd_test_async_ready_cb, &async);
  job = jd_client_get_job_finish (client, jd_test_wait_result (&async, WAIT_MS), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (jd_job_summary_get_id (JD_JOB_SUMMARY (job)), ==, JOB_ID);
  g_clear_object (&job);
  jd_test_async_clear (&async);

  /* ...and the host-less redirect ends in words, not in a crash. */
  jd_broken_server_set_scenario (server, "redirect-no-host");
  jd_client_get_job_async (client, JOB_ID, FALSE, NULL, jd_test_async_ready_cb, &async);
  job = jd_client_get_job_finish (client, jd_test_wait_result (&async, WAIT_MS), &error);
  g_assert_null (job);
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_REDIRECT);
  assert_sentence (error);
  jd_test_async_clear (&async);
  g_assert_cmpuint (jd_broken_server_get_request_count (server), ==, 2);

  jd_test_spin_for (20);
  g_clear_object (&client);
  jd_broken_server_stop (server);
}

/* file: has no server to name: the sentence says what it is, and no
 * empty "another address ()". */
static void
test_redirect_to_file (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJob) job = NULL;

  jd_broken_server_set_scenario (fixture->server, "redirect-file");

  job = get_job (fixture, &error);
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_REDIRECT);
  assert_sentence (error);
  g_assert_null (strstr (error->message, "()"));
  g_assert_nonnull (strstr (error->message, "not a web address"));
  g_assert_cmpstr (jd_client_error_get_detail (error), ==, "file:///etc/passwd");
}

/* Our sentence, and the library's words only in the detail. */
static void
test_reset_in_our_words (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) copy = NULL;
  g_autoptr(JdJob) job = NULL;
  const char *detail;

  jd_broken_server_set_scenario (fixture->server, "reset");

  job = get_job (fixture, &error);
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_NETWORK);
  assert_sentence (error);
  detail = jd_client_error_get_detail (error);
  g_test_message ("detail: %s", detail);
  g_assert_nonnull (detail);
  g_assert_null (strstr (error->message, detail));
  g_assert_null (strstr (error->message, "peer"));
  g_assert_null (strstr (error->message, "Error receiving data"));

  /* The detail travels with the error. */
  copy = g_error_copy (error);
  g_assert_cmpstr (jd_client_error_get_detail (copy), ==, detail);
}

/* Every silence ends in the same time-out, whatever the framing: a
 * session whose reads time out after a second ends each of these in
 * TIMEOUT within a few seconds, long before the call's deadline. */
static void
test_silences_end_alike (void)
{
  static const char * const silences[] = { "lying-length", "chunk-huge", "never-answers", NULL };
  g_autoptr(JdBrokenServer) server = jd_broken_server_new (NULL);
  g_autoptr(SoupSession) session = soup_session_new_with_options ("timeout", 1, NULL);
  g_autoptr(JdClient) client = jd_client_new (session, jd_broken_server_get_base_url (server));

  jd_client_set_timeout (client, 30);
  jd_client_set_access_token (client, "t0ken");

  for (guint i = 0; silences[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      JdTestAsync async = { 0 };
      gint64 started = g_get_monotonic_time ();
      JdJob *job;

      jd_broken_server_set_scenario (server, silences[i]);
      jd_client_get_job_async (client, JOB_ID, TRUE, NULL, jd_test_async_ready_cb, &async);
      job = jd_client_get_job_finish (client, jd_test_wait_result (&async, WAIT_MS), &error);
      jd_test_async_clear (&async);
      g_test_message ("%s: %.2f s: %s", silences[i], (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC,
                      error != NULL ? error->message : "(none)");
      g_assert_null (job);
      g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_TIMEOUT);
      assert_sentence (error);
      /* 5 s on an idle machine, more when slow or loaded, but always
       * well short of the call's 30 s deadline, which would end these in
       * the same TIMEOUT */
      g_assert_cmpint (g_get_monotonic_time () - started, <, jd_test_bound_us (5000, 25000));
    }

  jd_test_spin_for (20);
  g_clear_object (&client);
  jd_broken_server_stop (server);
}

/* ------------------------------------------------------------------ */
/* Downloads                                                           */

static gboolean
download (Fixture     *fixture,
          GFile       *destination,
          const char  *format,
          GError     **error)
{
  JdTestAsync async = { 0 };
  gboolean ok;

  fixture->started = g_get_monotonic_time ();
  jd_client_download_output_async (fixture->client, JOB_ID, "o1", format, destination,
                                   NULL, NULL, NULL, jd_test_async_ready_cb, &async);
  ok = jd_client_download_output_finish (fixture->client, jd_test_wait_result (&async, WAIT_MS), error);
  fixture->elapsed = g_get_monotonic_time () - fixture->started;
  jd_test_async_clear (&async);

  if (error != NULL && *error != NULL)
    g_test_message ("%.2f s: %s", fixture->elapsed / (double) G_USEC_PER_SEC, (*error)->message);
  return ok;
}

/* The names in a folder, sorted, joined by spaces. */
static char *
folder_listing (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

typedef struct
{
  const char    *scenario;
  const char    *format;
  const char    *words;   /* in the sentence */
} RefusedDownload;

/* A login page, a JSON error and a body cut off leave nothing on disk:
 * no file, no temporary file, and a file that was there stays as it was. */
static void
test_download_refused (Fixture       *fixture,
                       gconstpointer  data)
{
  const RefusedDownload *refused = data;
  g_autofree char *folder = g_dir_make_tmp ("jd-download-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (folder, "out.csv", NULL);
  g_autofree char *kept_path = g_build_filename (folder, "kept.csv", NULL);
  g_autoptr(GFile) destination = g_file_new_for_path (path);
  g_autoptr(GFile) kept = g_file_new_for_path (kept_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *contents = NULL;

  jd_broken_server_set_scenario (fixture->server, refused->scenario);

  g_assert_false (download (fixture, destination, refused->format, &error));
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE);
  assert_sentence (error);
  g_assert_nonnull (strstr (error->message, refused->words));
  g_assert_nonnull (strstr (error->message, "nothing was saved"));
  listing = folder_listing (folder);
  g_assert_cmpstr (listing, ==, "");

  /* Over a file of the same name: it stays as it was. */
  g_assert_true (g_file_set_contents (kept_path, "earlier,file\n", -1, NULL));
  g_clear_error (&error);
  g_assert_false (download (fixture, kept, refused->format, &error));
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE);
  g_assert_true (g_file_get_contents (kept_path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "earlier,file\n");
  g_free (listing);
  listing = folder_listing (folder);
  g_assert_cmpstr (listing, ==, "kept.csv");

  g_assert_cmpint (g_remove (kept_path), ==, 0);
  g_assert_cmpint (g_rmdir (folder), ==, 0);
}

static const RefusedDownload refused_downloads[] = {
  { "html-200",           "Csv", "web page" },
  { "output-not-found",   "Csv", "Output not found" },
  { "download-truncated", "Csv", "cut off" },
};

static void
test_download_saved (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *folder = g_dir_make_tmp ("jd-download-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (folder, "out.csv", NULL);
  g_autoptr(GFile) destination = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  jd_broken_server_set_scenario (fixture->server, "download-csv");
  /* An older file of that name is replaced. */
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));

  g_assert_true (download (fixture, destination, "Csv", &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, ==, 300 * 1024);
  g_assert_true (g_str_has_prefix (contents, "name,value\nrow0,0\nrow1,7\n"));
  listing = folder_listing (folder);
  g_assert_cmpstr (listing, ==, "out.csv");

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (folder), ==, 0);
}

/* A download that stalls halfway, its first 70 KB already in the
 * temporary file, ends at the deadline, and the temporary file goes. */
static void
test_download_stalled (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *folder = g_dir_make_tmp ("jd-download-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (folder, "out.csv", NULL);
  g_autoptr(GFile) destination = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;

  jd_broken_server_set_scenario (fixture->server, "download-stall");

  g_assert_false (download (fixture, destination, "Csv", &error));
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_TIMEOUT);
  assert_sentence (error);
  assert_within (fixture, 5);
  listing = folder_listing (folder);
  g_assert_cmpstr (listing, ==, "");

  g_assert_cmpint (g_rmdir (folder), ==, 0);
}

/* A JSON output asked for as JSON is the file, whatever it says. */
static void
test_download_json_asked_for (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *folder = g_dir_make_tmp ("jd-download-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (folder, "out.json", NULL);
  g_autoptr(GFile) destination = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  jd_broken_server_set_scenario (fixture->server, "output-not-found");

  g_assert_true (download (fixture, destination, "Json", &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "{\"message\": \"Output not found\"}");

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (folder), ==, 0);
}

static void
test_https_to_plain_server (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *https = NULL;
  g_autoptr(JdClient) client = NULL;
  g_autoptr(GError) error = NULL;
  JdTestAsync async = { 0 };
  g_autoptr(JdJob) job = NULL;
  gint64 started = g_get_monotonic_time ();

  /* the same port, spoken to in TLS */
  https = g_strconcat ("https://", jd_broken_server_get_base_url (fixture->server) + strlen ("http://"), NULL);
  client = jd_client_new (NULL, https);
  /* loading the system's certificate store takes a while under ASan */
  jd_client_set_timeout (client, 20);
  jd_client_set_access_token (client, "t0ken");

  jd_client_get_job_async (client, JOB_ID, FALSE, NULL, jd_test_async_ready_cb, &async);
  job = jd_client_get_job_finish (client, jd_test_wait_result (&async, WAIT_MS), &error);
  jd_test_async_clear (&async);
  g_test_message ("%s", error != NULL ? error->message : "(no error)");

  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_TLS);
  /* the TLS error, not the 20 s deadline (TIMEOUT, asserted against above),
   * ended it; this bound is there for a hang, so it may stretch */
  g_assert_cmpint (g_get_monotonic_time () - started, <, jd_test_bound_us (20000, 0));
  g_assert_cmpuint (jd_broken_server_get_request_count (fixture->server), ==, 0);
}

/* ------------------------------------------------------------------ */
/* The token endpoint                                                  */

/* DESIGN §1: a missing expires_in means "assume an hour". */
static void
test_token_without_expiry (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJob) job = NULL;
  g_autoptr(JdJob) again = NULL;
  g_autofree char *authorization = NULL;

  jd_broken_server_set_token_scenario (fixture->server, "no-expires-in");
  jd_client_set_api_key (fixture->client, "key", "secret");

  job = get_job (fixture, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (jd_job_summary_get_id (JD_JOB_SUMMARY (job)), ==, JOB_ID);
  again = get_job (fixture, &error);
  g_assert_no_error (error);
  assert_within (fixture, 2);

  /* one token for both calls, sent as it came */
  g_assert_cmpuint (jd_broken_server_get_token_request_count (fixture->server), ==, 1);
  authorization = jd_broken_server_dup_last_authorization (fixture->server);
  g_assert_cmpstr (authorization, ==, "Bearer broken-token");
}

/* OAuth 2's refusal: the Server's own words reach the user. */
static void
test_token_error_object (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  jd_broken_server_set_token_scenario (fixture->server, "error-object");
  jd_client_set_api_key (fixture->client, "key", "secret");

  g_assert_false (sign_in (fixture, &error));
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_UNAUTHORIZED);
  g_assert_nonnull (strstr (error->message, "The client credentials are invalid."));
  assert_sentence (error);
  assert_within (fixture, 2);
  /* the form body, then HTTP Basic; no API call */
  g_assert_cmpuint (jd_broken_server_get_token_request_count (fixture->server), ==, 2);
  g_assert_cmpuint (jd_broken_server_get_request_count (fixture->server), ==, 0);
}

/* A lookup that needs a token fails with the token's refusal. */
static void
test_token_error_object_on_lookup (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJob) job = NULL;

  jd_broken_server_set_token_scenario (fixture->server, "error-object");
  jd_client_set_api_key (fixture->client, "key", "secret");

  job = get_job (fixture, &error);
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_UNAUTHORIZED);
  g_assert_nonnull (strstr (error->message, "The client credentials are invalid."));
  assert_within (fixture, 2);
  g_assert_cmpuint (jd_broken_server_get_request_count (fixture->server), ==, 0);
}

typedef struct
{
  const char   *name;
  const char   *token_scenario;
  JdClientError code;
  guint         bound;
} TokenCase;

static void
test_token_broken (Fixture       *fixture,
                   gconstpointer  data)
{
  const TokenCase *broken = data;
  g_autoptr(GError) error = NULL;

  jd_broken_server_set_token_scenario (fixture->server, broken->token_scenario);
  jd_client_set_api_key (fixture->client, "key", "secret");

  g_assert_false (sign_in (fixture, &error));
  g_assert_error (error, JD_CLIENT_ERROR, broken->code);
  assert_sentence (error);
  assert_within (fixture, broken->bound);
  g_assert_cmpuint (jd_broken_server_get_request_count (fixture->server), ==, 0);
}

static const TokenCase token_cases[] = {
  { "token/no-token",        "no-token",       JD_CLIENT_ERROR_BAD_RESPONSE, 2 },
  { "token/html-login-page", "html-200",       JD_CLIENT_ERROR_BAD_RESPONSE, 2 },
  { "token/malformed",       "malformed",      JD_CLIENT_ERROR_BAD_RESPONSE, 2 },
  { "token/deep-nesting",    "deep-nesting",   JD_CLIENT_ERROR_BAD_RESPONSE, 5 },
  { "token/never-answers",   "never-answers",  JD_CLIENT_ERROR_TIMEOUT,      5 },
  { "token/endless",         "endless",        JD_CLIENT_ERROR_BAD_RESPONSE, 5 },
  { "token/404",             "status-404",     JD_CLIENT_ERROR_NOT_FOUND,    2 },
  { "token/503",             "status-503",     JD_CLIENT_ERROR_SERVER,       2 },
  { "token/redirect-loop",   "redirect-loop",  JD_CLIENT_ERROR_REDIRECT,     2 },
};

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, data, func) \
  g_test_add ("/robustness/" path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  for (guint i = 0; i < G_N_ELEMENTS (broken_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/robustness/", broken_cases[i].name, NULL);

      g_test_add (path, Fixture, &broken_cases[i], fixture_set_up, test_broken, fixture_tear_down);
    }

  ADD ("json/wrong-types-are-not-given", NULL, test_wrong_types);
  ADD ("json/huge-string", NULL, test_huge_string);
  ADD ("json/lone-surrogate-repaired", NULL, test_lone_surrogate);
  g_test_add_func ("/robustness/body/max-response-size", test_max_response_size);
  ADD ("body/endless-stops-at-limit", NULL, test_endless_stops_at_limit);
  ADD ("status/429-retry-after", NULL, test_rate_limited_retry_after);
  ADD ("redirect/other-host-gets-nothing", NULL, test_redirect_other_host);
  ADD ("redirect/token-to-other-host", NULL, test_token_redirect_other_host);
  ADD ("redirect/no-host-explicit-port-refused", NULL, test_redirect_no_host);
  g_test_add_func ("/robustness/redirect/no-host-no-port-refused", test_redirect_no_host_no_port);
  ADD ("redirect/to-file-in-words", NULL, test_redirect_to_file);
  ADD ("connection/reset-in-our-words", NULL, test_reset_in_our_words);
  g_test_add_func ("/robustness/time/silences-end-alike", test_silences_end_alike);
  ADD ("download/html-page-refused", &refused_downloads[0], test_download_refused);
  ADD ("download/json-error-refused", &refused_downloads[1], test_download_refused);
  ADD ("download/truncated-refused", &refused_downloads[2], test_download_refused);
  ADD ("download/saved-whole", NULL, test_download_saved);
  ADD ("download/stalled-leaves-nothing", NULL, test_download_stalled);
  ADD ("download/json-asked-for-is-saved", NULL, test_download_json_asked_for);
  ADD ("connection/https-to-plain-server", NULL, test_https_to_plain_server);
  ADD ("token/no-expires-in-is-an-hour", NULL, test_token_without_expiry);
  ADD ("token/error-object", NULL, test_token_error_object);
  ADD ("token/error-object-on-lookup", NULL, test_token_error_object_on_lookup);

  for (guint i = 0; i < G_N_ELEMENTS (token_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/robustness/", token_cases[i].name, NULL);

      g_test_add (path, Fixture, &token_cases[i], fixture_set_up, test_token_broken, fixture_tear_down);
    }
#undef ADD

  return g_test_run ();
}
