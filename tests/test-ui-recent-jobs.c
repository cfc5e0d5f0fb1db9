/* test-ui-recent-jobs.c: the recent jobs across workflows (GET /v3/jobs)
 * driven through the real page against the sample server over HTTP. */
#include "config.h"

#include <string.h>

#include "jd-job-cells.h"
#include "jd-recent-jobs-page.h"
#include "jd-ui-test-util.h"
#include "jd-job-summary.h"

#define WAIT_MS 20000

typedef struct
{
  JdApplication    *app;
  JdDemoServer     *server;
  JdClient         *client;
  GtkWindow        *window;
  JdRecentJobsPage *page;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  gboolean viewer = GPOINTER_TO_INT (data);

  fixture->app = jd_ui_test_app_new ();
  fixture->server = jd_ui_test_demo_server_new ();
  fixture->client = jd_ui_test_demo_client_new (fixture->server, viewer);

  /* The page is made and given its client long before anyone looks. */
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1100, 800);
  fixture->page = JD_RECENT_JOBS_PAGE (jd_recent_jobs_page_new ());
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  jd_recent_jobs_page_set_client (fixture->page, fixture->client);
  g_object_add_weak_pointer (G_OBJECT (fixture->page), (gpointer *) &fixture->page);
}

/* A weak pointer's object gone: a request cancelled with the window may
 * hold it until its callback runs, which a loaded machine may not get to
 * in a fixed 50 ms; one that is never let go still fails the wait. */
static gboolean
released (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_assert_true (jd_ui_test_wait_for (released, &fixture->page, WAIT_MS));

  g_assert_null (fixture->page);
  g_clear_object (&fixture->client);
  jd_demo_server_stop (fixture->server);
  g_clear_object (&fixture->server);
  g_clear_object (&fixture->app);
}

static GtkWidget *
find (Fixture    *fixture,
      const char *id)
{
  GtkWidget *widget = jd_ui_test_find_by_id (GTK_WIDGET (fixture->page), id);

  g_assert_nonnull (widget);
  return widget;
}

static gboolean
page_settled (gpointer data)
{
  JdRecentJobsPage *page = data;
  JdJobListState state = jd_recent_jobs_page_get_state (page);

  return !jd_recent_jobs_page_is_loading (page) &&
         (state == JD_JOB_LIST_STATE_JOBS || state == JD_JOB_LIST_STATE_NO_JOBS ||
          state == JD_JOB_LIST_STATE_ERROR || state == JD_JOB_LIST_STATE_UNAVAILABLE);
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} TextWait;

static gboolean
shows_text (gpointer data)
{
  TextWait *wait = data;

  return jd_ui_test_find_by_text (wait->root, wait->text) != NULL;
}

static void
show (Fixture *fixture)
{
  gtk_window_present (fixture->window);
  g_assert_true (jd_ui_test_wait_for (page_settled, fixture->page, WAIT_MS));
}

static void
wait_settled (Fixture *fixture)
{
  g_assert_true (jd_ui_test_wait_for (page_settled, fixture->page, WAIT_MS));
}

static const char *
range_text (Fixture *fixture)
{
  return gtk_label_get_text (GTK_LABEL (find (fixture, "range_label")));
}

static gboolean
action_sensitive (Fixture    *fixture,
                  const char *button_id)
{
  GtkWidget *button = find (fixture, button_id);

  return gtk_widget_get_visible (button) && gtk_widget_is_sensitive (button);
}

static guint
n_jobs (Fixture *fixture)
{
  return g_list_model_get_n_items (jd_recent_jobs_page_get_jobs (fixture->page));
}

/* ------------------------------------------------------------------ */

/* Nothing is asked before the page is first shown; then it loads. */
static void
test_lazy_first_page (Fixture       *fixture,
                      gconstpointer  data)
{
  guint requests = jd_demo_server_get_request_count (fixture->server);
  g_autofree char *expected = NULL;
  gint64 total;

  jd_ui_test_spin (300);
  g_assert_cmpint (jd_recent_jobs_page_get_state (fixture->page), ==, JD_JOB_LIST_STATE_IDLE);
  g_assert_false (jd_recent_jobs_page_is_loading (fixture->page));
  g_assert_cmpuint (jd_demo_server_get_request_count (fixture->server), ==, requests);
  g_assert_true (jd_recent_jobs_page_get_available (fixture->page));

  show (fixture);
  g_assert_cmpint (jd_recent_jobs_page_get_state (fixture->page), ==, JD_JOB_LIST_STATE_JOBS);
  g_assert_cmpuint (n_jobs (fixture), ==, 50);
  total = jd_recent_jobs_page_get_total_items (fixture->page);
  /* Both sample workflows' jobs. */
  g_assert_cmpint (total, >, 120);
  g_assert_true (jd_recent_jobs_page_get_has_next_page (fixture->page));

  /* and the page of how many, from the Server's pagination */
  expected = g_strdup_printf ("Jobs 1–50 of %" G_GINT64_FORMAT " · page 1 of %" G_GINT64_FORMAT,
                              total, (total + 49) / 50);
  g_assert_cmpstr (range_text (fixture), ==, expected);
  g_assert_true (gtk_widget_get_visible (find (fixture, "pager")));
  g_assert_false (action_sensitive (fixture, "previous_button"));
  g_assert_true (action_sensitive (fixture, "next_button"));
  g_assert_true (gtk_widget_get_visible (find (fixture, "toolbar")));
}

/* The columns of a PagedJobSummaryView, and no result column: the
 * Server's rows carry none. The job's ID is under its workflow's name;
 * the status comes next, so that a narrow window still shows it. */
static void
test_rows (Fixture       *fixture,
           gconstpointer  data)
{
  static const char * const titles[] = {
    "Workflow and Job ID", "Status", "Priority", "Submitted By", "Queued", "Started", "Duration"
  };
  GtkColumnView *list;
  GListModel *columns;
  g_autoptr(JdJobSummary) first = NULL;
  GDateTime *previous = NULL;
  guint shown = 0;

  show (fixture);
  list = GTK_COLUMN_VIEW (find (fixture, "job_list"));
  columns = gtk_column_view_get_columns (list);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (!gtk_column_view_column_get_visible (column))
        continue;
      g_assert_cmpuint (shown, <, G_N_ELEMENTS (titles));
      g_assert_cmpstr (gtk_column_view_column_get_title (column), ==, titles[shown]);
      shown++;
    }
  g_assert_cmpuint (shown, ==, G_N_ELEMENTS (titles));

  /* Newest first, each with its workflow, submitter and queue time. */
  for (guint i = 0; i < n_jobs (fixture); i++)
    {
      g_autoptr(JdJobSummary) job = g_list_model_get_item (jd_recent_jobs_page_get_jobs (fixture->page), i);

      g_assert_nonnull (jd_job_summary_get_workflow_name (job));
      g_assert_nonnull (jd_job_summary_get_submitted_by (job));
      g_assert_nonnull (jd_job_summary_get_queue_time (job));
      if (previous != NULL)
        g_assert_cmpint (g_date_time_compare (previous, jd_job_summary_get_queue_time (job)), >=, 0);
      previous = jd_job_summary_get_queue_time (job);
    }

  /* What the first row shows, once the list has laid its rows out
   * (waited for: a loaded machine may draw no frame in a fixed 100 ms). */
  first = g_list_model_get_item (jd_recent_jobs_page_get_jobs (fixture->page), 0);
  {
    TextWait wait = { GTK_WIDGET (list), jd_job_summary_get_id (first) };

    g_assert_true (jd_ui_test_wait_for (shows_text, &wait, WAIT_MS));
  }
  g_assert_nonnull (jd_ui_test_find_by_text (GTK_WIDGET (list), jd_job_summary_get_id (first)));
  g_assert_nonnull (jd_ui_test_find_by_text (GTK_WIDGET (list), jd_job_summary_get_workflow_name (first)));
  g_assert_nonnull (jd_ui_test_find_by_text (GTK_WIDGET (list), jd_job_summary_get_submitted_by (first)));
}

static void
test_paging (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *second = NULL;
  g_autofree char *last = NULL;
  gint64 total;

  show (fixture);
  total = jd_recent_jobs_page_get_total_items (fixture->page);
  g_assert_cmpint (total, >, 100);
  g_assert_cmpint (total, <=, 150);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (jd_recent_jobs_page_get_job_list (fixture->page)), "job-list.next-page", NULL));
  wait_settled (fixture);
  g_assert_cmpuint (jd_recent_jobs_page_get_offset (fixture->page), ==, 50);
  second = g_strdup_printf ("Jobs 51–100 of %" G_GINT64_FORMAT " · page 2 of 3", total);
  g_assert_cmpstr (range_text (fixture), ==, second);
  g_assert_true (action_sensitive (fixture, "previous_button"));

  /* The last page: no next. */
  g_signal_emit_by_name (find (fixture, "next_button"), "clicked");
  wait_settled (fixture);
  g_assert_cmpuint (jd_recent_jobs_page_get_offset (fixture->page), ==, 100);
  g_assert_cmpuint (n_jobs (fixture), ==, total - 100);
  last = g_strdup_printf ("Jobs 101–%" G_GINT64_FORMAT " of %" G_GINT64_FORMAT " · page 3 of 3", total, total);
  g_assert_cmpstr (range_text (fixture), ==, last);
  g_assert_false (jd_recent_jobs_page_get_has_next_page (fixture->page));
  g_assert_false (action_sensitive (fixture, "next_button"));

  g_signal_emit_by_name (find (fixture, "previous_button"), "clicked");
  wait_settled (fixture);
  g_assert_cmpuint (jd_recent_jobs_page_get_offset (fixture->page), ==, 50);
  g_assert_cmpstr (range_text (fixture), ==, second);

  /* Reload stays on the page shown. */
  jd_recent_jobs_page_reload (fixture->page);
  wait_settled (fixture);
  g_assert_cmpuint (jd_recent_jobs_page_get_offset (fixture->page), ==, 50);
}

static void
test_status_filter (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkDropDown *status;
  guint n;

  show (fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (jd_recent_jobs_page_get_job_list (fixture->page)), "job-list.next-page", NULL));
  wait_settled (fixture);
  g_assert_cmpuint (jd_recent_jobs_page_get_offset (fixture->page), ==, 50);

  /* Running: a new filter starts at the first page. */
  status = GTK_DROP_DOWN (find (fixture, "status_dropdown"));
  gtk_drop_down_set_selected (status, 3);
  wait_settled (fixture);
  g_assert_cmpuint (jd_recent_jobs_page_get_offset (fixture->page), ==, 0);
  n = n_jobs (fixture);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpint (jd_recent_jobs_page_get_total_items (fixture->page), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JdJobSummary) job = g_list_model_get_item (jd_recent_jobs_page_get_jobs (fixture->page), i);

      g_assert_cmpint (jd_job_summary_get_state (job), ==, JD_JOB_STATE_RUNNING);
    }
  /* One page needs no buttons to turn it. */
  g_assert_false (gtk_widget_get_visible (find (fixture, "next_button")));

  /* Completed */
  gtk_drop_down_set_selected (status, 1);
  wait_settled (fixture);
  for (guint i = 0; i < n_jobs (fixture); i++)
    {
      g_autoptr(JdJobSummary) job = g_list_model_get_item (jd_recent_jobs_page_get_jobs (fixture->page), i);

      g_assert_cmpint (jd_job_summary_get_state (job), ==, JD_JOB_STATE_COMPLETED);
    }

  /* Back to all. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (jd_recent_jobs_page_get_job_list (fixture->page)), "job-list.clear-filters", NULL));
  wait_settled (fixture);
  g_assert_cmpuint (gtk_drop_down_get_selected (status), ==, 0);
  g_assert_cmpuint (n_jobs (fixture), ==, 50);
}


/* High only: every row is High, and Clear Filters brings all back. */
static void
test_priority_filter (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkDropDown *priority;
  gint64 all;
  guint n;

  show (fixture);
  all = jd_recent_jobs_page_get_total_items (fixture->page);
  priority = GTK_DROP_DOWN (find (fixture, "priority_dropdown"));
  gtk_drop_down_set_selected (priority, 4); /* High */
  wait_settled (fixture);

  n = n_jobs (fixture);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpint (jd_recent_jobs_page_get_total_items (fixture->page), <, all);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JdJobSummary) job = g_list_model_get_item (jd_recent_jobs_page_get_jobs (fixture->page), i);

      g_assert_cmpint (g_ascii_strcasecmp (jd_job_summary_get_priority (job), "High"), ==, 0);
    }

  /* no Critical job is Queued in the samples: the way back is offered */
  gtk_drop_down_set_selected (priority, 5);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find (fixture, "status_dropdown")), 4);
  wait_settled (fixture);
  g_assert_cmpint (jd_recent_jobs_page_get_state (fixture->page), ==, JD_JOB_LIST_STATE_NO_JOBS);
  g_assert_true (gtk_widget_get_visible (find (fixture, "clear_filters_button")));
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (find (fixture, "no_jobs_page"))), ==,
                   "No recent job matches the filters.");

  g_signal_emit_by_name (find (fixture, "clear_filters_button"), "clicked");
  wait_settled (fixture);
  g_assert_cmpuint (gtk_drop_down_get_selected (priority), ==, 0);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (find (fixture, "status_dropdown"))), ==, 0);
  g_assert_cmpint (jd_recent_jobs_page_get_total_items (fixture->page), ==, all);
}

/* "All Users" off: the Server lists the caller's own jobs only. */
static void
test_all_users (Fixture       *fixture,
                gconstpointer  data)
{
  GtkToggleButton *toggle;
  g_autofree char *mine = NULL;
  gint64 all;
  guint n;

  show (fixture);
  all = jd_recent_jobs_page_get_total_items (fixture->page);
  toggle = GTK_TOGGLE_BUTTON (find (fixture, "all_users_toggle"));
  g_assert_true (gtk_toggle_button_get_active (toggle));

  gtk_toggle_button_set_active (toggle, FALSE);
  wait_settled (fixture);
  n = n_jobs (fixture);
  g_assert_cmpint (jd_recent_jobs_page_get_total_items (fixture->page), <, all);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JdJobSummary) job = g_list_model_get_item (jd_recent_jobs_page_get_jobs (fixture->page), i);

      if (mine == NULL)
        mine = g_strdup (jd_job_summary_get_submitted_by (job));
      g_assert_cmpstr (jd_job_summary_get_submitted_by (job), ==, mine);
    }

  gtk_toggle_button_set_active (toggle, TRUE);
  wait_settled (fixture);
  g_assert_cmpint (jd_recent_jobs_page_get_total_items (fixture->page), ==, all);
}

/* A job that has waited for a worker since June 2024 has not been
 * running for thousands of hours: it says how long it has been queued,
 * in years and months. */
static void
test_long_queued_job (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(JdJobSummary) stuck = NULL;
  g_autofree char *duration = NULL;
  g_autofree char *started = NULL;
  GtkWidget *list;

  show (fixture);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find (fixture, "status_dropdown")), 4); /* Queued */
  wait_settled (fixture);

  for (guint i = 0; i < n_jobs (fixture) && stuck == NULL; i++)
    {
      g_autoptr(JdJobSummary) job = g_list_model_get_item (jd_recent_jobs_page_get_jobs (fixture->page), i);

      if (g_str_equal (jd_job_summary_get_id (job), JD_DEMO_JOB_LONG_QUEUED))
        stuck = g_steal_pointer (&job);
    }
  g_assert_nonnull (stuck);
  g_assert_null (jd_job_summary_get_start_time (stuck));
  g_assert_nonnull (jd_job_summary_get_queue_time (stuck));

  duration = jd_job_cells_duration_text (NULL, jd_job_summary_get_state (stuck),
                                         jd_job_summary_get_queue_time (stuck),
                                         jd_job_summary_get_start_time (stuck),
                                         jd_job_summary_get_execution_time (stuck),
                                         jd_job_summary_get_execution_time_text (stuck));
  g_assert_true (g_str_has_prefix (duration, "Queued for "));
  g_assert_nonnull (strstr (duration, "year"));
  g_assert_null (strstr (duration, " h"));
  g_assert_null (strstr (duration, "Running"));
  started = jd_job_cells_started_text (NULL, jd_job_summary_get_start_time (stuck));
  g_assert_cmpstr (started, ==, "Not started");

  /* and the row shows it, once laid out (waited for, not a fixed 100 ms) */
  list = find (fixture, "job_list");
  {
    TextWait wait = { list, duration };

    g_assert_true (jd_ui_test_wait_for (shows_text, &wait, WAIT_MS));
  }
  g_assert_nonnull (jd_ui_test_find_by_text (list, duration));
  g_assert_nonnull (jd_ui_test_find_by_text (list, "Not started"));
}

/* A running job counts from its start; a finished one shows what the
 * Server measured. */
static void
test_durations (Fixture       *fixture,
                gconstpointer  data)
{
  guint finished = 0;

  show (fixture);
  for (guint i = 0; i < n_jobs (fixture); i++)
    {
      g_autoptr(JdJobSummary) job = g_list_model_get_item (jd_recent_jobs_page_get_jobs (fixture->page), i);
      g_autofree char *text = jd_job_cells_duration_text (NULL, jd_job_summary_get_state (job),
                                                          jd_job_summary_get_queue_time (job),
                                                          jd_job_summary_get_start_time (job),
                                                          jd_job_summary_get_execution_time (job),
                                                          jd_job_summary_get_execution_time_text (job));

      if (jd_job_summary_get_execution_time (job) >= 0)
        {
          g_autofree char *expected = jd_job_cells_format_duration ((gint64) jd_job_summary_get_execution_time (job));

          g_assert_cmpstr (text, ==, expected);
          finished++;
        }
      else if (jd_job_summary_get_state (job) == JD_JOB_STATE_RUNNING && jd_job_summary_get_start_time (job) != NULL)
        g_assert_true (g_str_has_prefix (text, "Running for "));
    }
  g_assert_cmpuint (finished, >, 0);
}

static void
on_job_activated_cb (JdRecentJobsPage  *page,
                     const char        *job_id,
                     char             **activated)
{
  g_free (*activated);
  *activated = g_strdup (job_id);
}

static void
test_activation (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *activated = NULL;
  g_autoptr(JdJobSummary) third = NULL;

  show (fixture);
  g_signal_connect (fixture->page, "job-activated", G_CALLBACK (on_job_activated_cb), &activated);

  /* A click (single-click activation) or Enter on a row. */
  g_signal_emit_by_name (find (fixture, "job_list"), "activate", 2);
  third = g_list_model_get_item (jd_recent_jobs_page_get_jobs (fixture->page), 2);
  g_assert_cmpstr (activated, ==, jd_job_summary_get_id (third));
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* An older Server has no GET /v3/jobs: the page says so once and is no
 * longer "available". */
static void
test_legacy_unavailable (Fixture       *fixture,
                         gconstpointer  data)
{
  guint notified = 0;

  jd_demo_server_set_legacy (fixture->server, TRUE);
  g_signal_connect (fixture->page, "notify::available", G_CALLBACK (on_notify_cb), &notified);

  show (fixture);
  g_assert_false (jd_recent_jobs_page_get_available (fixture->page));
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpint (jd_recent_jobs_page_get_state (fixture->page), ==, JD_JOB_LIST_STATE_UNAVAILABLE);
  g_assert_false (gtk_widget_get_visible (find (fixture, "toolbar")));
  g_assert_false (gtk_widget_get_visible (find (fixture, "pager")));

  /* Another client starts afresh. */
  jd_demo_server_set_legacy (fixture->server, FALSE);
  {
    g_autoptr(JdClient) other = jd_ui_test_demo_client_new (fixture->server, FALSE);

    jd_recent_jobs_page_set_client (fixture->page, other);
    g_assert_true (jd_recent_jobs_page_get_available (fixture->page));
    /* Shown already: it loads at once. */
    wait_settled (fixture);
    g_assert_cmpint (jd_recent_jobs_page_get_state (fixture->page), ==, JD_JOB_LIST_STATE_JOBS);
    jd_recent_jobs_page_set_client (fixture->page, NULL);
  }
  g_assert_cmpint (jd_recent_jobs_page_get_state (fixture->page), ==, JD_JOB_LIST_STATE_SIGNED_OUT);
}

/* A user who is not a Curator may not use the list: 403. */
static void
test_viewer_unavailable (Fixture       *fixture,
                         gconstpointer  data)
{
  show (fixture);
  g_assert_false (jd_recent_jobs_page_get_available (fixture->page));
  g_assert_cmpint (jd_recent_jobs_page_get_state (fixture->page), ==, JD_JOB_LIST_STATE_UNAVAILABLE);
  g_assert_cmpuint (n_jobs (fixture), ==, 0);
}

static gboolean
probe_done (gpointer data)
{
  return *(guint *) data > 0;
}

/* After sign-in the window may ask ahead, without showing the page. */
static void
test_probe (Fixture       *fixture,
            gconstpointer  data)
{
  guint notified = 0;
  g_autofree char *limit = NULL;

  /* Available: one small request, and the page stays unloaded. */
  jd_recent_jobs_page_probe (fixture->page);
  jd_ui_test_spin (500);
  g_assert_true (jd_recent_jobs_page_get_available (fixture->page));
  g_assert_cmpint (jd_recent_jobs_page_get_state (fixture->page), ==, JD_JOB_LIST_STATE_IDLE);
  g_assert_cmpuint (n_jobs (fixture), ==, 0);

  /* Not available: "available" turns FALSE before anyone looks. */
  jd_demo_server_set_legacy (fixture->server, TRUE);
  g_signal_connect (fixture->page, "notify::available", G_CALLBACK (on_notify_cb), &notified);
  jd_recent_jobs_page_probe (fixture->page);
  g_assert_true (jd_ui_test_wait_for (probe_done, &notified, WAIT_MS));
  g_assert_false (jd_recent_jobs_page_get_available (fixture->page));
  g_assert_cmpint (jd_recent_jobs_page_get_state (fixture->page), ==, JD_JOB_LIST_STATE_UNAVAILABLE);
}

static void
test_probe_viewer (Fixture       *fixture,
                   gconstpointer  data)
{
  guint notified = 0;

  g_signal_connect (fixture->page, "notify::available", G_CALLBACK (on_notify_cb), &notified);
  jd_recent_jobs_page_probe (fixture->page);
  g_assert_true (jd_ui_test_wait_for (probe_done, &notified, WAIT_MS));
  g_assert_false (jd_recent_jobs_page_get_available (fixture->page));
}

static void
test_signed_out (void)
{
  GtkWidget *page = jd_recent_jobs_page_new ();

  g_object_ref_sink (page);
  g_assert_cmpint (jd_recent_jobs_page_get_state (JD_RECENT_JOBS_PAGE (page)), ==, JD_JOB_LIST_STATE_SIGNED_OUT);
  g_assert_true (jd_recent_jobs_page_get_available (JD_RECENT_JOBS_PAGE (page)));
  /* Nothing to probe or reload without a client. */
  jd_recent_jobs_page_probe (JD_RECENT_JOBS_PAGE (page));
  jd_recent_jobs_page_reload (JD_RECENT_JOBS_PAGE (page));
  g_assert_cmpint (jd_recent_jobs_page_get_state (JD_RECENT_JOBS_PAGE (page)), ==, JD_JOB_LIST_STATE_SIGNED_OUT);
  g_assert_finalize_object (page);
}

/* ------------------------------------------------------------------ */

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gboolean      *painted)
{
  *painted = TRUE;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

static void
screenshot (Fixture    *fixture,
            const char *dir,
            const char *name)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (fixture->window));
  g_autofree char *path = g_build_filename (dir, name, NULL);
  gboolean painted = FALSE;
  gulong handler;

  jd_ui_test_spin (1000);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &painted);
  gtk_widget_queue_draw (GTK_WIDGET (fixture->window));
  g_assert_true (jd_ui_test_wait_for (flag_set, &painted, 5000));
  g_signal_handler_disconnect (clock, handler);

  jd_ui_test_screenshot (GTK_WIDGET (fixture->window), path);
  g_test_message ("wrote %s", path);
}

static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *dir = g_getenv ("JD_SCREENSHOT_DIR");

  if (dir == NULL)
    {
      g_test_skip ("Set JD_SCREENSHOT_DIR to write screenshots");
      return;
    }

  show (fixture);
  screenshot (fixture, dir, "recent-jobs.png");

  gtk_drop_down_set_selected (GTK_DROP_DOWN (find (fixture, "status_dropdown")), 3);
  wait_settled (fixture);
  screenshot (fixture, dir, "recent-jobs-running.png");

  gtk_drop_down_set_selected (GTK_DROP_DOWN (find (fixture, "status_dropdown")), 0);
  wait_settled (fixture);
  gtk_window_set_default_size (fixture->window, 600, 700);
  screenshot (fixture, dir, "recent-jobs-narrow.png");

  jd_demo_server_set_legacy (fixture->server, TRUE);
  jd_recent_jobs_page_reload (fixture->page);
  wait_settled (fixture);
  gtk_window_set_default_size (fixture->window, 1100, 800);
  screenshot (fixture, dir, "recent-jobs-unavailable.png");
}

int
main (int   argc,
      char *argv[])
{
  jd_ui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/ui/recent-jobs/" path, Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, func, fixture_tear_down)
#define ADD_VIEWER(path, func) \
  g_test_add ("/ui/recent-jobs/" path, Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, func, fixture_tear_down)

  ADD ("lazy-first-page", test_lazy_first_page);
  ADD ("rows", test_rows);
  ADD ("paging", test_paging);
  ADD ("status-filter", test_status_filter);
  ADD ("activation", test_activation);
  ADD ("priority-filter", test_priority_filter);
  ADD ("all-users", test_all_users);
  ADD ("duration/long-queued", test_long_queued_job);
  ADD ("duration/ran-and-running", test_durations);
  ADD ("legacy-unavailable", test_legacy_unavailable);
  ADD_VIEWER ("viewer-unavailable", test_viewer_unavailable);
  ADD ("probe", test_probe);
  ADD_VIEWER ("probe-viewer", test_probe_viewer);
  g_test_add_func ("/ui/recent-jobs/signed-out", test_signed_out);
  ADD ("screenshots", test_screenshots);

#undef ADD
#undef ADD_VIEWER

  return g_test_run ();
}
