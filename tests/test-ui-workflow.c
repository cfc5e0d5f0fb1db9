/* test-ui-workflow.c: the workflow-jobs page in the real window, driven
 * through its entry, actions and widgets against the sample server. */
#include "config.h"

#include <string.h>

#include "jd-job-cells.h"
#include "jd-lookup-page.h"
#include "jd-ui-test-util.h"
#include "jd-window.h"
#include "jd-window-private.h"
#include "jd-job-summary.h"
#include "jd-workflow-page.h"

#define WAIT_MS 20000
#define PAGE_SIZE 50
/* A valid ID that names no workflow of the sample server. */
#define UNKNOWN_WORKFLOW "5f3a0c9e1b2d4e00ffffffff"

typedef struct
{
  JdApplication  *app;
  JdDemoServer   *server;
  JdClient       *client;
  JdWindow       *window;
  JdWorkflowPage *page;
  GtkEditable    *entry;
} Fixture;

static void
set_up (Fixture  *fixture,
        gboolean  viewer)
{
  fixture->app = jd_ui_test_app_new ();
  fixture->server = jd_ui_test_demo_server_new ();
  fixture->client = jd_ui_test_demo_client_new (fixture->server, viewer);
  jd_application_set_client (fixture->app, fixture->client);

  fixture->window = jd_application_new_window (fixture->app);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-workflow-jobs", NULL));

  fixture->page = jd_window_get_workflow_page (fixture->window);
  fixture->entry = GTK_EDITABLE (jd_ui_test_find_by_id (GTK_WIDGET (fixture->page), "workflow_entry"));
  g_assert_nonnull (fixture->entry);
  g_assert_cmpint (jd_workflow_page_get_state (fixture->page), ==, JD_JOB_LIST_STATE_IDLE);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  set_up (fixture, FALSE);
}

static void
fixture_set_up_viewer (Fixture       *fixture,
                       gconstpointer  data)
{
  set_up (fixture, TRUE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  jd_ui_test_spin (50);
  jd_application_set_client (fixture->app, NULL);
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

/* With JD_TEST_SCREENSHOT_DIR set, writes PNGs of the page's states there,
 * to look at. */
static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  const char *dir = g_getenv ("JD_TEST_SCREENSHOT_DIR");
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;

  jd_ui_test_spin (400);
  path = g_build_filename (dir, name, NULL);
  jd_ui_test_screenshot (widget, path);
  g_test_message ("screenshot: %s", path);
}

static gboolean
settled (gpointer data)
{
  Fixture *fixture = data;
  JdJobListState state = jd_workflow_page_get_state (fixture->page);

  return !jd_workflow_page_is_loading (fixture->page) &&
         (state == JD_JOB_LIST_STATE_JOBS || state == JD_JOB_LIST_STATE_NO_JOBS || state == JD_JOB_LIST_STATE_ERROR);
}

static void
wait_settled (Fixture *fixture)
{
  g_assert_true (jd_ui_test_wait_for (settled, fixture, WAIT_MS));
}

/* Types the text into the entry and presses "Show Jobs". */
static void
show_workflow (Fixture    *fixture,
               const char *text)
{
  gtk_editable_set_text (fixture->entry, text);
  g_signal_emit_by_name (find (fixture, "show_button"), "clicked");
}

static JdJobSummary *
job_at (Fixture *fixture,
        guint    position)
{
  GListModel *jobs = jd_workflow_page_get_jobs (fixture->page);
  JdJobSummary *job = g_list_model_get_item (jobs, position);

  g_assert_nonnull (job);
  g_object_unref (job); /* the model keeps it */
  return job;
}

static guint
n_jobs (Fixture *fixture)
{
  return g_list_model_get_n_items (jd_workflow_page_get_jobs (fixture->page));
}

static GStrv
shown_ids (Fixture *fixture)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < n_jobs (fixture); i++)
    g_strv_builder_add (builder, jd_job_summary_get_id (job_at (fixture, i)));

  return g_strv_builder_end (builder);
}

static gboolean
is_sensitive (Fixture    *fixture,
              const char *id)
{
  return gtk_widget_is_sensitive (find (fixture, id));
}

static void
test_first_page (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkColumnView *list;

  show_workflow (fixture, JD_DEMO_WORKFLOW_SALES);
  wait_settled (fixture);

  g_assert_cmpint (jd_workflow_page_get_state (fixture->page), ==, JD_JOB_LIST_STATE_JOBS);
  g_assert_cmpstr (jd_workflow_page_get_workflow_id (fixture->page), ==, JD_DEMO_WORKFLOW_SALES);
  g_assert_cmpuint (n_jobs (fixture), ==, PAGE_SIZE);
  g_assert_cmpuint (jd_workflow_page_get_offset (fixture->page), ==, 0);
  g_assert_true (jd_workflow_page_get_has_next_page (fixture->page));

  /* the list shows the page's model */
  list = GTK_COLUMN_VIEW (find (fixture, "job_list"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (list))), ==, PAGE_SIZE);

  g_assert_true (is_sensitive (fixture, "next_button"));
  g_assert_false (is_sensitive (fixture, "previous_button"));
  g_assert_true (gtk_widget_get_visible (find (fixture, "pager")));
  g_assert_true (gtk_widget_get_visible (find (fixture, "toolbar")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find (fixture, "range_label"))), ==, "Jobs 1–50");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find (fixture, "id_label"))), ==, JD_DEMO_WORKFLOW_SALES);
  /* the heading asks the Server for the workflow's name */
  g_assert_true (jd_ui_test_wait_for_string (fixture->page, "workflow-name", "Weekly Sales Rollup", WAIT_MS));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find (fixture, "title_label"))), ==, "Weekly Sales Rollup");

  /* what was asked for: one job more than a page, newest first */
  g_assert_cmpuint (jd_demo_server_get_request_count (fixture->server), >, 0);
}

static void
test_link_text (Fixture       *fixture,
                gconstpointer  data)
{
  show_workflow (fixture, "See https://ayx.example.com/gallery/app/Weekly/" JD_DEMO_WORKFLOW_INVENTORY " please");
  wait_settled (fixture);

  g_assert_cmpint (jd_workflow_page_get_state (fixture->page), ==, JD_JOB_LIST_STATE_JOBS);
  g_assert_cmpstr (jd_workflow_page_get_workflow_id (fixture->page), ==, JD_DEMO_WORKFLOW_INVENTORY);
  /* the entry shows what was understood: the ID alone */
  g_assert_cmpstr (gtk_editable_get_text (fixture->entry), ==, JD_DEMO_WORKFLOW_INVENTORY);
}

static void
test_paging (Fixture       *fixture,
             gconstpointer  data)
{
  g_auto(GStrv) first = NULL;
  g_auto(GStrv) second = NULL;
  g_auto(GStrv) again = NULL;
  g_autofree char *range = NULL;
  guint rest;

  show_workflow (fixture, JD_DEMO_WORKFLOW_SALES);
  wait_settled (fixture);
  first = shown_ids (fixture);
  g_assert_cmpuint (g_strv_length (first), ==, PAGE_SIZE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (jd_workflow_page_get_job_list (fixture->page)), "job-list.next-page", NULL));
  /* no double steps while the page is on its way */
  g_assert_false (is_sensitive (fixture, "next_button"));
  wait_settled (fixture);

  rest = n_jobs (fixture);
  g_assert_cmpuint (rest, >=, 1);
  g_assert_cmpuint (rest, <=, PAGE_SIZE);
  g_assert_cmpuint (jd_workflow_page_get_offset (fixture->page), ==, PAGE_SIZE);
  g_assert_false (is_sensitive (fixture, "next_button"));
  g_assert_true (is_sensitive (fixture, "previous_button"));
  range = g_strdup_printf ("Jobs 51–%u", PAGE_SIZE + rest);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find (fixture, "range_label"))), ==, range);

  second = shown_ids (fixture);
  for (guint i = 0; second[i] != NULL; i++)
    g_assert_false (g_strv_contains ((const char * const *) first, second[i]));

  g_signal_emit_by_name (find (fixture, "previous_button"), "clicked");
  wait_settled (fixture);

  g_assert_cmpuint (jd_workflow_page_get_offset (fixture->page), ==, 0);
  again = shown_ids (fixture);
  g_assert_true (g_strv_equal ((const char * const *) first, (const char * const *) again));
  g_assert_false (is_sensitive (fixture, "previous_button"));
  g_assert_true (is_sensitive (fixture, "next_button"));
}

static void
test_status_filter (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkDropDown *status = GTK_DROP_DOWN (find (fixture, "status_dropdown"));
  guint all;

  show_workflow (fixture, JD_DEMO_WORKFLOW_SALES);
  wait_settled (fixture);

  /* go to page 2 first: a filter starts again at page 1 */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (jd_workflow_page_get_job_list (fixture->page)), "job-list.next-page", NULL));
  wait_settled (fixture);
  g_assert_cmpuint (jd_workflow_page_get_offset (fixture->page), ==, PAGE_SIZE);
  all = PAGE_SIZE + n_jobs (fixture);

  gtk_drop_down_set_selected (status, 2); /* Error */
  g_assert_true (jd_workflow_page_is_loading (fixture->page));
  wait_settled (fixture);

  g_assert_cmpint (jd_workflow_page_get_state (fixture->page), ==, JD_JOB_LIST_STATE_JOBS);
  g_assert_cmpuint (jd_workflow_page_get_offset (fixture->page), ==, 0);
  g_assert_cmpuint (n_jobs (fixture), >, 0);
  g_assert_cmpuint (n_jobs (fixture), <, all);
  for (guint i = 0; i < n_jobs (fixture); i++)
    g_assert_cmpint (jd_job_summary_get_state (job_at (fixture, i)), ==, JD_JOB_STATE_ERROR);
  g_assert_false (is_sensitive (fixture, "previous_button"));
}

static void
test_filter_without_matches (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkDropDown *status = GTK_DROP_DOWN (find (fixture, "status_dropdown"));
  GtkDropDown *result = GTK_DROP_DOWN (find (fixture, "result_dropdown"));
  AdwStatusPage *no_jobs = ADW_STATUS_PAGE (find (fixture, "no_jobs_page"));

  show_workflow (fixture, JD_DEMO_WORKFLOW_SALES);
  wait_settled (fixture);

  /* a job with status Error never ended with Success */
  gtk_drop_down_set_selected (status, 2);
  gtk_drop_down_set_selected (result, 1);
  wait_settled (fixture);

  g_assert_cmpint (jd_workflow_page_get_state (fixture->page), ==, JD_JOB_LIST_STATE_NO_JOBS);
  g_assert_cmpstr (adw_status_page_get_title (no_jobs), ==, "No Jobs");
  g_assert_cmpstr (adw_status_page_get_description (no_jobs), ==, "This workflow has no jobs that match the filters.");
  /* the filters stay in reach */
  g_assert_true (gtk_widget_get_visible (find (fixture, "toolbar")));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (jd_workflow_page_get_job_list (fixture->page)), "job-list.clear-filters", NULL));
  wait_settled (fixture);
  g_assert_cmpuint (gtk_drop_down_get_selected (status), ==, 0);
  g_assert_cmpuint (gtk_drop_down_get_selected (result), ==, 0);
  g_assert_cmpint (jd_workflow_page_get_state (fixture->page), ==, JD_JOB_LIST_STATE_JOBS);
  g_assert_cmpuint (n_jobs (fixture), ==, PAGE_SIZE);
}

static void
test_oldest_first (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkDropDown *sort = GTK_DROP_DOWN (find (fixture, "sort_dropdown"));
  g_autoptr(GDateTime) newest = NULL;

  show_workflow (fixture, JD_DEMO_WORKFLOW_SALES);
  wait_settled (fixture);

  for (guint i = 1; i < n_jobs (fixture); i++)
    g_assert_cmpint (g_date_time_compare (jd_job_summary_get_created (job_at (fixture, i - 1)),
                                          jd_job_summary_get_created (job_at (fixture, i))), >=, 0);
  newest = g_date_time_ref (jd_job_summary_get_created (job_at (fixture, 0)));

  gtk_drop_down_set_selected (sort, 1); /* Oldest First */
  wait_settled (fixture);

  g_assert_cmpuint (n_jobs (fixture), ==, PAGE_SIZE);
  for (guint i = 1; i < n_jobs (fixture); i++)
    g_assert_cmpint (g_date_time_compare (jd_job_summary_get_created (job_at (fixture, i - 1)),
                                          jd_job_summary_get_created (job_at (fixture, i))), <=, 0);
  g_assert_cmpint (g_date_time_compare (jd_job_summary_get_created (job_at (fixture, 0)), newest), <, 0);
}

static void
on_job_activated_cb (JdWorkflowPage *page,
                     const char     *job_id,
                     char          **out)
{
  g_free (*out);
  *out = g_strdup (job_id);
}

typedef struct
{
  JdLookupPage *page;
  const char   *id;
} JobWait;

static gboolean
job_shown (gpointer data)
{
  JobWait *wait = data;
  JdJob *job = jd_lookup_page_get_job (wait->page);

  return jd_lookup_page_get_state (wait->page) == JD_LOOKUP_STATE_JOB &&
         job != NULL && g_strcmp0 (jd_job_summary_get_id (JD_JOB_SUMMARY (job)), wait->id) == 0;
}

static void
test_activate_row (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkColumnView *list = GTK_COLUMN_VIEW (find (fixture, "job_list"));
  AdwViewStack *stack = jd_window_get_view_stack (fixture->window);
  g_autofree char *activated = NULL;
  g_autofree char *expected = NULL;
  JobWait wait;

  show_workflow (fixture, JD_DEMO_WORKFLOW_SALES);
  wait_settled (fixture);
  expected = g_strdup (jd_job_summary_get_id (job_at (fixture, 3)));

  g_assert_true (gtk_column_view_get_single_click_activate (list));
  g_signal_connect (fixture->page, "job-activated", G_CALLBACK (on_job_activated_cb), &activated);
  g_signal_emit_by_name (list, "activate", 3);

  g_assert_cmpstr (activated, ==, expected);

  /* the window opens it on the job page */
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "job");
  wait.page = jd_window_get_lookup_page (fixture->window);
  wait.id = expected;
  g_assert_true (jd_ui_test_wait_for (job_shown, &wait, WAIT_MS));

  g_signal_handlers_disconnect_by_func (fixture->page, on_job_activated_cb, &activated);
}

static void
test_invalid_text_sends_nothing (Fixture       *fixture,
                                 gconstpointer  data)
{
  GtkRevealer *revealer = GTK_REVEALER (find (fixture, "entry_error_revealer"));
  GtkLabel *label = GTK_LABEL (find (fixture, "entry_error_label"));
  guint before;

  jd_ui_test_wait_for_quiet (fixture->server);
  before = jd_demo_server_get_request_count (fixture->server);

  show_workflow (fixture, "the sales rollup from last week");
  jd_ui_test_spin (300);

  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_cmpstr (gtk_label_get_text (label), !=, "");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (fixture->entry), "error"));
  g_assert_cmpint (jd_workflow_page_get_state (fixture->page), ==, JD_JOB_LIST_STATE_IDLE);
  g_assert_false (jd_workflow_page_is_loading (fixture->page));
  g_assert_cmpuint (jd_demo_server_get_request_count (fixture->server), ==, before);

  /* the public call refuses the same way, and keeps the text */
  jd_workflow_page_show_workflow (fixture->page, "12345", NULL);
  jd_ui_test_spin (100);
  g_assert_cmpstr (gtk_editable_get_text (fixture->entry), ==, "12345");
  g_assert_cmpuint (jd_demo_server_get_request_count (fixture->server), ==, before);

  /* typing clears the error */
  gtk_editable_set_text (fixture->entry, JD_DEMO_WORKFLOW_SALES);
  g_assert_false (gtk_revealer_get_reveal_child (revealer));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (fixture->entry), "error"));
}

static void
test_unknown_workflow (Fixture       *fixture,
                       gconstpointer  data)
{
  AdwStatusPage *error_page = ADW_STATUS_PAGE (find (fixture, "error_page"));

  show_workflow (fixture, UNKNOWN_WORKFLOW);
  wait_settled (fixture);

  g_assert_cmpint (jd_workflow_page_get_state (fixture->page), ==, JD_JOB_LIST_STATE_ERROR);
  g_assert_cmpstr (adw_status_page_get_title (error_page), ==, "Workflow Not Found");
  g_assert_nonnull (adw_status_page_get_description (error_page));
  g_assert_cmpstr (adw_status_page_get_description (error_page), !=, "");
  g_assert_true (gtk_widget_get_visible (find (fixture, "retry_button")));
  g_assert_false (gtk_widget_get_visible (find (fixture, "toolbar")));
  g_assert_false (gtk_widget_get_visible (find (fixture, "pager")));

  /* a known workflow afterwards shows normally */
  show_workflow (fixture, JD_DEMO_WORKFLOW_SALES);
  wait_settled (fixture);
  g_assert_cmpint (jd_workflow_page_get_state (fixture->page), ==, JD_JOB_LIST_STATE_JOBS);
}

static void
test_refresh_reloads_page (Fixture       *fixture,
                           gconstpointer  data)
{
  g_auto(GStrv) before_ids = NULL;
  g_auto(GStrv) after_ids = NULL;
  guint before;

  show_workflow (fixture, JD_DEMO_WORKFLOW_SALES);
  wait_settled (fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (jd_workflow_page_get_job_list (fixture->page)), "job-list.next-page", NULL));
  wait_settled (fixture);
  before_ids = shown_ids (fixture);
  jd_ui_test_wait_for_quiet (fixture->server);
  before = jd_demo_server_get_request_count (fixture->server);

  /* Ctrl+R on this page reloads the page shown, not page 1 */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.refresh", NULL));
  g_assert_true (jd_workflow_page_is_loading (fixture->page));
  wait_settled (fixture);

  g_assert_cmpuint (jd_demo_server_get_request_count (fixture->server), >, before);
  g_assert_cmpuint (jd_workflow_page_get_offset (fixture->page), ==, PAGE_SIZE);
  after_ids = shown_ids (fixture);
  g_assert_true (g_strv_equal ((const char * const *) before_ids, (const char * const *) after_ids));
}

static gboolean
inventory_shown (gpointer data)
{
  Fixture *fixture = data;

  return settled (fixture) &&
         g_strcmp0 (jd_workflow_page_get_workflow_id (fixture->page), JD_DEMO_WORKFLOW_INVENTORY) == 0;
}

static void
test_newer_load_wins (Fixture       *fixture,
                      gconstpointer  data)
{
  g_auto(GStrv) inventory = NULL;
  g_auto(GStrv) shown = NULL;

  show_workflow (fixture, JD_DEMO_WORKFLOW_INVENTORY);
  wait_settled (fixture);
  inventory = shown_ids (fixture);

  show_workflow (fixture, JD_DEMO_WORKFLOW_SALES);
  show_workflow (fixture, JD_DEMO_WORKFLOW_INVENTORY);
  g_assert_true (jd_ui_test_wait_for (inventory_shown, fixture, WAIT_MS));
  /* let a late answer for the sales workflow arrive, if one were coming */
  jd_ui_test_spin (300);

  shown = shown_ids (fixture);
  g_assert_true (g_strv_equal ((const char * const *) inventory, (const char * const *) shown));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find (fixture, "id_label"))), ==, JD_DEMO_WORKFLOW_INVENTORY);
}

static void
test_cancel_load (Fixture       *fixture,
                  gconstpointer  data)
{
  show_workflow (fixture, JD_DEMO_WORKFLOW_SALES);
  g_assert_true (jd_workflow_page_is_loading (fixture->page));
  jd_workflow_page_cancel (fixture->page);
  g_assert_false (jd_workflow_page_is_loading (fixture->page));
  jd_ui_test_spin (300);

  /* nothing arrives afterwards */
  g_assert_cmpint (jd_workflow_page_get_state (fixture->page), ==, JD_JOB_LIST_STATE_IDLE);
  g_assert_cmpuint (n_jobs (fixture), ==, 0);
}

static gboolean
browse_has_rows (gpointer data)
{
  Fixture *fixture = data;
  GtkStack *stack = GTK_STACK (find (fixture, "browse_stack"));
  GtkListBox *list = GTK_LIST_BOX (find (fixture, "browse_list"));
  guint wanted = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (list), "test-wanted-rows"));
  guint rows = 0;

  while (gtk_list_box_get_row_at_index (list, rows) != NULL)
    rows++;

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "list") == 0 && rows == wanted;
}

static void
wait_browse_rows (Fixture *fixture,
                  guint    wanted)
{
  g_object_set_data (G_OBJECT (find (fixture, "browse_list")), "test-wanted-rows", GUINT_TO_POINTER (wanted));
  g_assert_true (jd_ui_test_wait_for (browse_has_rows, fixture, WAIT_MS));
}

static void
test_browse_and_pick (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkMenuButton *button = GTK_MENU_BUTTON (find (fixture, "browse_button"));
  GtkPopover *popover = gtk_menu_button_get_popover (button);
  GtkListBox *list = GTK_LIST_BOX (find (fixture, "browse_list"));
  GtkEditable *search = GTK_EDITABLE (find (fixture, "browse_search"));
  AdwActionRow *row;

  gtk_menu_button_popup (button);
  wait_browse_rows (fixture, 2);

  row = ADW_ACTION_ROW (gtk_list_box_get_row_at_index (list, 0));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Weekly Sales Rollup");
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, JD_DEMO_WORKFLOW_SALES);

  /* the Server filters by name */
  gtk_editable_set_text (search, "inventory");
  wait_browse_rows (fixture, 1);
  row = ADW_ACTION_ROW (gtk_list_box_get_row_at_index (list, 0));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Inventory Reconciliation");

  g_signal_emit_by_name (list, "row-activated", row);
  wait_settled (fixture);

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_cmpint (jd_workflow_page_get_state (fixture->page), ==, JD_JOB_LIST_STATE_JOBS);
  g_assert_cmpstr (jd_workflow_page_get_workflow_id (fixture->page), ==, JD_DEMO_WORKFLOW_INVENTORY);
  g_assert_cmpstr (jd_workflow_page_get_workflow_name (fixture->page), ==, "Inventory Reconciliation");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find (fixture, "title_label"))), ==, "Inventory Reconciliation");
  g_assert_cmpstr (gtk_editable_get_text (fixture->entry), ==, JD_DEMO_WORKFLOW_INVENTORY);
}

static gboolean
browse_shows_message (gpointer data)
{
  Fixture *fixture = data;
  GtkStack *stack = GTK_STACK (find (fixture, "browse_stack"));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "message") == 0;
}

static void
test_browse_refused_for_viewer (Fixture       *fixture,
                                gconstpointer  data)
{
  GtkMenuButton *button = GTK_MENU_BUTTON (find (fixture, "browse_button"));
  GtkLabel *message = GTK_LABEL (find (fixture, "browse_message"));
  GtkWidget *search = find (fixture, "browse_search");
  guint before;

  gtk_menu_button_popup (button);
  g_assert_true (jd_ui_test_wait_for (browse_shows_message, fixture, WAIT_MS));

  g_assert_cmpstr (gtk_label_get_text (message), ==,
                   "This server does not list workflows for your account. Paste a workflow ID instead.");
  g_assert_false (gtk_widget_get_visible (search));
  g_assert_false (gtk_widget_get_visible (find (fixture, "empty_browse_button")));
  screenshot (GTK_WIDGET (gtk_menu_button_get_popover (button)), "jd-workflow-browse-refused.png");

  /* no new request for every keystroke, nor for opening it again */
  jd_ui_test_wait_for_quiet (fixture->server);
  before = jd_demo_server_get_request_count (fixture->server);
  gtk_editable_set_text (GTK_EDITABLE (search), "sales");
  jd_ui_test_spin (500);
  gtk_menu_button_popdown (button);
  gtk_menu_button_popup (button);
  jd_ui_test_spin (300);
  g_assert_cmpuint (jd_demo_server_get_request_count (fixture->server), ==, before);
  g_assert_cmpstr (gtk_label_get_text (message), ==,
                   "This server does not list workflows for your account. Paste a workflow ID instead.");
  gtk_menu_button_popdown (button);

  /* a viewer may still page through the jobs of a workflow */
  show_workflow (fixture, JD_DEMO_WORKFLOW_SALES);
  wait_settled (fixture);
  g_assert_cmpint (jd_workflow_page_get_state (fixture->page), ==, JD_JOB_LIST_STATE_JOBS);
}

static void
test_signed_out (Fixture       *fixture,
                 gconstpointer  data)
{
  jd_application_set_client (fixture->app, NULL);
  g_assert_cmpint (jd_workflow_page_get_state (fixture->page), ==, JD_JOB_LIST_STATE_SIGNED_OUT);
  g_assert_false (is_sensitive (fixture, "browse_button"));

  /* asked for while signed out: shown once signed in */
  show_workflow (fixture, JD_DEMO_WORKFLOW_SALES);
  g_assert_cmpint (jd_workflow_page_get_state (fixture->page), ==, JD_JOB_LIST_STATE_SIGNED_OUT);
  g_assert_false (jd_workflow_page_is_loading (fixture->page));

  jd_application_set_client (fixture->app, fixture->client);
  wait_settled (fixture);
  g_assert_cmpint (jd_workflow_page_get_state (fixture->page), ==, JD_JOB_LIST_STATE_JOBS);
  g_assert_cmpuint (n_jobs (fixture), ==, PAGE_SIZE);
}

static gboolean
page_released (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* The rows of a list are made when it is laid out: a wait for what they
 * show, where a fixed spin may end before a loaded machine drew a frame. */
typedef struct
{
  Fixture    *fixture;
  const char *shown;      /* a row shows this */
  const char *not_shown;  /* and none this, unless NULL */
} RowsWait;

static gboolean
rows_show (gpointer data)
{
  RowsWait *wait = data;
  GtkWidget *list = find (wait->fixture, "job_list");

  return jd_ui_test_find_by_text (list, wait->shown) != NULL &&
         (wait->not_shown == NULL || jd_ui_test_find_by_text (list, wait->not_shown) == NULL);
}

static void
test_close_while_loading (Fixture       *fixture,
                          gconstpointer  data)
{
  JdWorkflowPage *page = fixture->page;

  g_object_add_weak_pointer (G_OBJECT (page), (gpointer *) &page);

  show_workflow (fixture, JD_DEMO_WORKFLOW_SALES);
  g_assert_true (jd_workflow_page_is_loading (fixture->page));
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  fixture->window = NULL;
  fixture->page = NULL;

  /* the cancelled callback comes, touches nothing, and lets go (waited for) */
  g_assert_true (jd_ui_test_wait_for (page_released, &page, WAIT_MS));
  g_assert_null (page);
}

/* ------------------------------------------------------------------ */
/* Results: a WorkflowJobView has none                                 */

/* Without a result filter no row claims a result: no check mark, and
 * "Result not known" where the result would be. */
static void
test_unknown_result_says_so (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkWidget *list;
  guint completed = 0;

  RowsWait rows = { fixture, "Result not known", NULL };

  show_workflow (fixture, JD_DEMO_WORKFLOW_SALES);
  wait_settled (fixture);
  g_assert_true (jd_ui_test_wait_for (rows_show, &rows, WAIT_MS));

  list = find (fixture, "job_list");
  for (guint i = 0; i < n_jobs (fixture); i++)
    {
      JdJobSummary *job = job_at (fixture, i);
      g_autofree char *icon = NULL;

      g_assert_null (jd_job_summary_get_disposition (job));
      if (jd_job_summary_get_state (job) != JD_JOB_STATE_COMPLETED)
        continue;
      completed++;
      icon = jd_job_cells_status_icon_name (NULL, JD_JOB_STATE_COMPLETED, jd_job_summary_get_disposition_kind (job));
      g_assert_cmpstr (icon, !=, "emblem-ok-symbolic");
    }
  g_assert_cmpuint (completed, >, 0);

  /* what the rows show */
  g_assert_nonnull (jd_ui_test_find_by_text (list, "Result not known"));
  {
    g_autoptr(GPtrArray) images = jd_ui_test_find_all (list, GTK_TYPE_IMAGE);

    g_assert_cmpuint (images->len, >, 0);
    for (guint i = 0; i < images->len; i++)
      g_assert_cmpstr (gtk_image_get_icon_name (g_ptr_array_index (images, i)), !=, "emblem-ok-symbolic");
  }
}

/* The Result filter chose the rows by their result: they show it. */
static void
test_result_filter_marks_rows (Fixture       *fixture,
                               gconstpointer  data)
{
  static const char * const results[] = { NULL, "Success", "Warning", "Error" };
  GtkDropDown *result = GTK_DROP_DOWN (find (fixture, "result_dropdown"));

  show_workflow (fixture, JD_DEMO_WORKFLOW_SALES);
  wait_settled (fixture);

  for (guint r = 1; r < G_N_ELEMENTS (results); r++)
    {
      gtk_drop_down_set_selected (result, r);
      wait_settled (fixture);
      g_assert_cmpint (jd_workflow_page_get_state (fixture->page), ==, JD_JOB_LIST_STATE_JOBS);
      for (guint i = 0; i < n_jobs (fixture); i++)
        {
          JdJobSummary *job = job_at (fixture, i);
          g_autofree char *text = jd_job_cells_result_text (NULL, jd_job_summary_get_disposition (job),
                                                            jd_job_summary_get_disposition_kind (job));

          g_assert_cmpstr (jd_job_summary_get_disposition (job), ==, results[r]);
          g_assert_cmpstr (text, ==, results[r]);
        }
      {
        RowsWait rows = { fixture, results[r], "Result not known" };

        g_assert_true (jd_ui_test_wait_for (rows_show, &rows, WAIT_MS));
      }
      g_assert_nonnull (jd_ui_test_find_by_text (find (fixture, "job_list"), results[r]));
      g_assert_null (jd_ui_test_find_by_text (find (fixture, "job_list"), "Result not known"));
    }

  /* the successes earn a check mark, and only they */
  gtk_drop_down_set_selected (result, 1);
  wait_settled (fixture);
  {
    g_autofree char *icon = jd_job_cells_status_icon_name (NULL, jd_job_summary_get_state (job_at (fixture, 0)),
                                                           jd_job_summary_get_disposition_kind (job_at (fixture, 0)));

    g_assert_cmpint (jd_job_summary_get_disposition_kind (job_at (fixture, 0)), ==, JD_DISPOSITION_SUCCESS);
    g_assert_cmpstr (icon, ==, "emblem-ok-symbolic");
  }
}

static gboolean
row_has_result (gpointer data)
{
  return jd_job_summary_get_disposition (data) != NULL;
}

/* Opening a row looks the job up: its result comes onto the row. */
static void
test_opening_fills_in_result (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkColumnView *list = GTK_COLUMN_VIEW (find (fixture, "job_list"));
  JdJobSummary *row;
  JobWait wait;

  show_workflow (fixture, JD_DEMO_WORKFLOW_SALES);
  wait_settled (fixture);
  row = job_at (fixture, 4);
  g_assert_null (jd_job_summary_get_disposition (row));

  g_signal_emit_by_name (list, "activate", 4);
  g_assert_true (jd_ui_test_wait_for (row_has_result, row, WAIT_MS));

  /* the same result as the job page shows */
  wait.page = jd_window_get_lookup_page (fixture->window);
  wait.id = jd_job_summary_get_id (row);
  g_assert_true (jd_ui_test_wait_for (job_shown, &wait, WAIT_MS));
  g_assert_cmpstr (jd_job_summary_get_disposition (row), ==,
                   jd_job_summary_get_disposition (JD_JOB_SUMMARY (jd_lookup_page_get_job (wait.page))));
}

/* ------------------------------------------------------------------ */
/* The highlight hook                                                  */

static gboolean
highlight_settled (gpointer data)
{
  Fixture *fixture = data;

  return settled (fixture) &&
         jd_job_list_get_highlighted (jd_workflow_page_get_job_list (fixture->page)) != GTK_INVALID_LIST_POSITION;
}

static gboolean
scrolled_down (gpointer data)
{
  return gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (data)) > 0;
}

/* From a job to its workflow: the first page, with the job's row
 * selected and scrolled to, and the filters out of the way. */
static void
test_highlight_on_first_page (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkColumnView *list = GTK_COLUMN_VIEW (find (fixture, "job_list"));
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (find (fixture, "job_scroller"));
  GtkSelectionModel *selection;
  g_autofree char *wanted = NULL;

  show_workflow (fixture, JD_DEMO_WORKFLOW_SALES);
  wait_settled (fixture);
  wanted = g_strdup (jd_job_summary_get_id (job_at (fixture, 40)));

  /* another workflow and a filter first: both give way */
  show_workflow (fixture, JD_DEMO_WORKFLOW_INVENTORY);
  wait_settled (fixture);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find (fixture, "status_dropdown")), 2);
  wait_settled (fixture);

  jd_workflow_page_show_workflow (fixture->page, JD_DEMO_WORKFLOW_SALES, wanted);
  g_assert_true (jd_ui_test_wait_for (highlight_settled, fixture, WAIT_MS));

  g_assert_cmpstr (jd_workflow_page_get_workflow_id (fixture->page), ==, JD_DEMO_WORKFLOW_SALES);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (find (fixture, "status_dropdown"))), ==, 0);
  g_assert_cmpuint (jd_job_list_get_highlighted (jd_workflow_page_get_job_list (fixture->page)), ==, 40);
  g_assert_cmpstr (jd_job_summary_get_id (job_at (fixture, 40)), ==, wanted);
  selection = gtk_column_view_get_model (list);
  g_assert_true (gtk_selection_model_is_selected (selection, 40));
  g_assert_false (gtk_selection_model_is_selected (selection, 0));

  /* row 40 of 50 is not in view at the top: the list scrolls to it (in
   * the frames after, which come late in a slow run) */
  g_assert_true (jd_ui_test_wait_for (scrolled_down, scroller, WAIT_MS));
  screenshot (GTK_WIDGET (fixture->window), "jd-workflow-highlight.png");
}

/* A job further back than the first page: the jobs load, nothing is
 * marked. */
static void
test_highlight_not_on_first_page (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *older = NULL;
  GtkSelectionModel *selection;

  show_workflow (fixture, JD_DEMO_WORKFLOW_SALES);
  wait_settled (fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (jd_workflow_page_get_job_list (fixture->page)),
                                             "job-list.next-page", NULL));
  wait_settled (fixture);
  older = g_strdup (jd_job_summary_get_id (job_at (fixture, 0)));

  jd_workflow_page_show_workflow (fixture->page, JD_DEMO_WORKFLOW_SALES, older);
  g_assert_true (jd_workflow_page_is_loading (fixture->page));
  wait_settled (fixture);

  g_assert_cmpint (jd_workflow_page_get_state (fixture->page), ==, JD_JOB_LIST_STATE_JOBS);
  g_assert_cmpuint (jd_workflow_page_get_offset (fixture->page), ==, 0);
  g_assert_cmpuint (jd_job_list_get_highlighted (jd_workflow_page_get_job_list (fixture->page)), ==,
                    GTK_INVALID_LIST_POSITION);
  selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (find (fixture, "job_list")));
  for (guint i = 0; i < n_jobs (fixture); i++)
    g_assert_false (gtk_selection_model_is_selected (selection, i));
}

/* Asked for while signed out: the highlight waits with the workflow. */
static void
test_highlight_waits_for_sign_in (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *wanted = NULL;

  show_workflow (fixture, JD_DEMO_WORKFLOW_SALES);
  wait_settled (fixture);
  wanted = g_strdup (jd_job_summary_get_id (job_at (fixture, 7)));

  jd_application_set_client (fixture->app, NULL);
  jd_workflow_page_show_workflow (fixture->page, JD_DEMO_WORKFLOW_SALES, wanted);
  g_assert_cmpint (jd_workflow_page_get_state (fixture->page), ==, JD_JOB_LIST_STATE_SIGNED_OUT);

  jd_application_set_client (fixture->app, fixture->client);
  g_assert_true (jd_ui_test_wait_for (highlight_settled, fixture, WAIT_MS));
  g_assert_cmpuint (jd_job_list_get_highlighted (jd_workflow_page_get_job_list (fixture->page)), ==, 7);
}

static void
test_screenshot (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkMenuButton *button = GTK_MENU_BUTTON (find (fixture, "browse_button"));
  GtkListBox *list = GTK_LIST_BOX (find (fixture, "browse_list"));

  screenshot (GTK_WIDGET (fixture->window), "jd-workflow-empty.png");

  /* picked from the list, so the heading has the workflow's name */
  gtk_menu_button_popup (button);
  wait_browse_rows (fixture, 2);
  screenshot (GTK_WIDGET (gtk_menu_button_get_popover (button)), "jd-workflow-browse.png");
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 0));
  wait_settled (fixture);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find (fixture, "title_label"))), ==, "Weekly Sales Rollup");
  screenshot (GTK_WIDGET (fixture->window), "jd-workflow-page.png");

  gtk_drop_down_set_selected (GTK_DROP_DOWN (find (fixture, "status_dropdown")), 2);
  wait_settled (fixture);
  screenshot (GTK_WIDGET (fixture->window), "jd-workflow-errors.png");
  if (g_getenv ("JD_TEST_SCREENSHOT_DIR") != NULL)
    {
      GtkWidget *dropdown = find (fixture, "status_dropdown");

      g_signal_emit_by_name (dropdown, "activate");
      screenshot (jd_ui_test_find_by_type (dropdown, GTK_TYPE_POPOVER), "jd-workflow-status-list.png");
      gtk_popover_popdown (GTK_POPOVER (jd_ui_test_find_by_type (dropdown, GTK_TYPE_POPOVER)));
    }

  gtk_drop_down_set_selected (GTK_DROP_DOWN (find (fixture, "status_dropdown")), 3);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find (fixture, "result_dropdown")), 1);
  wait_settled (fixture);
  screenshot (GTK_WIDGET (fixture->window), "jd-workflow-no-jobs.png");

  show_workflow (fixture, UNKNOWN_WORKFLOW);
  wait_settled (fixture);
  screenshot (GTK_WIDGET (fixture->window), "jd-workflow-not-found.png");

  show_workflow (fixture, "no ID in here");
  screenshot (GTK_WIDGET (fixture->window), "jd-workflow-invalid.png");

  /* the narrowest window still shows the whole page */
  show_workflow (fixture, JD_DEMO_WORKFLOW_SALES);
  wait_settled (fixture);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 640);
  screenshot (GTK_WIDGET (fixture->window), "jd-workflow-narrow.png");
}

int
main (int   argc,
      char *argv[])
{
  jd_ui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/ui/workflow/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("show/first-page", test_first_page);
  ADD ("show/id-from-link", test_link_text);
  ADD ("show/invalid-text-sends-nothing", test_invalid_text_sends_nothing);
  ADD ("show/unknown-workflow-not-found", test_unknown_workflow);
  ADD ("show/newer-load-wins", test_newer_load_wins);
  ADD ("show/cancel", test_cancel_load);
  ADD ("show/signed-out-waits-for-sign-in", test_signed_out);
  ADD ("paging/next-and-previous", test_paging);
  ADD ("paging/refresh-reloads-shown-page", test_refresh_reloads_page);
  ADD ("filter/status-error", test_status_filter);
  ADD ("filter/no-matches-then-clear", test_filter_without_matches);
  ADD ("sort/oldest-first", test_oldest_first);
  ADD ("open/activate-row-opens-job", test_activate_row);
  ADD ("browse/search-and-pick", test_browse_and_pick);
  ADD ("result/unknown-says-so", test_unknown_result_says_so);
  ADD ("result/filter-marks-rows", test_result_filter_marks_rows);
  ADD ("result/opening-fills-in", test_opening_fills_in_result);
  ADD ("highlight/on-first-page", test_highlight_on_first_page);
  ADD ("highlight/not-on-first-page", test_highlight_not_on_first_page);
  ADD ("highlight/waits-for-sign-in", test_highlight_waits_for_sign_in);
  ADD ("window/close-while-loading", test_close_while_loading);
  ADD ("screenshot", test_screenshot);
  g_test_add ("/ui/workflow/browse/refused-for-viewer", Fixture, NULL,
              fixture_set_up_viewer, test_browse_refused_for_viewer, fixture_tear_down);
#undef ADD

  return g_test_run ();
}
