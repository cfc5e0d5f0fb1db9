/* test-ui-window.c: the main window and its lookup page, driven through
 * the real widgets and actions against the sample server. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "jd-followed-jobs-private.h"
#include "jd-history-private.h"
#include "jd-broken-server.h"
#include "jd-job-view.h"
#include "jd-lookup-page.h"
#include "jd-object-id.h"
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

static const char *
history_path (void)
{
  static char *path;

  g_free (path);
  path = g_build_filename (g_get_user_data_dir (), "jobdesk", "history.json", NULL);
  return path;
}

static void
type_and_look_up (Fixture    *fixture,
                  const char *text)
{
  gtk_editable_set_text (fixture->entry, text);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.look-up", NULL));
}

static gboolean
state_settled (gpointer data)
{
  Fixture *fixture = data;
  JdLookupState state = jd_lookup_page_get_state (fixture->page);

  return state == JD_LOOKUP_STATE_JOB || state == JD_LOOKUP_STATE_ERROR;
}

static void
wait_settled (Fixture *fixture)
{
  g_assert_true (jd_ui_test_wait_for (state_settled, fixture, WAIT_MS));
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

static void
test_look_up_completed_job (Fixture       *fixture,
                            gconstpointer  data)
{
  JdJob *job;

  type_and_look_up (fixture, JD_DEMO_JOB_SUCCESS);
  wait_settled (fixture);

  g_assert_cmpint (jd_lookup_page_get_state (fixture->page), ==, JD_LOOKUP_STATE_JOB);
  job = jd_lookup_page_get_job (fixture->page);
  g_assert_nonnull (job);
  g_assert_cmpstr (jd_job_summary_get_id (JD_JOB_SUMMARY (job)), ==, JD_DEMO_JOB_SUCCESS);
  g_assert_cmpint (jd_job_summary_get_state (JD_JOB_SUMMARY (job)), ==, JD_JOB_STATE_COMPLETED);
}

static void
test_look_up_from_text (Fixture       *fixture,
                        gconstpointer  data)
{
  type_and_look_up (fixture, "  Your job https://ayx.example.com/gallery/#!/jobs/" JD_DEMO_JOB_WARNING " finished with warnings.\n");
  wait_settled (fixture);

  g_assert_cmpint (jd_lookup_page_get_state (fixture->page), ==, JD_LOOKUP_STATE_JOB);
  g_assert_cmpstr (jd_job_summary_get_id (JD_JOB_SUMMARY (jd_lookup_page_get_job (fixture->page))), ==, JD_DEMO_JOB_WARNING);
  /* the entry now shows the ID alone */
  g_assert_cmpstr (gtk_editable_get_text (fixture->entry), ==, JD_DEMO_JOB_WARNING);
}

static void
test_invalid_text_sends_nothing (Fixture       *fixture,
                                 gconstpointer  data)
{
  const char *bad[] = { "", "hello", "66ebd18d3d6200007e000d8", JD_DEMO_JOB_SUCCESS " and " JD_DEMO_JOB_WARNING };
  GtkWidget *revealer = jd_ui_test_find_by_id (GTK_WIDGET (fixture->page), "entry_error_revealer");
  GtkWidget *label = jd_ui_test_find_by_id (GTK_WIDGET (fixture->page), "entry_error_label");
  guint requests;

  jd_ui_test_wait_for_quiet (fixture->server);
  requests = jd_demo_server_get_request_count (fixture->server);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      type_and_look_up (fixture, bad[i]);
      jd_ui_test_spin (50);

      g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
      g_assert_cmpuint (strlen (gtk_label_get_text (GTK_LABEL (label))), >, 10);
      g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (fixture->entry), "error"));
      g_assert_cmpint (jd_lookup_page_get_state (fixture->page), ==, JD_LOOKUP_STATE_EMPTY);
    }

  g_assert_cmpuint (jd_demo_server_get_request_count (fixture->server), ==, requests);

  /* typing clears the complaint */
  gtk_editable_set_text (fixture->entry, "6");
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (fixture->entry), "error"));
}

static void
test_unknown_id_not_found (Fixture       *fixture,
                           gconstpointer  data)
{
  AdwStatusPage *error_page;

  type_and_look_up (fixture, JD_DEMO_JOB_UNKNOWN);
  wait_settled (fixture);

  g_assert_cmpint (jd_lookup_page_get_state (fixture->page), ==, JD_LOOKUP_STATE_ERROR);
  error_page = ADW_STATUS_PAGE (jd_ui_test_find_by_id (GTK_WIDGET (fixture->page), "error_page"));
  g_assert_cmpstr (adw_status_page_get_title (error_page), ==, "Job Not Found");
  g_assert_nonnull (strstr (adw_status_page_get_description (error_page), JD_DEMO_JOB_UNKNOWN));
  g_assert_true (gtk_widget_get_visible (jd_ui_test_find_by_id (GTK_WIDGET (fixture->page), "retry_button")));
}

static void
test_retry_after_error (Fixture       *fixture,
                        gconstpointer  data)
{
  type_and_look_up (fixture, JD_DEMO_JOB_UNKNOWN);
  wait_settled (fixture);
  g_assert_cmpint (jd_lookup_page_get_state (fixture->page), ==, JD_LOOKUP_STATE_ERROR);

  /* Try Again is win.refresh: the same ID once more. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.refresh", NULL));
  jd_ui_test_spin (50);
  wait_settled (fixture);
  g_assert_cmpint (jd_lookup_page_get_state (fixture->page), ==, JD_LOOKUP_STATE_ERROR);
}

typedef struct
{
  Fixture *fixture;
  JdJob   *before;
} JobReplaced;

static gboolean
job_replaced (gpointer data)
{
  JobReplaced *wait = data;
  JdJob *job = jd_lookup_page_get_job (wait->fixture->page);

  return job != NULL && job != wait->before &&
         jd_lookup_page_get_state (wait->fixture->page) == JD_LOOKUP_STATE_JOB;
}

typedef struct
{
  JdDemoServer *server;
  guint         requests;
} ServerAsked;

static gboolean
server_asked (gpointer data)
{
  ServerAsked *asked = data;

  return jd_demo_server_get_request_count (asked->server) >= asked->requests;
}

static void
test_refresh (Fixture       *fixture,
              gconstpointer  data)
{
  JdJob *first;
  guint requests;

  /* a finished job: nothing follows it, so only the refresh asks */
  type_and_look_up (fixture, JD_DEMO_JOB_WARNING);
  wait_for_job (fixture, JD_DEMO_JOB_WARNING);
  first = jd_lookup_page_get_job (fixture->page);
  jd_ui_test_wait_for_quiet (fixture->server);
  requests = jd_demo_server_get_request_count (fixture->server);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.refresh", NULL));
  g_assert_true (jd_ui_test_wait_for (job_replaced, &(JobReplaced) { fixture, first }, WAIT_MS));

  /* Status first, then the whole job with its messages: both waited for
   * (on a loaded machine the second may come later than the 400 ms
   * jd_ui_test_wait_for_quiet takes for quiet), then no more. */
  g_assert_true (jd_ui_test_wait_for (server_asked, &(ServerAsked) { fixture->server, requests + 2 }, WAIT_MS));
  jd_ui_test_wait_for_quiet (fixture->server);
  g_assert_cmpuint (jd_demo_server_get_request_count (fixture->server), ==, requests + 2);
  g_assert_cmpstr (jd_job_summary_get_id (JD_JOB_SUMMARY (jd_lookup_page_get_job (fixture->page))), ==, JD_DEMO_JOB_WARNING);
}

static void
test_recent_lookups (Fixture       *fixture,
                     gconstpointer  data)
{
  JdHistory *history = jd_application_get_history (fixture->app);
  g_autoptr(JdHistoryItem) first = NULL;
  g_autoptr(JdHistoryItem) second = NULL;
  GtkWidget *list;
  GtkWidget *row;

  jd_history_clear (history);

  type_and_look_up (fixture, JD_DEMO_JOB_SUCCESS);
  wait_for_job (fixture, JD_DEMO_JOB_SUCCESS);
  type_and_look_up (fixture, JD_DEMO_JOB_WARNING);
  wait_for_job (fixture, JD_DEMO_JOB_WARNING);
  type_and_look_up (fixture, JD_DEMO_JOB_SUCCESS);
  wait_for_job (fixture, JD_DEMO_JOB_SUCCESS);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, 2);
  first = g_list_model_get_item (G_LIST_MODEL (history), 0);
  second = g_list_model_get_item (G_LIST_MODEL (history), 1);
  g_assert_cmpstr (jd_history_item_get_job_id (first), ==, JD_DEMO_JOB_SUCCESS);
  g_assert_cmpstr (jd_history_item_get_job_id (second), ==, JD_DEMO_JOB_WARNING);
  g_assert_cmpstr (jd_history_item_get_status (second), ==, "Completed · Warning");

  /* one click away: activating the row looks the job up */
  list = jd_ui_test_find_by_id (GTK_WIDGET (fixture->page), "recent_list");
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));
  g_assert_nonnull (row);
  g_signal_emit_by_name (list, "row-activated", row);
  wait_for_job (fixture, JD_DEMO_JOB_WARNING);
}

static void
test_recent_lookups_capped (Fixture       *fixture,
                            gconstpointer  data)
{
  GSettings *settings = jd_application_get_settings (fixture->app);
  JdHistory *history = jd_application_get_history (fixture->app);
  GVariantBuilder builder;
  GtkWidget *list;
  guint rows = 0;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(sxs)"));
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *id = g_strdup_printf ("%024x", i + 1);

      g_variant_builder_add (&builder, "(sxs)", id, (gint64) 1700000000 - i, "Completed · Success");
    }
  /* rows of the old setting, moved into the history file as at a start
   * after an upgrade */
  g_settings_set_value (settings, "history", g_variant_builder_end (&builder));
  jd_history_finish_writing (history);
  g_assert_cmpint (g_remove (history_path ()), ==, 0);
  jd_history_reload (history);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, 30);

  type_and_look_up (fixture, JD_DEMO_JOB_SUCCESS);
  wait_for_job (fixture, JD_DEMO_JOB_SUCCESS);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, 31);
  list = jd_ui_test_find_by_id (GTK_WIDGET (fixture->page), "recent_list");
  while (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), rows) != NULL)
    rows++;
  g_assert_cmpuint (rows, ==, 20);
}

static void
test_cancel_lookup (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *cancel = jd_ui_test_find_by_id (GTK_WIDGET (fixture->page), "cancel_button");
  g_autoptr(JdBrokenServer) silent = jd_broken_server_new (NULL);
  g_autoptr(JdClient) client = NULL;

  /* Status first answers even the 100,000-message job at once: a Server
   * that says nothing keeps the lookup going long enough to cancel it. */
  jd_broken_server_set_scenario (silent, "never-answers");
  client = jd_client_new (NULL, jd_broken_server_get_base_url (silent));
  jd_client_set_access_token (client, "token");
  jd_application_set_client (fixture->app, client);
  type_and_look_up (fixture, JD_DEMO_JOB_HUGE);
  g_assert_true (jd_ui_test_wait_for_string (fixture->page, "state", "loading", WAIT_MS));
  g_signal_emit_by_name (cancel, "clicked");

  g_assert_cmpint (jd_lookup_page_get_state (fixture->page), ==, JD_LOOKUP_STATE_EMPTY);
  jd_ui_test_spin (500);
  g_assert_cmpint (jd_lookup_page_get_state (fixture->page), ==, JD_LOOKUP_STATE_EMPTY);
  g_assert_null (jd_lookup_page_get_job (fixture->page));
  jd_application_set_client (fixture->app, fixture->client);
  jd_broken_server_stop (silent);
}

static void
test_newer_lookup_wins (Fixture       *fixture,
                        gconstpointer  data)
{
  type_and_look_up (fixture, JD_DEMO_JOB_HUGE);
  type_and_look_up (fixture, JD_DEMO_JOB_ERROR);
  wait_for_job (fixture, JD_DEMO_JOB_ERROR);
  jd_ui_test_spin (1000);

  g_assert_cmpstr (jd_job_summary_get_id (JD_JOB_SUMMARY (jd_lookup_page_get_job (fixture->page))), ==, JD_DEMO_JOB_ERROR);
}

static void
test_close_while_looking_up (Fixture       *fixture,
                             gconstpointer  data)
{
  type_and_look_up (fixture, JD_DEMO_JOB_HUGE);
  jd_ui_test_spin (20);

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  fixture->window = NULL;

  /* The answer arrives, or is cancelled, with nobody left to show it. */
  jd_ui_test_spin (1500);
}

static void
test_signed_out_then_signed_in (Fixture       *fixture,
                                gconstpointer  data)
{
  jd_application_set_client (fixture->app, NULL);
  g_assert_cmpint (jd_lookup_page_get_state (fixture->page), ==, JD_LOOKUP_STATE_SIGNED_OUT);

  /* An ID asked for while signed out is looked up once signed in. */
  type_and_look_up (fixture, JD_DEMO_JOB_SUCCESS);
  g_assert_cmpint (jd_lookup_page_get_state (fixture->page), ==, JD_LOOKUP_STATE_SIGNED_OUT);

  jd_application_set_client (fixture->app, fixture->client);
  wait_for_job (fixture, JD_DEMO_JOB_SUCCESS);
}

static void
test_unauthorized_offers_sign_in (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(JdClient) client = jd_client_new (NULL, jd_demo_server_get_base_url (fixture->server));

  jd_client_set_access_token (client, "expired-or-made-up");
  jd_application_set_client (fixture->app, client);

  type_and_look_up (fixture, JD_DEMO_JOB_SUCCESS);
  wait_settled (fixture);
  g_assert_cmpint (jd_lookup_page_get_state (fixture->page), ==, JD_LOOKUP_STATE_ERROR);
  g_assert_true (gtk_widget_get_visible (jd_ui_test_find_by_id (GTK_WIDGET (fixture->page), "sign_in_again_button")));
  g_assert_false (gtk_widget_get_visible (jd_ui_test_find_by_id (GTK_WIDGET (fixture->page), "retry_button")));
}

static void
test_copy_file_names (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GListModel *outputs;

  type_and_look_up (fixture, JD_DEMO_JOB_SUCCESS);
  wait_settled (fixture);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.copy-file-names", NULL));
  text = jd_ui_test_read_clipboard (GTK_WIDGET (fixture->window));
  g_assert_nonnull (text);
  /* Taken now: the full answer (status first) replaces the job. */
  outputs = jd_job_get_outputs (jd_lookup_page_get_job (fixture->page));
  lines = g_strsplit (text, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, g_list_model_get_n_items (outputs));
}

static void
test_workflow_job_opens_on_job_page (Fixture       *fixture,
                                     gconstpointer  data)
{
  AdwViewStack *stack = jd_window_get_view_stack (fixture->window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-workflow-jobs", NULL));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "workflow");

  g_signal_emit_by_name (jd_window_get_workflow_page (fixture->window), "job-activated", JD_DEMO_JOB_ERROR);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "job");
  wait_for_job (fixture, JD_DEMO_JOB_ERROR);
}

static void
test_shortcuts (Fixture       *fixture,
                gconstpointer  data)
{
  struct { const char *action; const char *accel; } expected[] = {
    { "win.focus-job-entry", "<Control>l" },
    { "win.refresh", "<Control>r" },
    { "win.copy-file-names", "<Shift><Control>c" },
    { "app.quit", "<Control>q" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app), expected[i].action);
      gboolean found = FALSE;

      for (guint j = 0; accels[j] != NULL; j++)
        {
          guint key_a, key_b;
          GdkModifierType mods_a, mods_b;

          gtk_accelerator_parse (accels[j], &key_a, &mods_a);
          gtk_accelerator_parse (expected[i].accel, &key_b, &mods_b);
          found |= key_a == key_b && mods_a == mods_b;
        }

      g_assert_true (found);
    }

  /* Ctrl+L puts the focus in the entry */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.focus-job-entry", NULL));
  jd_ui_test_spin (50);
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (fixture->window)), GTK_WIDGET (fixture->entry)) ||
                 gtk_window_get_focus (GTK_WINDOW (fixture->window)) == GTK_WIDGET (fixture->entry));
}

static void
test_window_size_remembered (Fixture       *fixture,
                             gconstpointer  data)
{
  GSettings *settings = jd_application_get_settings (fixture->app);

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 640);
  jd_ui_test_spin (50);
  gtk_window_close (GTK_WINDOW (fixture->window));
  fixture->window = NULL;
  jd_ui_test_spin (50);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);
}

static void
test_accessible_names (Fixture       *fixture,
                       gconstpointer  data)
{
  /* The entry is found by role and name by screen readers; here we check
   * the template set the name (GTK_A11Y=test would expose it too). */
  g_assert_true (GTK_IS_ENTRY (fixture->entry));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (fixture->entry)), ==, GTK_ACCESSIBLE_ROLE_TEXT_BOX);
}

/* ------------------------------------------------------------------ */
/* History                                                             */

static void
test_history_search_and_reopen (Fixture       *fixture,
                                gconstpointer  data)
{
  JdHistoryPage *history_page = jd_window_get_history_page (fixture->window);
  GListModel *shown = jd_history_page_get_shown (history_page);
  g_autoptr(JdHistoryItem) item = NULL;

  jd_history_clear (jd_application_get_history (fixture->app));
  type_and_look_up (fixture, JD_DEMO_JOB_SUCCESS);
  wait_for_job (fixture, JD_DEMO_JOB_SUCCESS);
  type_and_look_up (fixture, JD_DEMO_JOB_ERROR);
  wait_for_job (fixture, JD_DEMO_JOB_ERROR);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-history", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);

  /* by status words */
  jd_history_page_set_search (history_page, "success");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  item = g_list_model_get_item (shown, 0);
  g_assert_cmpstr (jd_history_item_get_job_id (item), ==, JD_DEMO_JOB_SUCCESS);

  /* by part of the ID */
  jd_history_page_set_search (history_page, "D8E");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  jd_history_page_set_search (history_page, "nothing like this");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  jd_history_page_set_search (history_page, "");

  /* one click to reopen: the job is open already, so its tab comes back */
  g_signal_emit_by_name (history_page, "job-activated", JD_DEMO_JOB_SUCCESS);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (jd_window_get_view_stack (fixture->window)), ==, "job");
  fixture->page = jd_window_get_lookup_page (fixture->window);
  wait_for_job (fixture, JD_DEMO_JOB_SUCCESS);
}

static void
test_history_clear (Fixture       *fixture,
                    gconstpointer  data)
{
  JdHistoryPage *history_page = jd_window_get_history_page (fixture->window);

  type_and_look_up (fixture, JD_DEMO_JOB_SUCCESS);
  wait_for_job (fixture, JD_DEMO_JOB_SUCCESS);
  g_assert_cmpuint (g_list_model_get_n_items (jd_history_page_get_shown (history_page)), >, 0);

  jd_history_page_clear (history_page);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (jd_application_get_history (fixture->app))), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (jd_history_page_get_shown (history_page)), ==, 0);
  /* the recent lookups follow */
  g_assert_false (gtk_widget_get_visible (jd_ui_test_find_by_id (GTK_WIDGET (fixture->page), "recent_box")));
}

/* ------------------------------------------------------------------ */
/* Servers                                                             */

static void
test_servers_remembered_and_listed (Fixture       *fixture,
                                    gconstpointer  data)
{
  GMenuModel *menu = jd_servers_get_menu (jd_application_get_servers (fixture->app));
  g_autofree char *host = jd_servers_describe (jd_client_get_base_url (fixture->client));
  g_autoptr(JdClient) other = jd_client_new (NULL, "https://ayx.example.com/webapi");
  g_autoptr(GVariant) state = NULL;

  jd_servers_remember (jd_application_get_servers (fixture->app), jd_client_get_base_url (fixture->client), jd_client_get_auth_kind (fixture->client));
  jd_client_set_access_token (other, "t0ken");
  jd_servers_remember (jd_application_get_servers (fixture->app), jd_client_get_base_url (other), jd_client_get_auth_kind (other));
  jd_servers_remember (jd_application_get_servers (fixture->app), jd_client_get_base_url (fixture->client), jd_client_get_auth_kind (fixture->client));

  /* newest first, no duplicates */
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 2);
  {
    g_autofree char *label = NULL;

    g_menu_model_get_item_attribute (menu, 0, G_MENU_ATTRIBUTE_LABEL, "s", &label);
    g_assert_true (g_str_has_prefix (label, host));
    g_free (g_steal_pointer (&label));
    g_menu_model_get_item_attribute (menu, 1, G_MENU_ATTRIBUTE_LABEL, "s", &label);
    g_assert_cmpstr (label, ==, "ayx.example.com (access token)");
  }

  /* the current one is checked, and named in the window title */
  state = g_action_group_get_action_state (G_ACTION_GROUP (fixture->app), "server");
  g_assert_true (g_str_has_suffix (g_variant_get_string (state, NULL), jd_client_get_base_url (fixture->client)));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), host));
}

static void
test_servers_switch_without_saved_credentials (Fixture       *fixture,
                                               gconstpointer  data)
{
  g_autofree char *target = g_strdup ("access-token https://ayx.example.com/webapi");
  GtkWindow *dialog;

  /* No keyring entry for it (or no keyring): the dialog asks, filled in. */
  g_action_group_change_action_state (G_ACTION_GROUP (fixture->app), "server", g_variant_new_string (target));
  g_assert_true (jd_ui_test_wait_for ((JdUiTestCondition) jd_window_get_sign_in_dialog, fixture->window, WAIT_MS));
  dialog = jd_window_get_sign_in_dialog (fixture->window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  /* the current server stays until the new one is signed in */
  g_assert_true (jd_application_get_client (fixture->app) == fixture->client);
}

static gboolean
recent_page_hidden (gpointer data)
{
  Fixture *fixture = data;
  AdwViewStack *stack = jd_window_get_view_stack (fixture->window);
  GtkWidget *child = adw_view_stack_get_child_by_name (stack, "recent");

  /* the page is built inside the stack's child when first needed */
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (jd_window_get_recent_jobs_page (fixture->window)), child));
  return !adw_view_stack_page_get_visible (adw_view_stack_get_page (stack, child));
}

static void
test_recent_jobs_page_hidden_when_refused (Fixture       *fixture,
                                           gconstpointer  data)
{
  g_autoptr(JdClient) viewer = jd_ui_test_demo_client_new (fixture->server, TRUE);

  /* a Curator on a new Server has the page */
  jd_ui_test_spin (500);
  g_assert_false (recent_page_hidden (fixture));

  /* an account the Server refuses the list does not, and is not bothered */
  jd_application_set_client (fixture->app, viewer);
  g_assert_true (jd_ui_test_wait_for (recent_page_hidden, fixture, WAIT_MS));

  jd_application_set_client (fixture->app, fixture->client);
  g_assert_false (recent_page_hidden (fixture));
}

/* The first frame does without what it does not show: the history and
 * workflow pages are built when first shown, a tab's job view with its
 * first job. Built late, they work as if built early. */
static void
test_pages_built_when_first_shown (Fixture       *fixture,
                                   gconstpointer  data)
{
  AdwViewStack *stack = jd_window_get_view_stack (fixture->window);
  GtkWidget *history = adw_view_stack_get_child_by_name (stack, "history");
  GtkWidget *workflow = adw_view_stack_get_child_by_name (stack, "workflow");
  GtkWidget *workflow_page;

  g_assert_null (adw_bin_get_child (ADW_BIN (history)));
  g_assert_null (adw_bin_get_child (ADW_BIN (workflow)));
  g_assert_null (jd_ui_test_find_by_type (GTK_WIDGET (fixture->page), JD_TYPE_JOB_VIEW));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-workflow-jobs", NULL));
  workflow_page = adw_bin_get_child (ADW_BIN (workflow));
  g_assert_true (JD_IS_WORKFLOW_PAGE (workflow_page));
  g_assert_true (jd_workflow_page_get_client (JD_WORKFLOW_PAGE (workflow_page)) == fixture->client);
  g_assert_null (adw_bin_get_child (ADW_BIN (history)));

  adw_view_stack_set_visible_child_name (stack, "history");
  g_assert_true (JD_IS_HISTORY_PAGE (adw_bin_get_child (ADW_BIN (history))));

  type_and_look_up (fixture, JD_DEMO_JOB_SUCCESS);
  g_assert_true (jd_ui_test_wait_for (state_settled, fixture, WAIT_MS));
  g_assert_cmpint (jd_lookup_page_get_state (fixture->page), ==, JD_LOOKUP_STATE_JOB);
  g_assert_nonnull (jd_ui_test_find_by_type (GTK_WIDGET (fixture->page), JD_TYPE_JOB_VIEW));
  g_assert_true (gtk_widget_get_mapped (jd_ui_test_find_by_type (GTK_WIDGET (fixture->page), JD_TYPE_JOB_VIEW)));
}

int
main (int   argc,
      char *argv[])
{
  jd_ui_test_init (&argc, &argv);
  notifications = jd_ui_test_get_notifications ();

#define ADD(path, func) \
  g_test_add ("/ui/window/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("look-up/completed-job", test_look_up_completed_job);
  ADD ("look-up/from-surrounding-text", test_look_up_from_text);
  ADD ("look-up/invalid-text-sends-nothing", test_invalid_text_sends_nothing);
  ADD ("look-up/unknown-id-not-found", test_unknown_id_not_found);
  ADD ("look-up/retry-after-error", test_retry_after_error);
  ADD ("look-up/refresh", test_refresh);
  ADD ("look-up/cancel", test_cancel_lookup);
  ADD ("look-up/newer-lookup-wins", test_newer_lookup_wins);
  ADD ("look-up/close-window-while-in-flight", test_close_while_looking_up);
  ADD ("look-up/unauthorized-offers-sign-in", test_unauthorized_offers_sign_in);
  ADD ("recent/remembered-newest-first", test_recent_lookups);
  ADD ("recent/at-most-twenty", test_recent_lookups_capped);
  ADD ("signed-out/lookup-waits-for-sign-in", test_signed_out_then_signed_in);
  ADD ("copy-file-names/shortcut-action", test_copy_file_names);
  ADD ("workflow/job-opens-on-job-page", test_workflow_job_opens_on_job_page);
  ADD ("keyboard/shortcuts", test_shortcuts);
  ADD ("window/size-remembered", test_window_size_remembered);
  ADD ("a11y/entry-role", test_accessible_names);
  ADD ("history/search-and-reopen", test_history_search_and_reopen);
  ADD ("history/clear", test_history_clear);
  ADD ("servers/remembered-and-listed", test_servers_remembered_and_listed);
  ADD ("servers/switch-without-saved-credentials", test_servers_switch_without_saved_credentials);
  ADD ("recent-jobs/hidden-when-refused", test_recent_jobs_page_hidden_when_refused);
  ADD ("pages/built-when-first-shown", test_pages_built_when_first_shown);
#undef ADD

  return g_test_run ();
}
