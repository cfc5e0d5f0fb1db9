/* test-follower.c: JdJobFollower against the sample server's job that moves
 * from Queued to Running to Completed, and against failing servers. */
#include "config.h"

#include <string.h>

#include "jd-broken-server.h"
#include "jd-demo-server.h"
#include "jd-job-follower.h"
#include "jd-job-summary-private.h"
#include "jd-test-util.h"

#define WAIT_MS 20000

typedef struct
{
  JdDemoServer *server;
  JdClient     *client;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->server = jd_demo_server_new ();
  jd_demo_server_set_progress_step (fixture->server, 400);
  jd_demo_server_start_thread (fixture->server, 0, &error);
  g_assert_no_error (error);

  fixture->client = jd_client_new (NULL, jd_demo_server_get_base_url (fixture->server));
  jd_client_set_api_key (fixture->client, JD_DEMO_API_KEY, JD_DEMO_API_SECRET);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  jd_test_spin_for (20);
  g_assert_finalize_object (fixture->client);
  jd_demo_server_stop (fixture->server);
  g_assert_finalize_object (fixture->server);
}

static JdJob *
get_job (JdClient   *client,
         const char *id)
{
  JdTestAsync async = { 0 };
  g_autoptr(GError) error = NULL;
  JdJob *job;

  jd_client_get_job_async (client, id, TRUE, NULL, jd_test_async_ready_cb, &async);
  job = jd_client_get_job_finish (client, jd_test_wait_result (&async, WAIT_MS), &error);
  g_assert_no_error (error);
  jd_test_async_clear (&async);
  return job;
}

static void
on_finished_cb (JdJobFollower *follower,
                JdJob         *job,
                guint         *count)
{
  g_assert_true (jd_job_summary_is_finished (JD_JOB_SUMMARY (job)));
  (*count)++;
}

static void
on_job_cb (JdJobFollower *follower,
           GParamSpec    *pspec,
           GPtrArray     *states)
{
  g_ptr_array_add (states, GINT_TO_POINTER (jd_job_summary_get_state (JD_JOB_SUMMARY (jd_job_follower_get_job (follower)))));
}

static void
test_follows_to_the_end (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(JdJob) job = get_job (fixture->client, JD_DEMO_JOB_PROGRESSING);
  g_autoptr(JdJobFollower) follower = NULL;
  g_autoptr(GPtrArray) states = g_ptr_array_new ();
  gboolean seen_running = FALSE;
  guint finished = 0;
  gint64 deadline;

  g_assert_cmpint (jd_job_summary_get_state (JD_JOB_SUMMARY (job)), ==, JD_JOB_STATE_QUEUED);
  g_assert_true (jd_job_follower_should_follow (job));

  follower = jd_job_follower_new (fixture->client, job);
  jd_job_follower_set_intervals (follower, 50, 200);
  g_signal_connect (follower, "finished", G_CALLBACK (on_finished_cb), &finished);
  g_signal_connect (follower, "notify::job", G_CALLBACK (on_job_cb), states);
  jd_job_follower_start (follower);
  g_assert_true (jd_job_follower_get_following (follower));

  /* a bound on waiting: stretched in slow runs, as jd_test_wait_result's */
  deadline = g_get_monotonic_time () + (gint64) WAIT_MS * jd_test_slowdown () * 1000;
  while (!jd_job_follower_get_finished (follower))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      jd_test_spin_for (50);
    }

  /* Later checks never come: exactly one "finished". */
  jd_test_spin_for (600);
  g_assert_cmpuint (finished, ==, 1);
  g_assert_false (jd_job_follower_get_following (follower));
  g_assert_cmpint (jd_job_summary_get_state (JD_JOB_SUMMARY (jd_job_follower_get_job (follower))), ==, JD_JOB_STATE_COMPLETED);
  g_assert_cmpint (jd_job_summary_get_disposition_kind (JD_JOB_SUMMARY (jd_job_follower_get_job (follower))), ==, JD_DISPOSITION_SUCCESS);

  for (guint i = 0; i < states->len; i++)
    seen_running |= GPOINTER_TO_INT (states->pdata[i]) == JD_JOB_STATE_RUNNING;
  g_assert_true (seen_running);
  g_assert_nonnull (jd_job_follower_get_running_since (follower));
}

/* A job running when first seen, created long ago: its creation time is
 * not when it started (it may have waited in the queue for months), so
 * the follower claims no start unless the Server gives one. */
static void
test_running_since_not_from_creation (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(JdJob) job = jd_job_new ("66ebd18d3d6200007e000d9a");
  g_autoptr(JdJob) started = jd_job_new ("66ebd18d3d6200007e000d9b");
  g_autoptr(GDateTime) created = g_date_time_new_utc (2024, 9, 19, 10, 2, 54);
  g_autoptr(GDateTime) start = g_date_time_new_utc (2026, 12, 1, 8, 0, 0);
  g_autoptr(JdJobFollower) follower = NULL;
  g_autoptr(JdJobFollower) follower_started = NULL;

  jd_job_summary_set_status (JD_JOB_SUMMARY (job), "Running");
  jd_job_summary_set_created (JD_JOB_SUMMARY (job), created);
  follower = jd_job_follower_new (fixture->client, job);
  g_assert_null (jd_job_follower_get_running_since (follower));

  jd_job_summary_set_status (JD_JOB_SUMMARY (started), "Running");
  jd_job_summary_set_created (JD_JOB_SUMMARY (started), created);
  jd_job_summary_set_start_time (JD_JOB_SUMMARY (started), start);
  follower_started = jd_job_follower_new (fixture->client, started);
  g_assert_true (g_date_time_equal (jd_job_follower_get_running_since (follower_started), start));
}

typedef struct
{
  GArray *delays;   /* gint64 ms */
} Delays;

static void
on_next_check_cb (JdJobFollower *follower,
                  GParamSpec    *pspec,
                  Delays        *delays)
{
  gint64 next = jd_job_follower_get_next_check (follower);
  gint64 delay;

  if (next == 0)
    return;

  delay = (next - g_get_monotonic_time () + 500) / 1000;
  g_array_append_val (delays->delays, delay);
}

static void
test_backs_off_while_nothing_changes (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(JdJob) job = get_job (fixture->client, JD_DEMO_JOB_RUNNING);
  g_autoptr(JdJobFollower) follower = jd_job_follower_new (fixture->client, job);
  Delays delays = { g_array_new (FALSE, FALSE, sizeof (gint64)) };
  const gint64 expected[] = { 20, 40, 80, 160, 160, 160 };

  jd_job_follower_set_intervals (follower, 20, 160);
  g_signal_connect (follower, "notify::next-check", G_CALLBACK (on_next_check_cb), &delays);
  jd_job_follower_start (follower);

  while (delays.delays->len < G_N_ELEMENTS (expected))
    jd_test_spin_for (20);
  jd_job_follower_stop (follower);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      gint64 delay = g_array_index (delays.delays, gint64, i);

      /* planned delays, read right after planning: exact to a few
       * milliseconds (a loaded machine or valgrind may run another
       * thread in between), never a quarter off (no back-off, doubled) */
      g_assert_cmpint (delay, >=, expected[i] - MIN (expected[i] / 4, 5 * (gint64) jd_test_slowdown ()));
      g_assert_cmpint (delay, <=, expected[i]);
    }

  g_assert_null (jd_job_follower_get_last_error (follower));
  g_array_unref (delays.delays);
}

static void wait_for_checks (JdJobFollower *follower,
                             guint          checks);

static void
test_stop_stops (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(JdJob) job = get_job (fixture->client, JD_DEMO_JOB_RUNNING);
  g_autoptr(JdJobFollower) follower = jd_job_follower_new (fixture->client, job);
  guint checks;

  jd_job_follower_set_intervals (follower, 20, 20);
  jd_job_follower_start (follower);
  /* at least one check done (waited for: under valgrind one may take
   * longer than a fixed 200 ms), then a few more planned */
  wait_for_checks (follower, 1);
  jd_test_spin_for (200);
  jd_job_follower_stop (follower);
  g_assert_false (jd_job_follower_get_following (follower));
  g_assert_cmpint (jd_job_follower_get_next_check (follower), ==, 0);

  checks = jd_job_follower_get_check_count (follower);
  g_assert_cmpuint (checks, >, 0);
  jd_test_spin_for (200);
  g_assert_cmpuint (jd_job_follower_get_check_count (follower), ==, checks);
}

static void
test_finished_jobs_are_not_followed (Fixture       *fixture,
                                     gconstpointer  data)
{
  const char *finished[] = { JD_DEMO_JOB_SUCCESS, JD_DEMO_JOB_FAILED, JD_DEMO_JOB_CANCELLED, JD_DEMO_JOB_SPARSE };
  const char *active[] = { JD_DEMO_JOB_QUEUED, JD_DEMO_JOB_RUNNING, JD_DEMO_JOB_CREATED, JD_DEMO_JOB_INITIALIZING };

  for (guint i = 0; i < G_N_ELEMENTS (finished); i++)
    {
      g_autoptr(JdJob) job = get_job (fixture->client, finished[i]);

      g_assert_false (jd_job_follower_should_follow (job));
    }

  for (guint i = 0; i < G_N_ELEMENTS (active); i++)
    {
      g_autoptr(JdJob) job = get_job (fixture->client, active[i]);

      g_assert_true (jd_job_follower_should_follow (job));
    }
}

static void
test_errors_back_off (void)
{
  g_autoptr(JdBrokenServer) server = jd_broken_server_new (NULL);
  g_autoptr(JdClient) client = jd_client_new (NULL, jd_broken_server_get_base_url (server));
  g_autoptr(JdJob) job = NULL;
  g_autoptr(JdJobFollower) follower = NULL;
  Delays delays = { g_array_new (FALSE, FALSE, sizeof (gint64)) };
  JdTestAsync async = { 0 };

  jd_client_set_access_token (client, "t0ken");
  jd_broken_server_set_scenario (server, "ok");
  jd_client_get_job_async (client, "66ebd18d3d6200007e000d92", TRUE, NULL, jd_test_async_ready_cb, &async);
  job = jd_client_get_job_finish (client, jd_test_wait_result (&async, WAIT_MS), NULL);
  jd_test_async_clear (&async);
  g_assert_nonnull (job);

  /* The broken server's job is Completed: follow it anyway, by hand. */
  follower = jd_job_follower_new (client, job);
  jd_job_follower_set_intervals (follower, 20, 80);
  g_signal_connect (follower, "notify::next-check", G_CALLBACK (on_next_check_cb), &delays);
  jd_broken_server_set_scenario (server, "status-503");
  jd_job_follower_start (follower);

  while (delays.delays->len < 5)
    jd_test_spin_for (20);

  /* Still following, saying why, and waiting longer each time. */
  g_assert_true (jd_job_follower_get_following (follower));
  g_assert_nonnull (jd_job_follower_get_last_error (follower));
  g_assert_cmpint (g_array_index (delays.delays, gint64, 1), >=, 40 - MIN (10, 5 * (gint64) jd_test_slowdown ()));
  g_assert_cmpint (g_array_index (delays.delays, gint64, 3), >=, 80 - MIN (20, 5 * (gint64) jd_test_slowdown ()));
  g_assert_cmpint (g_array_index (delays.delays, gint64, 4), <=, 80);
  /* at most one request per planned check: no spinning */
  g_assert_cmpuint (jd_broken_server_get_request_count (server), <=, delays.delays->len + 1);

  jd_job_follower_stop (follower);
  jd_broken_server_stop (server);
  g_array_unref (delays.delays);
}

static void
test_lasting_error_stops (void)
{
  g_autoptr(JdBrokenServer) server = jd_broken_server_new (NULL);
  g_autoptr(JdClient) client = jd_client_new (NULL, jd_broken_server_get_base_url (server));
  g_autoptr(JdJob) job = NULL;
  g_autoptr(JdJobFollower) follower = NULL;
  JdTestAsync async = { 0 };
  guint finished = 0;

  jd_client_set_access_token (client, "t0ken");
  jd_client_get_job_async (client, "66ebd18d3d6200007e000d92", TRUE, NULL, jd_test_async_ready_cb, &async);
  job = jd_client_get_job_finish (client, jd_test_wait_result (&async, WAIT_MS), NULL);
  jd_test_async_clear (&async);

  follower = jd_job_follower_new (client, job);
  jd_job_follower_set_intervals (follower, 20, 80);
  g_signal_connect (follower, "finished", G_CALLBACK (on_finished_cb), &finished);
  jd_broken_server_set_scenario (server, "status-404");
  jd_job_follower_start (follower);

  while (jd_job_follower_get_following (follower))
    jd_test_spin_for (20);

  g_assert_nonnull (jd_job_follower_get_last_error (follower));
  g_assert_cmpuint (finished, ==, 0);
  g_assert_cmpuint (jd_broken_server_get_request_count (server), ==, 2);
  jd_broken_server_stop (server);
}

/* ------------------------------------------------------------------ */
/* Light following: what the server sees                               */

#define LIGHT_JOB_ID "66ebd18d3d6200007e000d92"

typedef struct
{
  JdBrokenServer *server;
  JdClient       *client;
  JdJob          *job;       /* as first looked up, with its messages */
} Light;

static void
light_set_up (Light      *light,
              const char *status)
{
  JdTestAsync async = { 0 };
  g_autoptr(GError) error = NULL;

  light->server = jd_broken_server_new (NULL);
  light->client = jd_client_new (NULL, jd_broken_server_get_base_url (light->server));
  jd_client_set_access_token (light->client, "t0ken");
  jd_broken_server_set_scenario (light->server, "job-status");
  jd_broken_server_set_job_status (light->server, status);

  jd_client_get_job_async (light->client, LIGHT_JOB_ID, TRUE, NULL, jd_test_async_ready_cb, &async);
  light->job = jd_client_get_job_finish (light->client, jd_test_wait_result (&async, WAIT_MS), &error);
  g_assert_no_error (error);
  jd_test_async_clear (&async);
  g_assert_true (jd_job_follower_should_follow (light->job));
}

static void
light_tear_down (Light *light)
{
  jd_test_spin_for (20);
  g_clear_object (&light->job);
  g_assert_finalize_object (light->client);
  jd_broken_server_stop (light->server);
  g_assert_finalize_object (light->server);
}

static void
wait_for_checks (JdJobFollower *follower,
                 guint          checks)
{
  /* a bound on waiting: stretched in slow runs, as jd_test_wait_result's */
  gint64 deadline = g_get_monotonic_time () + (gint64) WAIT_MS * jd_test_slowdown () * 1000;

  while (jd_job_follower_get_check_count (follower) < checks && jd_job_follower_get_following (follower))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      jd_test_spin_for (5);
    }
}

/* The requests after the first lookup: "L" for a light one
 * (includeMessages=false), "M" for one with the messages. */
static char *
request_pattern (JdBrokenServer *server)
{
  g_auto(GStrv) queries = jd_broken_server_dup_queries (server);
  GString *pattern = g_string_new (NULL);

  g_assert_cmpuint (g_strv_length (queries), >=, 1);
  g_assert_cmpstr (queries[0], ==, "includeMessages=true");

  for (guint i = 1; queries[i] != NULL; i++)
    {
      if (g_str_equal (queries[i], "includeMessages=false"))
        g_string_append_c (pattern, 'L');
      else if (g_str_equal (queries[i], "includeMessages=true"))
        g_string_append_c (pattern, 'M');
      else
        g_error ("unexpected query %s", queries[i]);
    }

  return g_string_free (pattern, FALSE);
}

/* A running job that does not move costs light requests only, and the
 * job shown keeps its messages. */
static void
test_light_polls_without_messages (void)
{
  Light light = { 0 };
  g_autoptr(JdJobFollower) follower = NULL;
  g_autofree char *pattern = NULL;
  GListModel *messages;

  light_set_up (&light, "Running");
  follower = jd_job_follower_new (light.client, light.job);
  jd_job_follower_set_intervals (follower, 10, 10);
  jd_job_follower_start (follower);
  wait_for_checks (follower, 8);
  jd_job_follower_stop (follower);

  pattern = request_pattern (light.server);
  g_test_message ("requests: %s", pattern);
  g_assert_cmpuint (strlen (pattern), >=, 8);
  g_assert_null (strchr (pattern, 'M'));
  messages = jd_job_get_messages (jd_job_follower_get_job (follower));
  g_assert_cmpuint (g_list_model_get_n_items (messages), ==, 1);

  g_clear_object (&follower);
  light_tear_down (&light);
}

/* The messages come right after a light check saw the state change, and
 * when it saw the end; "finished" has the job with its messages. */
static void
test_light_messages_on_change_and_end (void)
{
  Light light = { 0 };
  g_autoptr(JdJobFollower) follower = NULL;
  g_autofree char *pattern = NULL;
  g_autofree char *before_end = NULL;
  JdJob *ended;
  guint finished = 0;

  light_set_up (&light, "Queued");
  follower = jd_job_follower_new (light.client, light.job);
  jd_job_follower_set_intervals (follower, 10, 10);
  g_signal_connect (follower, "finished", G_CALLBACK (on_finished_cb), &finished);
  jd_job_follower_start (follower);

  wait_for_checks (follower, 3);
  jd_broken_server_set_job_status (light.server, "Running");
  wait_for_checks (follower, 7);
  g_assert_cmpint (jd_job_summary_get_state (JD_JOB_SUMMARY (jd_job_follower_get_job (follower))), ==, JD_JOB_STATE_RUNNING);
  before_end = request_pattern (light.server);
  jd_broken_server_set_job_status (light.server, "Completed");
  while (!jd_job_follower_get_finished (follower))
    wait_for_checks (follower, jd_job_follower_get_check_count (follower) + 1);

  pattern = request_pattern (light.server);
  g_test_message ("requests: %s, then %s", before_end, pattern);
  /* Queued (light only), Running (light, then the messages once), light
   * only again, Completed (light, then the messages): two with messages,
   * each right after a light one, the last one the last request. */
  g_assert_true (g_regex_match_simple ("^L+LML+LM$", pattern, 0, 0));
  g_assert_cmpuint (finished, ==, 1);
  ended = jd_job_follower_get_job (follower);
  g_assert_cmpint (jd_job_summary_get_state (JD_JOB_SUMMARY (ended)), ==, JD_JOB_STATE_COMPLETED);
  g_assert_cmpuint (g_list_model_get_n_items (jd_job_get_messages (ended)), ==, 1);

  g_clear_object (&follower);
  light_tear_down (&light);
}

/* While the messages are wanted, they come every fourth check: never on
 * every tick. */
static void
test_light_messages_wanted_every_fourth (void)
{
  Light light = { 0 };
  g_autoptr(JdJobFollower) follower = NULL;
  g_autofree char *pattern = NULL;
  g_auto(GStrv) runs = NULL;

  light_set_up (&light, "Running");
  follower = jd_job_follower_new (light.client, light.job);
  jd_job_follower_set_intervals (follower, 10, 10);
  g_object_set (follower, "messages-wanted", TRUE, NULL);
  g_assert_true (jd_job_follower_get_messages_wanted (follower));
  jd_job_follower_start (follower);
  wait_for_checks (follower, 13);
  jd_job_follower_stop (follower);

  pattern = request_pattern (light.server);
  g_test_message ("requests: %s", pattern);
  g_assert_true (g_str_has_prefix (pattern, "LLLLMLLLLMLLLLM"));
  /* Every run of light requests between two with messages is four long. */
  runs = g_strsplit (pattern, "M", -1);
  for (guint i = 0; runs[i + 1] != NULL; i++)
    g_assert_cmpstr (runs[i], ==, "LLLL");

  g_clear_object (&follower);
  light_tear_down (&light);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/api/follower/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("queued-running-completed-finishes-once", test_follows_to_the_end);
  ADD ("backs-off-while-nothing-changes", test_backs_off_while_nothing_changes);
  ADD ("stop-stops", test_stop_stops);
  ADD ("only-active-jobs-are-followed", test_finished_jobs_are_not_followed);
#undef ADD
  g_test_add ("/api/follower/running-since-not-from-creation", Fixture, NULL, fixture_set_up,
              test_running_since_not_from_creation, fixture_tear_down);
  g_test_add_func ("/api/follower/errors-back-off-and-say-so", test_errors_back_off);
  g_test_add_func ("/api/follower/lasting-error-stops", test_lasting_error_stops);
  g_test_add_func ("/api/follower/light/polls-without-messages", test_light_polls_without_messages);
  g_test_add_func ("/api/follower/light/messages-on-change-and-end", test_light_messages_on_change_and_end);
  g_test_add_func ("/api/follower/light/messages-wanted-every-fourth-check", test_light_messages_wanted_every_fourth);

  return g_test_run ();
}
