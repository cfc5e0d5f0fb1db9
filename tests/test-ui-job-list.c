/* test-ui-job-list.c: the one job table (JdJobList) that the workflow
 * and recent jobs pages share, driven through both real pages: against
 * a server that answers fixed bodies (rows that cannot be read, the
 * Server's pagination), one that never answers (the spinner), and the
 * cells every list shows. */
#include "config.h"

#include <string.h>

#include "jd-broken-server.h"
#include "jd-job-cells.h"
#include "jd-job-list.h"
#include "jd-recent-jobs-page.h"
#include "jd-test-util.h"
#include "jd-ui-test-util.h"
#include "jd-job-summary.h"
#include "jd-workflow-page.h"

#define WAIT_MS 20000
#define WORKFLOW "5f3a0c9e1b2d4e0012345678"
#define GOOD_JOB "66ebd18d3d6200007e000d8c"

typedef struct
{
  GHashTable *answers;   /* path -> body */
  SoupServer *server;
  JdClient   *client;
  GtkWindow  *window;
  GtkWidget  *page;
} Fixture;

static void
on_request_cb (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  const char *body = g_hash_table_lookup (user_data, path);

  if (body == NULL)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, body, strlen (body));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *base_url = NULL;

  fixture->answers = g_hash_table_new (g_str_hash, g_str_equal);
  fixture->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fixture->server, NULL, on_request_cb, fixture->answers, NULL);
  base_url = g_strdup_printf ("http://127.0.0.1:%u/webapi", jd_test_listen_loopback (fixture->server));

  fixture->client = jd_client_new (NULL, base_url);
  jd_client_set_timeout (fixture->client, 10);
  jd_client_set_access_token (fixture->client, "t0ken");

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1100, 700);
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
  if (fixture->page != NULL)
    g_object_add_weak_pointer (G_OBJECT (fixture->page), (gpointer *) &fixture->page);
  gtk_window_destroy (fixture->window);
  g_assert_true (jd_ui_test_wait_for (released, &fixture->page, WAIT_MS));
  g_assert_null (fixture->page);

  g_clear_object (&fixture->client);
  soup_server_disconnect (fixture->server);
  g_clear_object (&fixture->server);
  g_clear_pointer (&fixture->answers, g_hash_table_unref);
}

static GtkWidget *
find (Fixture    *fixture,
      const char *id)
{
  GtkWidget *widget = jd_ui_test_find_by_id (fixture->page, id);

  g_assert_nonnull (widget);
  return widget;
}

static JdJobList *
job_list (Fixture *fixture)
{
  if (JD_IS_WORKFLOW_PAGE (fixture->page))
    return jd_workflow_page_get_job_list (JD_WORKFLOW_PAGE (fixture->page));
  return jd_recent_jobs_page_get_job_list (JD_RECENT_JOBS_PAGE (fixture->page));
}

static gboolean
settled (gpointer data)
{
  JdJobList *list = data;
  JdJobListState state = jd_job_list_get_state (list);

  return !jd_job_list_is_loading (list) &&
         (state == JD_JOB_LIST_STATE_JOBS || state == JD_JOB_LIST_STATE_NO_JOBS ||
          state == JD_JOB_LIST_STATE_ERROR || state == JD_JOB_LIST_STATE_UNAVAILABLE);
}

/* The recent jobs page, shown: it loads GET /v3/jobs. */
static void
show_recent_jobs (Fixture    *fixture,
                  const char *body)
{
  g_hash_table_insert (fixture->answers, (gpointer) "/webapi/v3/jobs", (gpointer) body);
  fixture->page = jd_recent_jobs_page_new ();
  gtk_window_set_child (fixture->window, fixture->page);
  jd_recent_jobs_page_set_client (JD_RECENT_JOBS_PAGE (fixture->page), fixture->client);
  gtk_window_present (fixture->window);
  g_assert_true (jd_ui_test_wait_for (settled, job_list (fixture), WAIT_MS));
}

/* The workflow page with WORKFLOW's jobs. */
static void
show_workflow_jobs (Fixture    *fixture,
                    const char *body)
{
  g_hash_table_insert (fixture->answers, (gpointer) "/webapi/v3/workflows/" WORKFLOW "/jobs", (gpointer) body);
  fixture->page = jd_workflow_page_new ();
  gtk_window_set_child (fixture->window, fixture->page);
  jd_workflow_page_set_client (JD_WORKFLOW_PAGE (fixture->page), fixture->client);
  gtk_window_present (fixture->window);
  jd_workflow_page_show_workflow (JD_WORKFLOW_PAGE (fixture->page), WORKFLOW, NULL);
  g_assert_true (jd_ui_test_wait_for (settled, job_list (fixture), WAIT_MS));
}

/* ------------------------------------------------------------------ */
/* Rows that cannot be read                                            */

/* One row read, three not: the one is shown, and the three are
 * counted above it instead of vanishing. */
static void
test_unreadable_rows_counted (Fixture       *fixture,
                              gconstpointer  data)
{
  const char *label;

  show_recent_jobs (fixture,
                    "{\"data\": [{\"jobId\": \"" GOOD_JOB "\", \"status\": \"Completed\"},"
                    " {\"job\": 1}, 7, {\"jobId\": \"no spaces please\"}],"
                    " \"pagination\": {\"currentPage\": 1, \"pageSize\": 50, \"totalItems\": 4, \"totalPages\": 1,"
                    " \"hasNextPage\": false, \"hasPreviousPage\": false}}");

  g_assert_cmpint (jd_job_list_get_state (job_list (fixture)), ==, JD_JOB_LIST_STATE_JOBS);
  g_assert_cmpuint (g_list_model_get_n_items (jd_job_list_get_jobs (job_list (fixture))), ==, 1);
  g_assert_cmpuint (jd_job_list_get_n_unreadable (job_list (fixture)), ==, 3);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (find (fixture, "unreadable_revealer"))));
  label = gtk_label_get_text (GTK_LABEL (find (fixture, "unreadable_label")));
  g_assert_true (g_str_has_prefix (label, "3 jobs could not be read"));
}

/* One is one job, not "1 jobs". */
static void
test_unreadable_row_singular (Fixture       *fixture,
                              gconstpointer  data)
{
  show_workflow_jobs (fixture, "[{\"id\": \"" GOOD_JOB "\", \"status\": \"Complete\"}, null]");

  g_assert_cmpint (jd_job_list_get_state (job_list (fixture)), ==, JD_JOB_LIST_STATE_JOBS);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (find (fixture, "unreadable_label"))),
                                   "1 job could not be read:"));
}

/* Rows came, none could be read: the list does not claim there are
 * none. */
static void
test_all_rows_unreadable (Fixture       *fixture,
                          gconstpointer  data)
{
  AdwStatusPage *no_jobs;

  show_workflow_jobs (fixture, "[{\"createDate\": \"2024-09-19T10:02:54Z\"}, null]");
  no_jobs = ADW_STATUS_PAGE (find (fixture, "no_jobs_page"));

  g_assert_cmpint (jd_job_list_get_state (job_list (fixture)), ==, JD_JOB_LIST_STATE_NO_JOBS);
  g_assert_cmpstr (adw_status_page_get_title (no_jobs), ==, "Jobs Could Not Be Read");
  g_assert_true (g_str_has_prefix (adw_status_page_get_description (no_jobs), "2 jobs could not be read:"));
  g_assert_false (gtk_widget_get_visible (find (fixture, "clear_filters_button")));
  g_assert_true (gtk_widget_get_visible (find (fixture, "pager")));
}

/* And an empty answer is "No Jobs", with nothing about unreadable rows. */
static void
test_no_rows (Fixture       *fixture,
              gconstpointer  data)
{
  AdwStatusPage *no_jobs;

  show_workflow_jobs (fixture, "[]");
  no_jobs = ADW_STATUS_PAGE (find (fixture, "no_jobs_page"));

  g_assert_cmpint (jd_job_list_get_state (job_list (fixture)), ==, JD_JOB_LIST_STATE_NO_JOBS);
  g_assert_cmpstr (adw_status_page_get_title (no_jobs), ==, "No Jobs");
  g_assert_cmpstr (adw_status_page_get_description (no_jobs), ==, "This workflow has not run any jobs yet.");
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (find (fixture, "unreadable_revealer"))));
}

/* ------------------------------------------------------------------ */
/* Paging by the Server's word                                         */

/* Two rows on a page of 50, yet the Server says there is a next page:
 * its pagination decides, not the count of rows. */
static void
test_pagination_decides (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *next;

  show_recent_jobs (fixture,
                    "{\"data\": [{\"jobId\": \"" GOOD_JOB "\", \"status\": \"Completed\"},"
                    " {\"jobId\": \"66ebd18d3d6200007e000d8d\", \"status\": \"Queued\"}],"
                    " \"pagination\": {\"currentPage\": 1, \"pageSize\": 50, \"totalItems\": 52, \"totalPages\": 2,"
                    " \"hasNextPage\": true, \"hasPreviousPage\": false}}");

  g_assert_true (jd_job_list_get_has_next_page (job_list (fixture)));
  g_assert_cmpint (jd_job_list_get_total_items (job_list (fixture)), ==, 52);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find (fixture, "range_label"))), ==,
                   "Jobs 1–2 of 52 · page 1 of 2");
  next = find (fixture, "next_button");
  g_assert_true (gtk_widget_get_visible (next));
  g_assert_true (gtk_widget_is_sensitive (next));
  g_assert_false (gtk_widget_is_sensitive (find (fixture, "previous_button")));
}

/* ------------------------------------------------------------------ */
/* The spinner                                                         */

static gboolean
shows_spinner (gpointer data)
{
  return jd_job_list_get_state (data) == JD_JOB_LIST_STATE_LOADING;
}

/* A slow answer: what was there stays for a moment, then the spinner
 * with Cancel; Cancel goes back. */
static void
test_spinner_after_delay (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(JdBrokenServer) silent = jd_broken_server_new (NULL);
  g_autoptr(JdClient) client = NULL;
  JdJobList *list;

  jd_broken_server_set_scenario (silent, "never-answers");
  client = jd_client_new (NULL, jd_broken_server_get_base_url (silent));
  jd_client_set_access_token (client, "t0ken");
  jd_client_set_timeout (client, 300);

  fixture->page = jd_workflow_page_new ();
  gtk_window_set_child (fixture->window, fixture->page);
  jd_workflow_page_set_client (JD_WORKFLOW_PAGE (fixture->page), client);
  gtk_window_present (fixture->window);
  list = job_list (fixture);
  g_assert_cmpint (jd_job_list_get_state (list), ==, JD_JOB_LIST_STATE_IDLE);

  jd_workflow_page_show_workflow (JD_WORKFLOW_PAGE (fixture->page), WORKFLOW, NULL);
  g_assert_true (jd_job_list_is_loading (list));
  g_assert_cmpint (jd_job_list_get_state (list), ==, JD_JOB_LIST_STATE_IDLE);
  g_assert_true (jd_ui_test_wait_for (shows_spinner, list, WAIT_MS));
  g_assert_cmpint (jd_job_list_get_state (list), ==, JD_JOB_LIST_STATE_LOADING);
  g_assert_true (gtk_widget_get_visible (find (fixture, "cancel_button")));

  g_signal_emit_by_name (find (fixture, "cancel_button"), "clicked");
  g_assert_false (jd_job_list_is_loading (list));
  g_assert_cmpint (jd_job_list_get_state (list), ==, JD_JOB_LIST_STATE_IDLE);

  jd_workflow_page_set_client (JD_WORKFLOW_PAGE (fixture->page), NULL);
  g_assert_cmpint (jd_job_list_get_state (list), ==, JD_JOB_LIST_STATE_SIGNED_OUT);
  jd_broken_server_stop (silent);
}

/* ------------------------------------------------------------------ */
/* The cells                                                           */

static void
assert_duration (gint64      seconds,
                 const char *expected)
{
  g_autofree char *text = jd_job_cells_format_duration (seconds);

  g_assert_cmpstr (text, ==, expected);
}

/* Long spans in days, months and years; never "19303 h". */
static void
test_duration_units (void)
{
  assert_duration (0, "0 s");
  assert_duration (45, "45 s");
  assert_duration (185, "3 min 5 s");
  assert_duration (12 * 60 + 7, "12 min");
  assert_duration (3 * 3600, "3 h");
  assert_duration (3 * 3600 + 5 * 60 + 9, "3 h 5 min");
  assert_duration (86400, "1 day");
  assert_duration (2 * 86400 + 5 * 3600, "2 days 5 h");
  assert_duration (12 * 86400 + 5 * 3600, "12 days");
  assert_duration (100 * 86400, "3 months");
  assert_duration (19303 * G_GINT64_CONSTANT (3600), "2 years 2 months");
  assert_duration (365 * 86400, "1 year");
}

static char *
status_class (JdJobState    state,
              JdDisposition disposition)
{
  g_auto(GStrv) classes = jd_job_cells_status_css_classes (NULL, state, disposition);

  g_assert_cmpuint (g_strv_length (classes), ==, 1);
  return g_strdup (classes[0]);
}

/* One style for a status in every list: a colour only for a known
 * result, a check mark only for success. */
static void
test_status_styles (void)
{
  static const struct {
    JdJobState     state;
    JdDisposition  disposition;
    const char    *css;
    const char    *icon;
  } cases[] = {
    { JD_JOB_STATE_COMPLETED, JD_DISPOSITION_UNKNOWN, "dim-label", "media-playback-stop-symbolic" },
    { JD_JOB_STATE_COMPLETED, JD_DISPOSITION_NONE, "dim-label", "media-playback-stop-symbolic" },
    { JD_JOB_STATE_COMPLETED, JD_DISPOSITION_SUCCESS, "success", "emblem-ok-symbolic" },
    { JD_JOB_STATE_COMPLETED, JD_DISPOSITION_WARNING, "warning", "dialog-warning-symbolic" },
    { JD_JOB_STATE_COMPLETED, JD_DISPOSITION_ERROR, "error", "dialog-error-symbolic" },
    { JD_JOB_STATE_ERROR, JD_DISPOSITION_UNKNOWN, "error", "dialog-error-symbolic" },
    { JD_JOB_STATE_RUNNING, JD_DISPOSITION_UNKNOWN, "accent", "media-playback-start-symbolic" },
    { JD_JOB_STATE_QUEUED, JD_DISPOSITION_UNKNOWN, "dim-label", "preferences-system-time-symbolic" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *css = status_class (cases[i].state, cases[i].disposition);
      g_autofree char *icon = jd_job_cells_status_icon_name (NULL, cases[i].state, cases[i].disposition);

      g_assert_cmpstr (css, ==, cases[i].css);
      g_assert_cmpstr (icon, ==, cases[i].icon);
    }
}

/* No result given is said so; a result from the Server is shown as it
 * came when it is not one we know. */
static void
test_result_text (void)
{
  g_autofree char *unknown = jd_job_cells_result_text (NULL, NULL, JD_DISPOSITION_UNKNOWN);
  g_autofree char *odd = jd_job_cells_result_text (NULL, "PartialSuccess", JD_DISPOSITION_UNKNOWN);
  g_autofree char *success = jd_job_cells_result_text (NULL, "success", JD_DISPOSITION_SUCCESS);
  g_autofree char *tooltip = jd_job_cells_result_tooltip (NULL, NULL);
  g_auto(GStrv) dim = jd_job_cells_result_css_classes (NULL, NULL, JD_DISPOSITION_UNKNOWN);

  g_assert_cmpstr (unknown, ==, "Result not known");
  g_assert_cmpstr (odd, ==, "PartialSuccess");
  g_assert_cmpstr (success, ==, "Success");
  g_assert_nonnull (tooltip);
  g_assert_cmpstr (dim[0], ==, "dim-label");
}

int
main (int   argc,
      char *argv[])
{
  jd_ui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/ui/job-list/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("unreadable/rows-are-counted", test_unreadable_rows_counted);
  ADD ("unreadable/one-row-singular", test_unreadable_row_singular);
  ADD ("unreadable/all-rows-not-none", test_all_rows_unreadable);
  ADD ("unreadable/no-rows-no-note", test_no_rows);
  ADD ("paging/pagination-decides", test_pagination_decides);
  ADD ("spinner/after-delay-then-cancel", test_spinner_after_delay);
  g_test_add_func ("/ui/job-list/cells/duration-units", test_duration_units);
  g_test_add_func ("/ui/job-list/cells/status-styles", test_status_styles);
  g_test_add_func ("/ui/job-list/cells/result-text", test_result_text);

#undef ADD

  return g_test_run ();
}
