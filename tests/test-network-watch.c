/* test-network-watch.c: offline, and back.
 *
 * The test hands the app a GNetworkMonitor of its own that it switches
 * off and on, as NetworkManager would when the Wi-Fi drops and comes
 * back. Meanwhile the sample server is down (a lookup gets "connection
 * refused", JD_CLIENT_ERROR_NETWORK) and comes back up on the same port.
 * The window says it is offline while it is; once the network is back,
 * what failed for lack of it is tried again at once.
 */
#include "config.h"

#include "jd-lookup-page.h"
#include "jd-network-watch.h"
#include "jd-offline-bar.h"
#include "jd-test-util.h"
#include "jd-followed-jobs-private.h"
#include "jd-ui-test-util.h"
#include "jd-window.h"
#include "jd-window-private.h"

#define WAIT_MS 20000

/* ------------------------------------------------------------------ */
/* A network monitor the test switches                                 */

#define TEST_TYPE_MONITOR (test_monitor_get_type ())
G_DECLARE_FINAL_TYPE (TestMonitor, test_monitor, TEST, MONITOR, GObject)

struct _TestMonitor
{
  GObject  parent_instance;
  gboolean available;
};

enum {
  PROP_0,
  PROP_NETWORK_AVAILABLE,
  PROP_NETWORK_METERED,
  PROP_CONNECTIVITY,
};

static void test_monitor_iface_init  (GNetworkMonitorInterface *iface);
static void test_initable_iface_init (GInitableIface           *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TestMonitor, test_monitor, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE, test_initable_iface_init)
                               G_IMPLEMENT_INTERFACE (G_TYPE_NETWORK_MONITOR, test_monitor_iface_init))

static gboolean
test_monitor_can_reach (GNetworkMonitor     *monitor,
                        GSocketConnectable  *connectable,
                        GCancellable        *cancellable,
                        GError             **error)
{
  if (TEST_MONITOR (monitor)->available)
    return TRUE;

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE, "Network unreachable");
  return FALSE;
}

static void
test_monitor_iface_init (GNetworkMonitorInterface *iface)
{
  iface->can_reach = test_monitor_can_reach;
}

static gboolean
test_initable_init (GInitable     *initable,
                    GCancellable  *cancellable,
                    GError       **error)
{
  return TRUE;
}

static void
test_initable_iface_init (GInitableIface *iface)
{
  iface->init = test_initable_init;
}

static void
test_monitor_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TestMonitor *self = TEST_MONITOR (object);

  switch (prop_id)
    {
    case PROP_NETWORK_AVAILABLE:
      g_value_set_boolean (value, self->available);
      break;
    case PROP_NETWORK_METERED:
      g_value_set_boolean (value, FALSE);
      break;
    case PROP_CONNECTIVITY:
      g_value_set_enum (value, self->available ? G_NETWORK_CONNECTIVITY_FULL : G_NETWORK_CONNECTIVITY_LOCAL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
test_monitor_class_init (TestMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = test_monitor_get_property;
  g_object_class_override_property (object_class, PROP_NETWORK_AVAILABLE, "network-available");
  g_object_class_override_property (object_class, PROP_NETWORK_METERED, "network-metered");
  g_object_class_override_property (object_class, PROP_CONNECTIVITY, "connectivity");
}

static void
test_monitor_init (TestMonitor *self)
{
  self->available = TRUE;
}

/* As GIO's own monitors do: the property, then network-changed. */
static void
test_monitor_set_available (TestMonitor *self,
                            gboolean     available)
{
  self->available = available;
  g_object_notify (G_OBJECT (self), "network-available");
  g_signal_emit_by_name (self, "network-changed", available);
}

/* ------------------------------------------------------------------ */
/* Fixture                                                             */

static TestMonitor *monitor;

typedef struct
{
  JdApplication *app;
  JdDemoServer  *server;     /* NULL while down */
  guint          port;
  JdClient      *client;
  JdWindow      *window;
  JdLookupPage  *page;
  JdOfflineBar  *bar;
} Fixture;

static void
server_up (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (fixture->server);
  fixture->server = jd_demo_server_new ();
  jd_demo_server_start_thread (fixture->server, fixture->port, &error);
  g_assert_no_error (error);
}

static void
server_down (Fixture *fixture)
{
  jd_demo_server_stop (fixture->server);
  g_clear_object (&fixture->server);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GUri) uri = NULL;

  test_monitor_set_available (monitor, TRUE);

  /* A free port for the server, which is down at first. */
  fixture->server = jd_ui_test_demo_server_new ();
  uri = g_uri_parse (jd_demo_server_get_base_url (fixture->server), G_URI_FLAGS_NONE, NULL);
  fixture->port = g_uri_get_port (uri);
  fixture->client = jd_ui_test_demo_client_new (fixture->server, FALSE);
  server_down (fixture);

  fixture->app = jd_ui_test_app_new ();
  jd_application_set_client (fixture->app, fixture->client);
  fixture->window = jd_application_new_window (fixture->app);
  gtk_window_present (GTK_WINDOW (fixture->window));
  fixture->page = jd_window_get_lookup_page (fixture->window);
  fixture->bar = JD_OFFLINE_BAR (jd_ui_test_find_by_type (GTK_WIDGET (fixture->window), JD_TYPE_OFFLINE_BAR));
  g_assert_nonnull (fixture->bar);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (fixture->app)); l != NULL;
       l = gtk_application_get_windows (GTK_APPLICATION (fixture->app)))
    gtk_window_destroy (l->data);
  jd_ui_test_spin (50);
  jd_application_set_client (fixture->app, NULL);
  g_clear_object (&fixture->client);
  if (fixture->server != NULL)
    server_down (fixture);
  g_clear_object (&fixture->app);
}

static gboolean
page_failed (gpointer data)
{
  Fixture *fixture = data;

  return jd_lookup_page_get_state (fixture->page) == JD_LOOKUP_STATE_ERROR;
}

static gboolean
page_shows_job (gpointer data)
{
  Fixture *fixture = data;

  return jd_lookup_page_get_state (fixture->page) == JD_LOOKUP_STATE_JOB;
}

/* The bar's text, once it is shown. */
static gboolean
bar_shown (gpointer data)
{
  Fixture *fixture = data;

  return jd_offline_bar_get_shown (fixture->bar) &&
         gtk_widget_get_mapped (GTK_WIDGET (fixture->bar)) &&
         gtk_revealer_get_child_revealed (GTK_REVEALER (gtk_widget_get_first_child (GTK_WIDGET (fixture->bar))));
}

/* ------------------------------------------------------------------ */
/* Cases                                                               */

static void
test_offline_bar_follows_network (Fixture       *fixture,
                                  gconstpointer  data)
{
  GtkWidget *label;

  g_assert_false (jd_offline_bar_get_shown (fixture->bar));

  test_monitor_set_available (monitor, FALSE);
  g_assert_true (jd_ui_test_wait_for (bar_shown, fixture, WAIT_MS));
  label = jd_ui_test_find_by_type (GTK_WIDGET (fixture->bar), GTK_TYPE_LABEL);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==,
                   "Offline. Job Desk looks again when the network is back.");

  test_monitor_set_available (monitor, TRUE);
  g_assert_false (jd_offline_bar_get_shown (fixture->bar));
}

static void
test_lookup_retried_when_back (Fixture       *fixture,
                               gconstpointer  data)
{
  JdJob *job;

  /* The Wi-Fi drops; the server cannot be reached. */
  test_monitor_set_available (monitor, FALSE);
  jd_lookup_page_look_up_text (fixture->page, JD_DEMO_JOB_SUCCESS);
  g_assert_true (jd_ui_test_wait_for (page_failed, fixture, WAIT_MS));
  g_assert_true (jd_ui_test_wait_for (bar_shown, fixture, WAIT_MS));

  /* It comes back: nobody presses Retry. */
  server_up (fixture);
  test_monitor_set_available (monitor, TRUE);
  g_assert_false (jd_offline_bar_get_shown (fixture->bar));
  g_assert_true (jd_ui_test_wait_for (page_shows_job, fixture, WAIT_MS));
  job = jd_lookup_page_get_job (fixture->page);
  g_assert_cmpstr (jd_job_summary_get_id (JD_JOB_SUMMARY (job)), ==, JD_DEMO_JOB_SUCCESS);
}

static void
test_other_failures_not_retried (Fixture       *fixture,
                                 gconstpointer  data)
{
  guint requests;

  /* Not found is not for lack of network: coming back changes nothing. */
  server_up (fixture);
  jd_lookup_page_look_up_text (fixture->page, JD_DEMO_JOB_UNKNOWN);
  g_assert_true (jd_ui_test_wait_for (page_failed, fixture, WAIT_MS));
  jd_ui_test_wait_for_quiet (fixture->server);
  requests = jd_demo_server_get_request_count (fixture->server);

  test_monitor_set_available (monitor, FALSE);
  test_monitor_set_available (monitor, TRUE);
  jd_ui_test_spin (500);
  g_assert_cmpuint (jd_demo_server_get_request_count (fixture->server), ==, requests);
  g_assert_cmpint (jd_lookup_page_get_state (fixture->page), ==, JD_LOOKUP_STATE_ERROR);
}

typedef struct
{
  JdJobFollower *follower;
  guint          checks;
} FollowerWait;

static gboolean
follower_failed_again (gpointer data)
{
  FollowerWait *wait = data;

  return jd_job_follower_get_check_count (wait->follower) >= wait->checks &&
         jd_job_follower_get_last_error (wait->follower) != NULL;
}

static gboolean
follower_checked_fine (gpointer data)
{
  FollowerWait *wait = data;

  return jd_job_follower_get_check_count (wait->follower) > wait->checks &&
         jd_job_follower_get_last_error (wait->follower) == NULL;
}

static void
test_follower_retried_when_back (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(JdJob) job = NULL;
  JdJobFollower *follower;
  FollowerWait wait = { 0 };
  gint64 planned, checked;

  /* A queued job, followed while the server is there. */
  server_up (fixture);
  jd_demo_server_set_progress_step (fixture->server, 600000);
  {
    JdTestAsync async = { 0 };
    g_autoptr(GError) error = NULL;

    jd_client_get_job_async (fixture->client, JD_DEMO_JOB_PROGRESSING, FALSE, NULL, jd_test_async_ready_cb, &async);
    job = jd_client_get_job_finish (fixture->client, jd_test_wait_result (&async, WAIT_MS), &error);
    g_assert_no_error (error);
    jd_test_async_clear (&async);
  }
  jd_followed_jobs_set_intervals (jd_application_get_followed_jobs (fixture->app), 200, 30000);
  follower = jd_followed_jobs_follow (jd_application_get_followed_jobs (fixture->app), job);
  g_assert_nonnull (follower);

  /* The network goes; checks fail and back off: 200 ms, 400, 800, 1.6 s,
   * 3.2 s, and the next one 6.4 s after that. */
  test_monitor_set_available (monitor, FALSE);
  server_down (fixture);
  wait.follower = follower;
  wait.checks = 6;
  g_assert_true (jd_ui_test_wait_for (follower_failed_again, &wait, WAIT_MS));
  planned = jd_job_follower_get_next_check (follower);
  g_assert_cmpint (planned, >, 0);

  /* Back: it looks well before the check it had planned. */
  server_up (fixture);
  jd_demo_server_set_progress_step (fixture->server, 600000);
  wait.checks = jd_job_follower_get_check_count (follower);
  test_monitor_set_available (monitor, TRUE);
  g_assert_true (jd_ui_test_wait_for (follower_checked_fine, &wait, WAIT_MS));
  checked = g_get_monotonic_time ();
  g_test_message ("checked %.2f s before the planned check", (planned - checked) / (double) G_USEC_PER_SEC);
  g_assert_cmpint (checked, <, planned);
  g_assert_true (jd_job_follower_get_following (follower));

  jd_followed_jobs_stop (jd_application_get_followed_jobs (fixture->app), JD_DEMO_JOB_PROGRESSING);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(JdNetworkWatch) watch = NULL;
  int result;

  jd_ui_test_init (&argc, &argv);

  /* Before any window or app: they follow the default watch. */
  monitor = g_object_new (TEST_TYPE_MONITOR, NULL);
  watch = jd_network_watch_new (G_NETWORK_MONITOR (monitor));
  jd_network_watch_set_default (watch);

#define ADD(path, func) \
  g_test_add ("/network/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("offline-bar-follows-network", test_offline_bar_follows_network);
  ADD ("lookup/retried-when-back", test_lookup_retried_when_back);
  ADD ("lookup/other-failures-not-retried", test_other_failures_not_retried);
  ADD ("follower/retried-when-back", test_follower_retried_when_back);
#undef ADD

  result = g_test_run ();
  jd_network_watch_set_default (NULL);
  g_clear_object (&monitor);
  return result;
}
