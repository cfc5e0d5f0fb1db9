/* test-ui-window.c: the main window and its lookup page, driven through
 * the real widgets and actions against the sample server. */
#include "config.h"

#include <string.h>

#include "jd-lookup-page.h"
#include "jd-object-id.h"
#include "jd-ui-test-util.h"
#include "jd-window.h"
#include "jd-window-private.h"

#define WAIT_MS 20000

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
  fixture->app = jd_ui_test_app_new ();
  fixture->server = jd_ui_test_demo_server_new ();
  fixture->client = jd_ui_test_demo_client_new (fixture->server, FALSE);
  jd_application_set_client (fixture->app, fixture->client);

  fixture->window = jd_window_new (fixture->app);
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

static gboolean
state_settled (gpointer data)
{
  Fixture *fixture = data;
  const char *state = jd_lookup_page_get_state (fixture->page);

  return g_strcmp0 (state, "job") == 0 || g_strcmp0 (state, "error") == 0;
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

  return g_strcmp0 (jd_lookup_page_get_state (wait->fixture->page), "job") == 0 &&
         job != NULL && g_strcmp0 (jd_job_get_id (job), wait->id) == 0;
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

  g_assert_cmpstr (jd_lookup_page_get_state (fixture->page), ==, "job");
  job = jd_lookup_page_get_job (fixture->page);
  g_assert_nonnull (job);
  g_assert_cmpstr (jd_job_get_id (job), ==, JD_DEMO_JOB_SUCCESS);
  g_assert_cmpint (jd_job_get_state (job), ==, JD_JOB_STATE_COMPLETED);
}

static void
test_look_up_from_text (Fixture       *fixture,
                        gconstpointer  data)
{
  type_and_look_up (fixture, "  Your job https://ayx.example.com/gallery/#!/jobs/" JD_DEMO_JOB_WARNING " finished with warnings.\n");
  wait_settled (fixture);

  g_assert_cmpstr (jd_lookup_page_get_state (fixture->page), ==, "job");
  g_assert_cmpstr (jd_job_get_id (jd_lookup_page_get_job (fixture->page)), ==, JD_DEMO_JOB_WARNING);
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

  jd_ui_test_spin (100);
  requests = jd_demo_server_get_request_count (fixture->server);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      type_and_look_up (fixture, bad[i]);
      jd_ui_test_spin (50);

      g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
      g_assert_cmpuint (strlen (gtk_label_get_text (GTK_LABEL (label))), >, 10);
      g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (fixture->entry), "error"));
      g_assert_cmpstr (jd_lookup_page_get_state (fixture->page), ==, "empty");
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

  g_assert_cmpstr (jd_lookup_page_get_state (fixture->page), ==, "error");
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
  g_assert_cmpstr (jd_lookup_page_get_state (fixture->page), ==, "error");

  /* Try Again is win.refresh: the same ID once more. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.refresh", NULL));
  jd_ui_test_spin (50);
  wait_settled (fixture);
  g_assert_cmpstr (jd_lookup_page_get_state (fixture->page), ==, "error");
}

static void
test_refresh (Fixture       *fixture,
              gconstpointer  data)
{
  JdJob *first;
  guint requests;

  type_and_look_up (fixture, JD_DEMO_JOB_RUNNING);
  wait_settled (fixture);
  first = jd_lookup_page_get_job (fixture->page);
  requests = jd_demo_server_get_request_count (fixture->server);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.refresh", NULL));
  g_assert_true (jd_ui_test_wait_for_string (fixture->page, "state", "job", WAIT_MS));
  jd_ui_test_spin (200);
  wait_settled (fixture);

  g_assert_cmpuint (jd_demo_server_get_request_count (fixture->server), ==, requests + 1);
  g_assert_true (jd_lookup_page_get_job (fixture->page) != first);
  g_assert_cmpstr (jd_job_get_id (jd_lookup_page_get_job (fixture->page)), ==, JD_DEMO_JOB_RUNNING);
}

static void
test_recent_lookups (Fixture       *fixture,
                     gconstpointer  data)
{
  GSettings *settings = jd_application_get_settings (fixture->app);
  g_auto(GStrv) recent = NULL;
  GtkWidget *list;
  GtkWidget *row;

  g_settings_set_strv (settings, "recent-jobs", NULL);

  type_and_look_up (fixture, JD_DEMO_JOB_SUCCESS);
  wait_for_job (fixture, JD_DEMO_JOB_SUCCESS);
  type_and_look_up (fixture, JD_DEMO_JOB_WARNING);
  wait_for_job (fixture, JD_DEMO_JOB_WARNING);
  type_and_look_up (fixture, JD_DEMO_JOB_SUCCESS);
  wait_for_job (fixture, JD_DEMO_JOB_SUCCESS);

  recent = g_settings_get_strv (settings, "recent-jobs");
  g_assert_cmpuint (g_strv_length (recent), ==, 2);
  g_assert_cmpstr (recent[0], ==, JD_DEMO_JOB_SUCCESS);
  g_assert_cmpstr (recent[1], ==, JD_DEMO_JOB_WARNING);

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
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) many = NULL;
  g_auto(GStrv) recent = NULL;

  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *id = g_strdup_printf ("%024x", i + 1);

      g_strv_builder_add (builder, id);
    }
  many = g_strv_builder_end (builder);
  g_settings_set_strv (settings, "recent-jobs", (const char * const *) many);

  type_and_look_up (fixture, JD_DEMO_JOB_SUCCESS);
  wait_settled (fixture);

  recent = g_settings_get_strv (settings, "recent-jobs");
  g_assert_cmpuint (g_strv_length (recent), ==, 20);
  g_assert_cmpstr (recent[0], ==, JD_DEMO_JOB_SUCCESS);
}

static void
test_cancel_lookup (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *cancel = jd_ui_test_find_by_id (GTK_WIDGET (fixture->page), "cancel_button");

  /* The 100,000-message job takes long enough to be cancelled. */
  type_and_look_up (fixture, JD_DEMO_JOB_HUGE);
  g_assert_true (jd_ui_test_wait_for_string (fixture->page, "state", "loading", WAIT_MS));
  g_signal_emit_by_name (cancel, "clicked");

  g_assert_cmpstr (jd_lookup_page_get_state (fixture->page), ==, "empty");
  jd_ui_test_spin (500);
  g_assert_cmpstr (jd_lookup_page_get_state (fixture->page), ==, "empty");
  g_assert_null (jd_lookup_page_get_job (fixture->page));
}

static void
test_newer_lookup_wins (Fixture       *fixture,
                        gconstpointer  data)
{
  type_and_look_up (fixture, JD_DEMO_JOB_HUGE);
  type_and_look_up (fixture, JD_DEMO_JOB_ERROR);
  wait_for_job (fixture, JD_DEMO_JOB_ERROR);
  jd_ui_test_spin (1000);

  g_assert_cmpstr (jd_job_get_id (jd_lookup_page_get_job (fixture->page)), ==, JD_DEMO_JOB_ERROR);
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
  g_assert_cmpstr (jd_lookup_page_get_state (fixture->page), ==, "signed-out");

  /* An ID asked for while signed out is looked up once signed in. */
  type_and_look_up (fixture, JD_DEMO_JOB_SUCCESS);
  g_assert_cmpstr (jd_lookup_page_get_state (fixture->page), ==, "signed-out");

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
  g_assert_cmpstr (jd_lookup_page_get_state (fixture->page), ==, "error");
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
  outputs = jd_job_get_outputs (jd_lookup_page_get_job (fixture->page));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.copy-file-names", NULL));
  text = jd_ui_test_read_clipboard (GTK_WIDGET (fixture->window));
  g_assert_nonnull (text);
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

int
main (int   argc,
      char *argv[])
{
  jd_ui_test_init (&argc, &argv);

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
#undef ADD

  return g_test_run ();
}
