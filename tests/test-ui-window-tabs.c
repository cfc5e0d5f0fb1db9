/* test-ui-window-tabs.c: the main window's tabs (opened, closed, restored
 * at start) and the jobs it follows, driven through the real widgets and
 * actions against the sample server. The lookup itself is in
 * test-ui-window.c. */
#include "config.h"

#include <string.h>

#include "jd-followed-jobs-private.h"
#include "jd-history-private.h"
#include "jd-broken-server.h"
#include "jd-job-view.h"
#include "jd-lookup-page.h"
#include "jd-ui-test-util.h"
#include "jd-window.h"
#include "jd-window-private.h"

#define WAIT_MS 20000

/* The desktop's notification server, played by the test on the session bus. */
static JdUiTestNotifications *notifications;

typedef struct
{
  JdApplication *app;
  JdDemoServer  *server;
  JdClient      *client;
  JdWindow      *window;
  JdLookupPage  *page;
  GtkEditable   *entry;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  if (notifications != NULL)
    jd_ui_test_notifications_reset (notifications);

  fixture->app = jd_ui_test_app_new ();
  fixture->server = jd_ui_test_demo_server_new ();
  fixture->client = jd_ui_test_demo_client_new (fixture->server, FALSE);
  jd_application_set_client (fixture->app, fixture->client);

  fixture->window = jd_application_new_window (fixture->app);
  gtk_window_present (GTK_WINDOW (fixture->window));
  fixture->page = jd_window_get_lookup_page (fixture->window);
  fixture->entry = GTK_EDITABLE (jd_ui_test_find_by_id (GTK_WIDGET (fixture->page), "job_entry"));
  g_assert_nonnull (fixture->entry);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (fixture->app)); l != NULL; l = gtk_application_get_windows (GTK_APPLICATION (fixture->app)))
    gtk_window_destroy (l->data);
  jd_ui_test_spin (50);
  jd_application_set_client (fixture->app, NULL);
  g_clear_object (&fixture->client);
  jd_demo_server_stop (fixture->server);
  g_clear_object (&fixture->server);
  g_clear_object (&fixture->app);
}

static void
type_and_look_up (Fixture    *fixture,
                  const char *text)
{
  gtk_editable_set_text (fixture->entry, text);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.look-up", NULL));
}

typedef struct
{
  Fixture    *fixture;
  const char *id;
} JobWait;

static gboolean
job_shown (gpointer data)
{
  JobWait *wait = data;
  JdJob *job = jd_lookup_page_get_job (wait->fixture->page);

  return jd_lookup_page_get_state (wait->fixture->page) == JD_LOOKUP_STATE_JOB &&
         job != NULL && g_strcmp0 (jd_job_summary_get_id (JD_JOB_SUMMARY (job)), wait->id) == 0;
}

/* Waits until the page shows this very job (not the one before it). */
static void
wait_for_job (Fixture    *fixture,
              const char *id)
{
  JobWait wait = { fixture, id };

  g_assert_true (jd_ui_test_wait_for (job_shown, &wait, WAIT_MS));
}

/* ------------------------------------------------------------------ */
/* Tabs                                                                */

static guint
n_tabs (Fixture *fixture)
{
  return adw_tab_view_get_n_pages (jd_window_get_tab_view (fixture->window));
}

static void
test_tabs_new_and_close (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);

  g_assert_cmpuint (n_tabs (fixture), ==, 1);
  g_assert_true (gtk_widget_activate_action (window, "win.new-tab", NULL));
  g_assert_cmpuint (n_tabs (fixture), ==, 2);
  g_assert_true (jd_lookup_page_is_blank (jd_window_get_lookup_page (fixture->window)));
  g_assert_true (jd_lookup_page_get_title (jd_window_get_lookup_page (fixture->window)) != NULL);

  g_assert_true (gtk_widget_activate_action (window, "win.close-tab", NULL));
  g_assert_cmpuint (n_tabs (fixture), ==, 1);

  /* the last tab closed leaves a blank one to type into */
  g_assert_true (gtk_widget_activate_action (window, "win.close-tab", NULL));
  jd_ui_test_spin (50);
  g_assert_cmpuint (n_tabs (fixture), ==, 1);
  g_assert_true (jd_lookup_page_is_blank (jd_window_get_lookup_page (fixture->window)));
}

static void
test_tabs_open_job (Fixture       *fixture,
                    gconstpointer  data)
{
  AdwTabView *view = jd_window_get_tab_view (fixture->window);
  AdwTabPage *tab;

  /* a blank tab is used first */
  jd_window_open_job (fixture->window, JD_DEMO_JOB_SUCCESS);
  fixture->page = jd_window_get_lookup_page (fixture->window);
  wait_for_job (fixture, JD_DEMO_JOB_SUCCESS);
  g_assert_cmpuint (n_tabs (fixture), ==, 1);

  /* another job: its own tab, titled with its ID and a status icon */
  jd_window_open_job (fixture->window, JD_DEMO_JOB_ERROR);
  fixture->page = jd_window_get_lookup_page (fixture->window);
  wait_for_job (fixture, JD_DEMO_JOB_ERROR);
  g_assert_cmpuint (n_tabs (fixture), ==, 2);
  tab = adw_tab_view_get_selected_page (view);
  g_assert_cmpstr (adw_tab_page_get_title (tab), ==, JD_DEMO_JOB_ERROR);
  g_assert_nonnull (adw_tab_page_get_icon (tab));

  /* an open job: back to its tab, no new one */
  jd_window_open_job (fixture->window, JD_DEMO_JOB_SUCCESS);
  g_assert_cmpuint (n_tabs (fixture), ==, 2);
  g_assert_cmpstr (jd_lookup_page_get_job_id (jd_window_get_lookup_page (fixture->window)), ==, JD_DEMO_JOB_SUCCESS);

  /* and the open tabs are remembered */
  {
    g_auto(GStrv) open = g_settings_get_strv (jd_application_get_settings (fixture->app), "open-tabs");

    g_assert_cmpuint (g_strv_length (open), ==, 2);
    g_assert_cmpstr (open[0], ==, JD_DEMO_JOB_SUCCESS);
    g_assert_cmpstr (open[1], ==, JD_DEMO_JOB_ERROR);
  }
}

static JdLookupPage *
nth_page (JdWindow *window,
          guint     position)
{
  AdwTabView *view = jd_window_get_tab_view (window);

  return JD_LOOKUP_PAGE (adw_tab_page_get_child (adw_tab_view_get_nth_page (view, position)));
}

/* Both tabs come back with their IDs; only the selected one is looked up
 * at start, the other when first selected. */
static void
test_tabs_restored (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *ids[] = { JD_DEMO_JOB_WARNING, JD_DEMO_JOB_CANCELLED, NULL };
  AdwTabView *view;
  JdWindow *window;
  Fixture other = *fixture;
  guint requests;

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  fixture->window = NULL;
  jd_ui_test_wait_for_quiet (fixture->server);

  g_settings_set_strv (jd_application_get_settings (fixture->app), "open-tabs", ids);
  window = jd_application_new_window (fixture->app);
  gtk_window_present (GTK_WINDOW (window));
  view = jd_window_get_tab_view (window);
  g_assert_cmpuint (adw_tab_view_get_n_pages (view), ==, 2);
  g_assert_true (adw_tab_view_get_selected_page (view) == adw_tab_view_get_nth_page (view, 0));

  for (guint i = 0; i < 2; i++)
    {
      g_assert_cmpstr (jd_lookup_page_get_job_id (nth_page (window, i)), ==, ids[i]);
      g_assert_cmpstr (adw_tab_page_get_title (adw_tab_view_get_nth_page (view, i)), ==, ids[i]);
    }

  other.window = window;
  other.page = nth_page (window, 0);
  wait_for_job (&other, ids[0]);

  /* the unselected tab has sent nothing, however long we wait */
  jd_ui_test_wait_for_quiet (fixture->server);
  requests = jd_demo_server_get_request_count (fixture->server);
  jd_ui_test_spin (500);
  g_assert_cmpuint (jd_demo_server_get_request_count (fixture->server), ==, requests);
  g_assert_false (jd_lookup_page_get_looked_up (nth_page (window, 1)));
  g_assert_null (jd_lookup_page_get_job (nth_page (window, 1)));

  /* and the open tabs are still both remembered */
  {
    g_auto(GStrv) open = g_settings_get_strv (jd_application_get_settings (fixture->app), "open-tabs");

    g_assert_cmpuint (g_strv_length (open), ==, 2);
  }

  /* selected, it is looked up */
  adw_tab_view_set_selected_page (view, adw_tab_view_get_nth_page (view, 1));
  other.page = nth_page (window, 1);
  wait_for_job (&other, ids[1]);
  g_assert_true (jd_lookup_page_get_looked_up (other.page));
  g_assert_cmpuint (jd_demo_server_get_request_count (fixture->server), >, requests);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
unsettled_is (gpointer data)
{
  gpointer *args = data;
  g_auto(GStrv) ids = g_settings_get_strv (args[0], "unsettled-tabs");

  return g_strv_contains ((const char * const *) ids, args[1]) == GPOINTER_TO_INT (args[2]);
}

/* A job laid out in time leaves no mark: its tab comes back. */
static void
test_tabs_settled_job_restored (Fixture       *fixture,
                                gconstpointer  data)
{
  GSettings *settings = jd_application_get_settings (fixture->app);
  gpointer args[] = { settings, (gpointer) JD_DEMO_JOB_SUCCESS, GINT_TO_POINTER (FALSE) };
  JdWindow *window;

  type_and_look_up (fixture, JD_DEMO_JOB_SUCCESS);
  wait_for_job (fixture, JD_DEMO_JOB_SUCCESS);
  g_assert_true (jd_ui_test_wait_for (unsettled_is, args, WAIT_MS));
  gtk_window_close (GTK_WINDOW (fixture->window));
  fixture->window = NULL;

  window = jd_application_new_window (fixture->app);
  g_assert_cmpuint (adw_tab_view_get_n_pages (jd_window_get_tab_view (window)), ==, 1);
  g_assert_cmpstr (jd_lookup_page_get_job_id (nth_page (window, 0)), ==, JD_DEMO_JOB_SUCCESS);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A job the window could not lay out in time keeps its mark, and the next
 * start does not reopen its tab, and says so. */
static void
test_tabs_slow_job_not_restored (Fixture       *fixture,
                                 gconstpointer  data)
{
  GSettings *settings = jd_application_get_settings (fixture->app);
  gpointer marked[] = { settings, (gpointer) JD_DEMO_JOB_WARNING, GINT_TO_POINTER (TRUE) };
  const char *ids[] = { JD_DEMO_JOB_WARNING, JD_DEMO_JOB_SUCCESS, NULL };
  g_auto(GStrv) unsettled = NULL;
  g_auto(GStrv) open = NULL;
  JdWindow *window;

  /* Every job is "too slow" for a deadline of nothing. */
  jd_window_set_layout_deadline (fixture->window, 0);
  type_and_look_up (fixture, JD_DEMO_JOB_WARNING);
  wait_for_job (fixture, JD_DEMO_JOB_WARNING);
  g_assert_true (jd_ui_test_wait_for (unsettled_is, marked, WAIT_MS));
  jd_ui_test_spin (300);
  g_assert_true (unsettled_is (marked));
  gtk_window_close (GTK_WINDOW (fixture->window));
  fixture->window = NULL;

  /* the next start: the other tab is there, the slow one not */
  g_settings_set_strv (settings, "open-tabs", ids);
  window = jd_application_new_window (fixture->app);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpuint (adw_tab_view_get_n_pages (jd_window_get_tab_view (window)), ==, 1);
  g_assert_cmpstr (jd_lookup_page_get_job_id (nth_page (window, 0)), ==, JD_DEMO_JOB_SUCCESS);
  g_assert_nonnull (jd_ui_test_find_by_text (GTK_WIDGET (window),
                                             "1 tab was not reopened: its job took too long to show last time."));

  /* the marks served once; the tabs saved are the ones open now */
  unsettled = g_settings_get_strv (settings, "unsettled-tabs");
  g_assert_cmpuint (g_strv_length (unsettled), ==, 0);
  open = g_settings_get_strv (settings, "open-tabs");
  g_assert_cmpuint (g_strv_length (open), ==, 1);
  g_assert_cmpstr (open[0], ==, JD_DEMO_JOB_SUCCESS);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* ------------------------------------------------------------------ */
/* Following                                                           */

typedef struct
{
  JdApplication *app;
  guint          count;
} NotificationWait;

static gboolean
notified (gpointer data)
{
  NotificationWait *wait = data;

  return jd_followed_jobs_get_notification_count (jd_application_get_followed_jobs (wait->app)) >= wait->count;
}

static gboolean
desktop_notified_twice (gpointer data)
{
  return jd_ui_test_notifications_get_count (data) >= 2;
}

static void
test_follow_notifies_once_after_window_closed (Fixture       *fixture,
                                               gconstpointer  data)
{
  NotificationWait wait = { fixture->app, 1 };
  JdJobFollower *follower;
  GtkWidget *revealer;

  jd_demo_server_set_progress_step (fixture->server, 700);
  jd_followed_jobs_set_intervals (jd_application_get_followed_jobs (fixture->app), 100, 400);

  type_and_look_up (fixture, JD_DEMO_JOB_PROGRESSING);
  wait_for_job (fixture, JD_DEMO_JOB_PROGRESSING);
  g_assert_cmpint (jd_job_summary_get_state (JD_JOB_SUMMARY (jd_lookup_page_get_job (fixture->page))), ==, JD_JOB_STATE_QUEUED);

  /* followed by itself, and says so */
  follower = jd_lookup_page_get_follower (fixture->page);
  g_assert_nonnull (follower);
  g_assert_true (jd_job_follower_get_following (follower));
  revealer = jd_ui_test_find_by_id (GTK_WIDGET (fixture->page), "follow_revealer");
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));

  /* switch to another tab, then close the window: still told */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-tab", NULL));
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  fixture->window = NULL;

  g_assert_true (jd_ui_test_wait_for (notified, &wait, WAIT_MS));
  /* the desktop's copy comes over the bus: waited for, as a fixed spin
   * may end before a loaded bus delivers it */
  if (notifications != NULL)
    g_assert_true (jd_ui_test_wait_for (desktop_notified_twice, notifications, WAIT_MS));
  jd_ui_test_spin (1500);
  g_assert_cmpuint (jd_followed_jobs_get_notification_count (jd_application_get_followed_jobs (fixture->app)), ==, 1);

  /* and the desktop got exactly one about the end, with the disposition
   * in it (after the one saying Job Desk keeps watching, jd-background.c) */
  if (notifications != NULL)
    {
      g_assert_cmpuint (jd_ui_test_notifications_get_count (notifications), ==, 2);
      g_assert_cmpstr (jd_ui_test_notifications_get_summary (notifications), ==, "Job Finished Successfully");
      g_assert_nonnull (strstr (jd_ui_test_notifications_get_body (notifications), JD_DEMO_JOB_PROGRESSING));
      g_assert_nonnull (strstr (jd_ui_test_notifications_get_body (notifications), "Success"));
    }

  /* the history knows how it ended */
  {
    g_autoptr(JdHistoryItem) item = g_list_model_get_item (G_LIST_MODEL (jd_application_get_history (fixture->app)), 0);

    g_assert_cmpstr (jd_history_item_get_job_id (item), ==, JD_DEMO_JOB_PROGRESSING);
    g_assert_cmpstr (jd_history_item_get_status (item), ==, "Completed · Success");
  }
}

static gboolean
page_job_completed (gpointer data)
{
  Fixture *fixture = data;
  JdJob *job = jd_lookup_page_get_job (fixture->page);

  return job != NULL && jd_job_summary_get_state (JD_JOB_SUMMARY (job)) == JD_JOB_STATE_COMPLETED;
}

static gboolean
follow_bar_gone_and_notified (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *revealer = jd_ui_test_find_by_id (GTK_WIDGET (fixture->page), "follow_revealer");

  return !gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)) &&
         jd_followed_jobs_get_notification_count (jd_application_get_followed_jobs (fixture->app)) >= 1;
}

static void
test_follow_updates_the_page (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkWidget *revealer;

  jd_demo_server_set_progress_step (fixture->server, 500);
  jd_followed_jobs_set_intervals (jd_application_get_followed_jobs (fixture->app), 100, 300);

  type_and_look_up (fixture, JD_DEMO_JOB_PROGRESSING);
  wait_for_job (fixture, JD_DEMO_JOB_PROGRESSING);

  g_assert_true (jd_ui_test_wait_for (page_job_completed, fixture, WAIT_MS));

  g_assert_cmpint (jd_job_summary_get_disposition_kind (JD_JOB_SUMMARY (jd_lookup_page_get_job (fixture->page))), ==, JD_DISPOSITION_SUCCESS);
  g_assert_cmpuint (g_list_model_get_n_items (jd_job_get_outputs (jd_lookup_page_get_job (fixture->page))), >, 0);
  /* the bar goes and the notification comes after the page has the job:
   * waited for, not a fixed 50 ms a loaded machine may not finish in */
  g_assert_true (jd_ui_test_wait_for (follow_bar_gone_and_notified, fixture, WAIT_MS));
  revealer = jd_ui_test_find_by_id (GTK_WIDGET (fixture->page), "follow_revealer");
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  g_assert_cmpuint (jd_followed_jobs_get_notification_count (jd_application_get_followed_jobs (fixture->app)), ==, 1);
}

static void
test_follow_can_stop (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *button;
  JdJobFollower *follower;
  guint checks;

  jd_followed_jobs_set_intervals (jd_application_get_followed_jobs (fixture->app), 50, 100);
  type_and_look_up (fixture, JD_DEMO_JOB_RUNNING);
  wait_for_job (fixture, JD_DEMO_JOB_RUNNING);
  follower = jd_lookup_page_get_follower (fixture->page);
  g_assert_true (jd_job_follower_get_following (follower));

  button = jd_ui_test_find_by_id (GTK_WIDGET (fixture->page), "follow_button");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Stop Following");
  g_signal_emit_by_name (button, "clicked");
  g_assert_false (jd_job_follower_get_following (follower));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Follow");

  checks = jd_job_follower_get_check_count (follower);
  jd_ui_test_spin (400);
  g_assert_cmpuint (jd_job_follower_get_check_count (follower), ==, checks);

  /* and follow again */
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (jd_job_follower_get_following (jd_lookup_page_get_follower (fixture->page)));
}

static void
test_finished_job_not_followed (Fixture       *fixture,
                                gconstpointer  data)
{
  type_and_look_up (fixture, JD_DEMO_JOB_SUCCESS);
  wait_for_job (fixture, JD_DEMO_JOB_SUCCESS);
  g_assert_null (jd_lookup_page_get_follower (fixture->page));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (jd_ui_test_find_by_id (GTK_WIDGET (fixture->page), "follow_revealer"))));
}


int
main (int   argc,
      char *argv[])
{
  jd_ui_test_init (&argc, &argv);
  notifications = jd_ui_test_get_notifications ();

#define ADD(path, func) \
  g_test_add ("/ui/window/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("tabs/new-and-close", test_tabs_new_and_close);
  ADD ("tabs/open-job-once", test_tabs_open_job);
  ADD ("tabs/restored-at-start-lazily", test_tabs_restored);
  ADD ("tabs/settled-job-restored", test_tabs_settled_job_restored);
  ADD ("tabs/slow-job-not-restored", test_tabs_slow_job_not_restored);
  ADD ("follow/notifies-once-after-window-closed", test_follow_notifies_once_after_window_closed);
  ADD ("follow/updates-the-page-until-it-ends", test_follow_updates_the_page);
  ADD ("follow/can-stop-and-restart", test_follow_can_stop);
  ADD ("follow/finished-job-not-followed", test_finished_job_not_followed);
#undef ADD

  return g_test_run ();
}
