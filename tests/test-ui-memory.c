/* test-ui-memory.c: what a big job held is let go.
 *
 * The real window looks up the sample server's job of 100,000 messages,
 * then a small job, or closes the tab: the big job and its messages are
 * finalized (nothing in the window keeps them, nor the raw answer kept
 * for "Copy as JSON", which the job holds), and the app asks the C
 * library to give the freed memory back (jd-memory.h). How much that
 * gives is bench/jd-bench-memory's business: no figure is asserted here.
 */
#include "config.h"

#include "jd-application-private.h"
#include "jd-lookup-page.h"
#include "jd-memory.h"
#include "jd-ui-test-util.h"
#include "jd-window.h"
#include "jd-window-private.h"

#define WAIT_MS 60000
#define HUGE_COUNT 100000

typedef struct
{
  JdApplication *app;
  JdDemoServer  *server;
  JdClient      *client;
  JdWindow      *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->server = jd_ui_test_demo_server_new ();
  fixture->client = jd_ui_test_demo_client_new (fixture->server, FALSE);
  jd_client_set_timeout (fixture->client, 60);

  fixture->app = jd_ui_test_app_new ();
  jd_application_set_client (fixture->app, fixture->client);
  fixture->window = jd_application_new_window (fixture->app);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (fixture->app)); l != NULL;
       l = gtk_application_get_windows (GTK_APPLICATION (fixture->app)))
    gtk_window_destroy (l->data);
  jd_ui_test_spin (50);
  jd_application_set_client (fixture->app, NULL);
  g_clear_object (&fixture->client);
  jd_demo_server_stop (fixture->server);
  g_clear_object (&fixture->server);
  g_clear_object (&fixture->app);
}

typedef struct
{
  JdLookupPage *page;
  const char   *id;
  guint         n_messages;
} ShownWait;

static gboolean
job_shown (gpointer data)
{
  ShownWait *wait = data;
  JdJob *job = jd_lookup_page_get_job (wait->page);

  return job != NULL && g_strcmp0 (jd_job_summary_get_id (JD_JOB_SUMMARY (job)), wait->id) == 0 &&
         jd_lookup_page_get_state (wait->page) == JD_LOOKUP_STATE_JOB &&
         g_list_model_get_n_items (jd_job_get_messages (job)) >= wait->n_messages;
}

static JdJob *
look_up (Fixture    *fixture,
         const char *id,
         guint       n_messages)
{
  ShownWait wait = { jd_window_get_lookup_page (fixture->window), id, n_messages };

  g_assert_true (jd_lookup_page_look_up_text (wait.page, id));
  g_assert_true (jd_ui_test_wait_for (job_shown, &wait, WAIT_MS));
  return jd_lookup_page_get_job (wait.page);
}

typedef struct
{
  gpointer job;
  gpointer messages;
  guint    trims_before;
} Released;

static void
watch (Released *released,
       JdJob    *job)
{
  released->job = job;
  released->messages = jd_job_get_messages (job);
  g_assert_nonnull (jd_job_get_raw_json (job));
  g_object_add_weak_pointer (released->job, &released->job);
  g_object_add_weak_pointer (released->messages, &released->messages);
  released->trims_before = jd_memory_get_n_trims ();
}

static gboolean
all_released (gpointer data)
{
  Released *released = data;

  return released->job == NULL && released->messages == NULL &&
         jd_memory_get_n_trims () > released->trims_before;
}

static void
test_small_lookup_releases_big_job (Fixture       *fixture,
                                    gconstpointer  data)
{
  Released released = { 0, };

  watch (&released, look_up (fixture, JD_DEMO_JOB_HUGE, HUGE_COUNT));
  look_up (fixture, JD_DEMO_JOB_SUCCESS, 0);

  g_assert_true (jd_ui_test_wait_for (all_released, &released, WAIT_MS));
}

static void
test_closed_tab_releases_big_job (Fixture       *fixture,
                                  gconstpointer  data)
{
  Released released = { 0, };
  AdwTabView *tabs = jd_window_get_tab_view (fixture->window);

  look_up (fixture, JD_DEMO_JOB_SUCCESS, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-tab", NULL));
  g_assert_cmpint (adw_tab_view_get_n_pages (tabs), ==, 2);
  watch (&released, look_up (fixture, JD_DEMO_JOB_HUGE, HUGE_COUNT));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.close-tab", NULL));
  g_assert_true (jd_ui_test_wait_for (all_released, &released, WAIT_MS));
  g_assert_cmpint (adw_tab_view_get_n_pages (tabs), ==, 1);
}

static void
test_small_jobs_do_not_trim (Fixture       *fixture,
                             gconstpointer  data)
{
  guint before;

  look_up (fixture, JD_DEMO_JOB_SUCCESS, 0);
  jd_ui_test_spin (1000);
  before = jd_memory_get_n_trims ();

  /* a trim walks the whole heap: not for a few messages */
  look_up (fixture, JD_DEMO_JOB_WARNING, 0);
  look_up (fixture, JD_DEMO_JOB_SUCCESS, 0);
  jd_ui_test_spin (1000);
  g_assert_cmpuint (jd_memory_get_n_trims (), ==, before);
}

int
main (int   argc,
      char *argv[])
{
  jd_ui_test_init (&argc, &argv);

  g_test_add ("/ui/memory/small-lookup-releases-big-job", Fixture, NULL,
              fixture_set_up, test_small_lookup_releases_big_job, fixture_tear_down);
  g_test_add ("/ui/memory/closed-tab-releases-big-job", Fixture, NULL,
              fixture_set_up, test_closed_tab_releases_big_job, fixture_tear_down);
  g_test_add ("/ui/memory/small-jobs-do-not-trim", Fixture, NULL,
              fixture_set_up, test_small_jobs_do_not_trim, fixture_tear_down);

  return g_test_run ();
}
