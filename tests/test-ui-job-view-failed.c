/* test-ui-job-view-failed.c: a failed job leads with what failed it;
 * what could not be read; the workflow's name; and the screenshots of
 * the job view. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "jd-job-export.h"
#include "jd-job-view.h"
#include "jd-list-pacer.h"
#include "jd-job-view-private.h"
#include "jd-message-filter-model.h"
#include "jd-message-list.h"
#include "jd-message-row.h"
#include "jd-output-row.h"
#include "jd-test-util.h"
#include "jd-ui-test-util.h"
#include "jd-window.h"
#include "jd-window-private.h"
#include "jd-job-view-fixture.h"
#include "jd-json-reader.h"
#include "jd-workflow-names.h"
#include "jd-workflow-page.h"

/* ------------------------------------------------------------------ */
/* A failed job leads with what failed it                              */

/* The first message of this severity, straight from the job. */
static JdJobMessage *
first_message (JdJob             *job,
               JdMessageSeverity  severity)
{
  GListModel *messages = jd_job_get_messages (job);

  for (guint i = 0; i < g_list_model_get_n_items (messages); i++)
    {
      g_autoptr(JdJobMessage) message = g_list_model_get_item (messages, i);

      if (jd_job_message_get_severity (message) == severity)
        return g_steal_pointer (&message);
    }

  return NULL;
}

static const char *
visible_tab (Fixture *fixture)
{
  return adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (find (fixture, "view_stack")));
}

static void
test_failed_leads_with_error (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(JdJobMessage) error = NULL;
  g_autofree char *tool = NULL;
  AdwViewStackPage *lead;

  show_job (fixture, JD_DEMO_JOB_ERROR, TRUE);
  error = first_message (fixture->job, JD_MESSAGE_SEVERITY_ERROR);
  g_assert_nonnull (error);

  /* It opens on the error, not on "No Outputs". */
  g_assert_cmpstr (visible_tab (fixture), ==, "lead");
  lead = adw_view_stack_get_page (ADW_VIEW_STACK (find (fixture, "view_stack")),
                                  find (fixture, "lead"));
  g_assert_nonnull (lead);
  g_assert_true (adw_view_stack_page_get_visible (lead));
  g_assert_cmpstr (adw_view_stack_page_get_title (lead), ==, "Error");
  g_assert_cmpstr (label_text (fixture, "lead_title"), ==, "This job failed");
  g_assert_true (gtk_widget_get_visible (find (fixture, "lead_error_box")));
  g_assert_cmpstr (label_text (fixture, "lead_error_label"), ==, jd_job_message_get_text (error));
  tool = g_strdup_printf ("Tool %d", jd_job_message_get_tool_id (error));
  g_assert_cmpstr (label_text (fixture, "lead_error_tool"), ==, tool);
  g_assert_false (gtk_widget_get_visible (find (fixture, "lead_loading_box")));

  /* "Show All Messages" jumps to the errors among the messages. */
  g_assert_true (gtk_widget_get_visible (find (fixture, "lead_show_button")));
  g_signal_emit_by_name (find (fixture, "lead_show_button"), "clicked");
  g_assert_cmpstr (visible_tab (fixture), ==, "messages");
  g_assert_cmpint (jd_message_filter_model_get_kind (JD_MESSAGE_FILTER_MODEL (filter_model (fixture))), ==,
                   JD_MESSAGE_FILTER_ERRORS);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find (fixture, "errors_toggle"))));

  /* The outputs stay one click away. */
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (find (fixture, "view_stack")), "outputs");
  g_assert_cmpstr (visible_tab (fixture), ==, "outputs");
}

static void
test_failed_status_error (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(JdJobMessage) error = NULL;

  /* status Error, with warnings before the error */
  show_job (fixture, JD_DEMO_JOB_FAILED, TRUE);
  error = first_message (fixture->job, JD_MESSAGE_SEVERITY_ERROR);
  g_assert_nonnull (error);
  g_assert_cmpstr (visible_tab (fixture), ==, "lead");
  g_assert_cmpstr (label_text (fixture, "lead_error_label"), ==, jd_job_message_get_text (error));
}

static void
test_failed_warning_leads_with_warning (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autoptr(JdJobMessage) warning = NULL;
  g_autoptr(JdJobMessage) error = NULL;

  show_job (fixture, JD_DEMO_JOB_WARNING, TRUE);
  warning = first_message (fixture->job, JD_MESSAGE_SEVERITY_WARNING);
  error = first_message (fixture->job, JD_MESSAGE_SEVERITY_ERROR);
  g_assert_nonnull (warning);

  g_assert_cmpstr (visible_tab (fixture), ==, "lead");
  g_assert_cmpstr (label_text (fixture, "lead_title"), ==, "This job ended with warnings");
  g_assert_true (gtk_widget_get_visible (find (fixture, "lead_warning_box")));
  g_assert_cmpstr (label_text (fixture, "lead_warning_label"), ==, jd_job_message_get_text (warning));
  g_assert_true (gtk_widget_get_visible (find (fixture, "lead_error_box")) == (error != NULL));

  if (error == NULL)
    {
      g_signal_emit_by_name (find (fixture, "lead_show_button"), "clicked");
      g_assert_cmpint (jd_message_filter_model_get_kind (JD_MESSAGE_FILTER_MODEL (filter_model (fixture))), ==,
                       JD_MESSAGE_FILTER_WARNINGS);
    }
}

static void
test_failed_success_opens_on_outputs (Fixture       *fixture,
                                      gconstpointer  data)
{
  show_job (fixture, JD_DEMO_JOB_ERROR, TRUE);
  g_assert_cmpstr (visible_tab (fixture), ==, "lead");

  /* The next job went well: its outputs, and no lead at all. */
  show_job (fixture, JD_DEMO_JOB_SUCCESS, TRUE);
  g_assert_cmpstr (visible_tab (fixture), ==, "outputs");
  g_assert_false (adw_view_stack_page_get_visible (
                    adw_view_stack_get_page (ADW_VIEW_STACK (find (fixture, "view_stack")),
                                             find (fixture, "lead"))));
}

/* A refresh of the same job keeps the tab the user chose. */
static void
test_failed_refresh_keeps_tab (Fixture       *fixture,
                               gconstpointer  data)
{
  show_job (fixture, JD_DEMO_JOB_ERROR, TRUE);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (find (fixture, "view_stack")), "outputs");
  show_job (fixture, JD_DEMO_JOB_ERROR, TRUE);
  g_assert_cmpstr (visible_tab (fixture), ==, "outputs");
}

/* ------------------------------------------------------------------ */
/* What could not be read                                              */

static void
test_unreadable_counts (Fixture       *fixture,
                        gconstpointer  data)
{
  static const char json[] =
    "{\"id\": \"66ebd18d3d6200007e000dff\", \"appId\": \"" JD_DEMO_WORKFLOW_SALES "\","
    " \"status\": \"Completed\", \"disposition\": \"Error\","
    " \"outputs\": [{\"id\": \"o1\", \"fileName\": \"a.csv\", \"availableFormats\": [\"Raw\"]}, 7, \"x\"],"
    " \"messages\": [{\"status\": 3, \"text\": \"Boom\", \"toolId\": 4}, 1, [], \"y\"]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;

  fixture->job = jd_json_read_job (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jd_job_get_n_unreadable_outputs (fixture->job), ==, 2);
  g_assert_cmpuint (jd_job_get_n_unreadable_messages (fixture->job), ==, 3);
  jd_job_view_set_job (fixture->view, fixture->job);
  jd_ui_test_spin (50);

  g_assert_true (gtk_widget_get_visible (find (fixture, "outputs_unreadable_label")));
  g_assert_cmpstr (label_text (fixture, "outputs_unreadable_label"), ==, "2 outputs could not be read.");
  g_assert_true (gtk_widget_get_visible (find (fixture, "messages_note_label")));
  g_assert_cmpstr (label_text (fixture, "messages_note_label"), ==, "3 messages could not be read.");

  /* A job read whole says nothing of the kind. */
  show_job (fixture, JD_DEMO_JOB_SUCCESS, TRUE);
  g_assert_false (gtk_widget_get_visible (find (fixture, "outputs_unreadable_label")));
  g_assert_false (gtk_widget_get_visible (find (fixture, "messages_note_label")));
}

/* ------------------------------------------------------------------ */
/* The job's workflow                                                  */

static gboolean
label_visible (gpointer data)
{
  return gtk_widget_get_visible (data);
}

static void
test_workflow_name (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(JdJob) other = NULL;
  const char *name = NULL;
  guint requests;

  jd_workflow_names_clear ();
  show_job (fixture, JD_DEMO_JOB_SUCCESS, TRUE);
  g_assert_true (jd_ui_test_wait_for (label_visible, find (fixture, "workflow_label"), WAIT_MS));
  g_assert_cmpstr (label_text (fixture, "workflow_label"), ==, "Weekly Sales Rollup");
  g_assert_cmpstr (label_text (fixture, "app_id_label"), ==, JD_DEMO_WORKFLOW_SALES);
  g_assert_true (jd_workflow_names_lookup (jd_client_get_base_url (fixture->client), JD_DEMO_WORKFLOW_SALES, &name));
  g_assert_cmpstr (name, ==, "Weekly Sales Rollup");

  /* Another job of the same workflow asks nothing more. */
  other = fetch_job (fixture->client, JD_DEMO_JOB_ERROR, TRUE);
  g_assert_cmpstr (jd_job_get_app_id (other), ==, JD_DEMO_WORKFLOW_SALES);
  jd_ui_test_wait_for_quiet (fixture->server);
  requests = jd_demo_server_get_request_count (fixture->server);
  g_set_object (&fixture->job, other);
  jd_job_view_set_job (fixture->view, other);
  jd_ui_test_spin (200);
  g_assert_cmpuint (jd_demo_server_get_request_count (fixture->server), ==, requests);
  g_assert_cmpstr (label_text (fixture, "workflow_label"), ==, "Weekly Sales Rollup");

  /* The same ID on another Server is another workflow. */
  g_assert_false (jd_workflow_names_lookup ("https://other.example.com/webapi", JD_DEMO_WORKFLOW_SALES, NULL));
  jd_workflow_names_clear ();
}

static void
test_workflow_cache_bounded (void)
{
  const char *name = NULL;

  jd_workflow_names_clear ();
  for (guint i = 0; i < JD_WORKFLOW_NAMES_MAX + 20; i++)
    {
      g_autofree char *id = g_strdup_printf ("%024u", i);
      g_autofree char *workflow = g_strdup_printf ("Workflow %u", i);

      jd_workflow_names_store ("http://127.0.0.1:1/webapi", id, workflow);
    }
  g_assert_cmpuint (jd_workflow_names_get_size (), ==, JD_WORKFLOW_NAMES_MAX);

  /* The oldest went first; the newest is there; an update replaces. */
  g_assert_false (jd_workflow_names_lookup ("http://127.0.0.1:1/webapi", "000000000000000000000000", NULL));
  g_assert_true (jd_workflow_names_lookup ("http://127.0.0.1:1/webapi", "000000000000000000000275", &name));
  g_assert_cmpstr (name, ==, "Workflow 275");
  jd_workflow_names_store ("http://127.0.0.1:1/webapi", "000000000000000000000275", NULL);
  g_assert_true (jd_workflow_names_lookup ("http://127.0.0.1:1/webapi", "000000000000000000000275", &name));
  g_assert_null (name);
  g_assert_cmpuint (jd_workflow_names_get_size (), ==, JD_WORKFLOW_NAMES_MAX);
  jd_workflow_names_clear ();
}

static gboolean
name_cached (gpointer data)
{
  Fixture *fixture = data;

  return jd_workflow_names_lookup (jd_client_get_base_url (fixture->client), JD_DEMO_WORKFLOW_SALES, NULL);
}

/* The sample server refuses the workflow to a viewer: the ID, no noise. */
static void
test_workflow_viewer_refused (Fixture       *fixture,
                              gconstpointer  data)
{
  const char *name = "not asked";
  guint requests;

  jd_workflow_names_clear ();
  show_job (fixture, JD_DEMO_JOB_SUCCESS, TRUE);
  g_assert_true (jd_ui_test_wait_for (name_cached, fixture, WAIT_MS));
  g_assert_true (jd_workflow_names_lookup (jd_client_get_base_url (fixture->client), JD_DEMO_WORKFLOW_SALES, &name));
  g_assert_null (name);

  g_assert_false (gtk_widget_get_visible (find (fixture, "workflow_label")));
  g_assert_cmpstr (label_text (fixture, "app_id_label"), ==, JD_DEMO_WORKFLOW_SALES);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (find (fixture, "action_error_revealer"))));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (find (fixture, "messages_error_revealer"))));
  g_assert_null (jd_ui_test_find_by_type (fixture->overlay, ADW_TYPE_TOAST));

  /* The refusal is kept: the next job of it does not ask again. */
  jd_ui_test_wait_for_quiet (fixture->server);
  requests = jd_demo_server_get_request_count (fixture->server);
  jd_job_view_set_job (fixture->view, NULL);
  jd_job_view_set_job (fixture->view, fixture->job);
  jd_ui_test_spin (200);
  g_assert_cmpuint (jd_demo_server_get_request_count (fixture->server), ==, requests);
  jd_workflow_names_clear ();
}

static gboolean
workflow_page_shown (gpointer data)
{
  JdWindow *window = data;
  AdwViewStack *stack = ADW_VIEW_STACK (jd_ui_test_find_by_id (GTK_WIDGET (window), "view_stack"));

  return g_strcmp0 (adw_view_stack_get_visible_child_name (stack), "workflow") == 0;
}

/* One click from the job to its workflow's jobs. */
static void
test_workflow_opens_jobs (void)
{
  g_autoptr(JdApplication) app = jd_ui_test_app_new ();
  g_autoptr(JdDemoServer) server = jd_ui_test_demo_server_new ();
  g_autoptr(JdClient) client = jd_ui_test_demo_client_new (server, FALSE);
  JdWorkflowPage *workflow_page;
  JdLookupPage *page;
  JdWindow *window;
  GtkWidget *view;

  jd_application_set_client (app, client);
  window = jd_application_new_window (app);
  gtk_window_present (GTK_WINDOW (window));
  page = jd_window_get_lookup_page (window);

  jd_window_look_up (window, JD_DEMO_JOB_ERROR);
  g_assert_true (jd_ui_test_wait_for (lookup_shows_job, page, WAIT_MS));
  view = jd_ui_test_find_by_type (GTK_WIDGET (page), JD_TYPE_JOB_VIEW);
  g_assert_true (gtk_widget_get_sensitive (jd_ui_test_find_by_id (view, "workflow_button")));
  g_signal_emit_by_name (jd_ui_test_find_by_id (view, "workflow_button"), "clicked");

  g_assert_true (jd_ui_test_wait_for (workflow_page_shown, window, WAIT_MS));
  workflow_page = JD_WORKFLOW_PAGE (jd_ui_test_find_by_type (GTK_WIDGET (window), JD_TYPE_WORKFLOW_PAGE));
  g_assert_cmpstr (jd_workflow_page_get_workflow_id (workflow_page), ==, JD_DEMO_WORKFLOW_SALES);

  gtk_window_destroy (GTK_WINDOW (window));
  jd_ui_test_spin (50);
  jd_application_set_client (app, NULL);
  jd_demo_server_stop (server);
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

  show_job (fixture, JD_DEMO_JOB_SUCCESS, TRUE);
  screenshot (fixture, dir, "job-view-success.png");

  /* A failed job opens on what failed it. */
  show_job (fixture, JD_DEMO_JOB_ERROR, TRUE);
  screenshot (fixture, dir, "job-view-failed.png");
  show_job (fixture, JD_DEMO_JOB_FAILED, TRUE);
  screenshot (fixture, dir, "job-view-failed-status.png");

  show_job (fixture, JD_DEMO_JOB_MANY_MESSAGES, TRUE);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (find (fixture, "view_stack")), "messages");
  screenshot (fixture, dir, "job-view-many-messages.png");

  g_signal_emit_by_name (find (fixture, "errors_toggle"), "clicked");
  gtk_editable_set_text (GTK_EDITABLE (find (fixture, "search_entry")), "formula");
  screenshot (fixture, dir, "job-view-many-messages-filtered.png");
  g_signal_emit_by_name (find (fixture, "all_toggle"), "clicked");

  show_job (fixture, JD_DEMO_JOB_SPARSE, TRUE);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (find (fixture, "view_stack")), "outputs");
  screenshot (fixture, dir, "job-view-sparse.png");

  show_job (fixture, JD_DEMO_JOB_MANY_MESSAGES, FALSE);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (find (fixture, "view_stack")), "messages");
  screenshot (fixture, dir, "job-view-not-included.png");

  /* A running job: "Cancel Job…" beside the menu. */
  show_job (fixture, JD_DEMO_JOB_RUNNING, TRUE);
  screenshot (fixture, dir, "job-view-running.png");
  show_job (fixture, JD_DEMO_JOB_QUEUED, TRUE);
  screenshot (fixture, dir, "job-view-queued.png");

  /* The menu and the confirmation are windows of their own: only the
   * whole screen shows them. */
  if (g_find_program_in_path ("import") != NULL)
    {
      g_autofree char *menu_path = g_build_filename (dir, "job-view-actions-menu.png", NULL);
      g_autofree char *dialog_path = g_build_filename (dir, "job-view-cancel-dialog.png", NULL);
      g_autofree char *menu_command = g_strdup_printf ("import -window root %s", menu_path);
      g_autofree char *dialog_command = g_strdup_printf ("import -window root %s", dialog_path);

      show_job (fixture, JD_DEMO_JOB_RUNNING, TRUE);
      gtk_menu_button_popup (GTK_MENU_BUTTON (find (fixture, "actions_button")));
      jd_ui_test_spin (1000);
      g_spawn_command_line_sync (menu_command, NULL, NULL, NULL, NULL);
      gtk_menu_button_popdown (GTK_MENU_BUTTON (find (fixture, "actions_button")));

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "job-view.cancel-job", NULL));
      jd_ui_test_spin (1000);
      g_spawn_command_line_sync (dialog_command, NULL, NULL, NULL, NULL);
      respond (fixture, "_Keep Running");
    }

  /* As narrow as the window goes with the entry above: nothing cut off. */
  show_job (fixture, JD_DEMO_JOB_RUNNING, TRUE);
  gtk_window_set_default_size (fixture->window, 600, 700);
  screenshot (fixture, dir, "job-view-narrow-running.png");
  show_job (fixture, JD_DEMO_JOB_MANY_MESSAGES, TRUE);
  screenshot (fixture, dir, "job-view-narrow.png");
}

/* The job view where it lives: under the lookup page's entry. */
static void
test_screenshots_window (void)
{
  const char *dir = g_getenv ("JD_SCREENSHOT_DIR");
  g_autoptr(JdApplication) app = NULL;
  g_autoptr(JdDemoServer) server = NULL;
  g_autoptr(JdClient) client = NULL;
  JdLookupPage *page;
  JdWindow *window;
  GtkWidget *view;

  if (dir == NULL)
    {
      g_test_skip ("Set JD_SCREENSHOT_DIR to write screenshots");
      return;
    }

  app = jd_ui_test_app_new ();
  server = jd_ui_test_demo_server_new ();
  client = jd_ui_test_demo_client_new (server, FALSE);
  jd_application_set_client (app, client);
  window = jd_application_new_window (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 800);
  gtk_window_present (GTK_WINDOW (window));
  page = jd_window_get_lookup_page (window);

  jd_window_look_up (window, JD_DEMO_JOB_SUCCESS);
  g_assert_true (jd_ui_test_wait_for (lookup_shows_job, page, WAIT_MS));
  screenshot_window (GTK_WINDOW (window), dir, "window-success.png");

  jd_window_look_up (window, JD_DEMO_JOB_MANY_MESSAGES);
  g_assert_true (jd_ui_test_wait_for (lookup_shows_job, page, WAIT_MS));
  view = jd_ui_test_find_by_type (GTK_WIDGET (page), JD_TYPE_JOB_VIEW);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (jd_ui_test_find_by_id (view, "view_stack")), "messages");
  screenshot_window (GTK_WINDOW (window), dir, "window-many-messages.png");

  gtk_window_destroy (GTK_WINDOW (window));
  jd_ui_test_spin (50);
  jd_application_set_client (app, NULL);
  jd_demo_server_stop (server);
}

int
main (int   argc,
      char *argv[])
{
  jd_ui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/ui/job-view/" path, Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, func, fixture_tear_down)
#define ADD_VIEWER(path, func) \
  g_test_add ("/ui/job-view/" path, Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, func, fixture_tear_down)

  ADD ("failed/leads-with-error", test_failed_leads_with_error);
  ADD ("failed/status-error-leads-with-error", test_failed_status_error);
  ADD ("failed/warning-leads-with-warning", test_failed_warning_leads_with_warning);
  ADD ("failed/success-opens-on-outputs", test_failed_success_opens_on_outputs);
  ADD ("failed/refresh-keeps-tab", test_failed_refresh_keeps_tab);
  ADD ("unreadable/counts-said", test_unreadable_counts);
  ADD ("workflow/name-cached-per-server", test_workflow_name);
  g_test_add_func ("/ui/job-view/workflow/cache-bounded", test_workflow_cache_bounded);
  ADD_VIEWER ("workflow/viewer-refused-shows-id", test_workflow_viewer_refused);
  g_test_add_func ("/ui/job-view/workflow/opens-its-jobs", test_workflow_opens_jobs);
  ADD ("screenshots", test_screenshots);
  g_test_add_func ("/ui/job-view/screenshots-window", test_screenshots_window);

#undef ADD
#undef ADD_VIEWER

  return g_test_run ();
}
