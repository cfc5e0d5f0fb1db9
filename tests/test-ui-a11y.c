/* test-ui-a11y.c: every control and row reads one good name, as a screen
 * reader hears it.
 *
 * DESIGN §3: "Every control has an accessible name". Each case brings the
 * real window, a dialog or a popover into one state against the sample
 * server, then sweeps it (tests/jd-ui-test-a11y.c): every mapped control
 * (buttons of every kind and the buttons inside menu buttons, drop-downs
 * and password rows, menu items, switches, entries, entry rows) and every
 * row (of list boxes, lists, grids and tables, their cells and title rows)
 * is read the way GTK 4.8's AT-SPI bridge reads it for the bus: its label
 * property, then the label properties of the widgets it is labelled by,
 * else its type name. The case fails on an empty name, a type name
 * ("GtkImage", "GtkListItemWidget"), a name said twice ("Server address
 * Server address": an entry row's title and a label property; "_Keep
 * Running Keep Running": a button's label and its mnemonic label) and a
 * mnemonic underscore, listing each with its type, template id and place
 * in the tree. Where rows must say what they show (a job's ID and status,
 * a message's severity, tool and text, an output's file name), the case
 * checks that too.
 *
 * Checked against the bus: run with at-spi-bus-launcher and read with
 * pyatspi (Debian's /usr/bin/python3), the app's sign-in dialog, a failed
 * job, its messages, Workflow Jobs and the Recent lookups popover gave the
 * same names as this reading, before the fixes ("Server address Server
 * address", "GtkImage" for the reveal and Close Tab buttons, "table cell
 * GtkListItemWidget" for messages, "table row GtkListItemWidget" and
 * "table cell GtkColumnViewCell" for jobs, "" for output rows) and after
 * them (see the report of issue 15). */
#include "config.h"

#include <string.h>

#include "jd-broken-server.h"
#include "jd-job-view.h"
#include "jd-job-view-private.h"
#include "jd-history-page.h"
#include "jd-lookup-page.h"
#include "jd-message-row.h"
#include "jd-output-row.h"
#include "jd-sign-in-dialog.h"
#include "jd-ui-test-a11y.h"
#include "jd-ui-test-util.h"
#include "jd-window.h"
#include "jd-window-private.h"

#define WAIT_MS 20000

/* ------------------------------------------------------------------ */
/* The window against the sample server                                */

typedef struct
{
  JdApplication *app;
  JdDemoServer  *server;
  JdClient      *client;
  JdWindow      *window;
  JdLookupPage  *page;
} Fixture;

static void
set_up (Fixture *fixture,
        int      width,
        int      height)
{
  fixture->app = jd_ui_test_app_new ();
  fixture->server = jd_ui_test_demo_server_new ();
  fixture->client = jd_ui_test_demo_client_new (fixture->server, FALSE);
  jd_application_set_client (fixture->app, fixture->client);

  fixture->window = jd_application_new_window (fixture->app);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, height);
  gtk_window_present (GTK_WINDOW (fixture->window));
  fixture->page = jd_window_get_lookup_page (fixture->window);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  set_up (fixture, 1100, 800);
}

/* As on a phone: squeezed buttons show their icons alone. */
static void
fixture_set_up_narrow (Fixture       *fixture,
                       gconstpointer  data)
{
  set_up (fixture, 360, 720);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (fixture->app));
       l != NULL;
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
  const char   *state;
  const char   *id;
} PageWait;

static gboolean
page_in_state (gpointer data)
{
  PageWait *wait = data;
  JdJob *job = jd_lookup_page_get_job (wait->page);

  if (g_strcmp0 (jd_lookup_state_to_child_name (jd_lookup_page_get_state (wait->page)), wait->state) != 0)
    return FALSE;
  return wait->id == NULL || (job != NULL && g_strcmp0 (jd_job_summary_get_id (JD_JOB_SUMMARY (job)), wait->id) == 0);
}

/* Looks up id in the current tab and waits for the job (or the error). */
static void
look_up (Fixture    *fixture,
         const char *id,
         const char *state)
{
  PageWait wait = { NULL, state, g_str_equal (state, "job") ? id : NULL };

  jd_window_open_job (fixture->window, id);
  fixture->page = wait.page = jd_window_get_lookup_page (fixture->window);
  g_assert_true (jd_ui_test_wait_for (page_in_state, &wait, WAIT_MS));
}

typedef struct
{
  GtkWidget *root;
  GType      type;
} MappedWait;

static gboolean
mapped_one_of_type (gpointer data)
{
  MappedWait *wait = data;
  g_autoptr(GPtrArray) found = jd_ui_test_find_all (wait->root, wait->type);

  for (guint i = 0; i < found->len; i++)
    if (gtk_widget_get_mapped (found->pdata[i]))
      return TRUE;
  return FALSE;
}

/* Waits until a list shows at least one row of this type. */
static void
wait_for_rows (GtkWidget *root,
               GType      type)
{
  MappedWait wait = { root, type };

  g_assert_true (jd_ui_test_wait_for (mapped_one_of_type, &wait, WAIT_MS));
}

static GtkWidget *
job_view (Fixture *fixture)
{
  GtkWidget *view = jd_ui_test_find_by_type (GTK_WIDGET (fixture->page), JD_TYPE_JOB_VIEW);

  g_assert_nonnull (view);
  return view;
}

/* How many of the rows read match pattern (anchored). */
static guint
count_rows_matching (GPtrArray  *row_names,
                     const char *pattern)
{
  guint n = 0;

  for (guint i = 0; i < row_names->len; i++)
    if (g_regex_match_simple (pattern, row_names->pdata[i], 0, G_REGEX_MATCH_ANCHORED))
      n++;
  return n;
}

static gboolean
has_row (GPtrArray  *row_names,
         const char *name)
{
  for (guint i = 0; i < row_names->len; i++)
    if (g_str_equal (row_names->pdata[i], name))
      return TRUE;
  return FALSE;
}

/* Every output row shown reads its file name. */
static void
assert_output_rows_read_file_names (GtkWidget *view,
                                    GPtrArray *row_names)
{
  g_autoptr(GPtrArray) rows = jd_ui_test_find_all (view, JD_TYPE_OUTPUT_ROW);
  guint n = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      JdJobOutput *output = jd_output_row_get_output (rows->pdata[i]);

      if (!gtk_widget_get_mapped (rows->pdata[i]) || output == NULL)
        continue;
      n++;
      if (!has_row (row_names, jd_job_output_get_file_name (output)))
        g_test_fail_printf ("no row reads the file name “%s”", jd_job_output_get_file_name (output));
    }
  g_assert_cmpuint (n, >, 0);
}

/* A message row reads its severity, its tool and its text. */
#define MESSAGE_TAIL " (Tool [0-9]+|Engine|[^ ]+) [^ ].*$"
#define MESSAGE_ROW "(Error|Warning|Information|File)" MESSAGE_TAIL

/* Messages are a list of items for a screen reader (AT-SPI "list" and
 * "list item"), not cells of a one-column grid: the view and each of its
 * rows on screen, as their AT contexts (what the bus is told) have them. */
static void
assert_messages_are_list_items (GtkWidget *view)
{
  GtkWidget *list = jd_ui_test_find_by_id (view, "messages_list");
  guint n = 0;

  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_ROLE_LIST));
  for (GtkWidget *row = gtk_widget_get_first_child (list);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (!gtk_widget_get_mapped (row) || jd_ui_test_find_by_type (row, JD_TYPE_MESSAGE_ROW) == NULL)
        continue;
      n++;
      if (!gtk_test_accessible_has_role (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_ROLE_LIST_ITEM))
        g_test_fail_printf ("a message row is a %s, not a list item",
                            G_OBJECT_TYPE_NAME (row));
    }
  g_assert_cmpuint (n, >, 0);
}

/* Opens the menu button's popover and sweeps what was put in it (the
 * window's sweep stops at the menu button, a control). */
static void
assert_popover_named (GtkWidget         *menu_button,
                      const char *const *expected_ids)
{
  GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button));

  g_assert_nonnull (popover);
  gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
  g_assert_true (jd_ui_test_wait_for ((JdUiTestCondition) gtk_widget_get_mapped, popover, WAIT_MS));
  jd_ui_test_assert_all_named (GTK_WIDGET (popover), expected_ids, NULL);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (menu_button));
}

/* Opens a drop-down's list and sweeps it: each item reads its text. */
static void
assert_drop_down_named (GtkWidget *drop_down)
{
  GtkWidget *button = jd_ui_test_find_by_type (drop_down, GTK_TYPE_TOGGLE_BUTTON);
  GtkWidget *popover = jd_ui_test_find_by_type (drop_down, GTK_TYPE_POPOVER);
  GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (drop_down));
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_nonnull (button);
  g_assert_nonnull (popover);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
  g_assert_true (jd_ui_test_wait_for ((JdUiTestCondition) gtk_widget_get_mapped, popover, WAIT_MS));
  jd_ui_test_assert_all_named (popover, NULL, &rows);
  for (guint i = 0; GTK_IS_STRING_LIST (model) && i < g_list_model_get_n_items (model); i++)
    if (!has_row (rows, gtk_string_list_get_string (GTK_STRING_LIST (model), i)))
      g_test_fail_printf ("no row of the list reads “%s”", gtk_string_list_get_string (GTK_STRING_LIST (model), i));
  gtk_popover_popdown (GTK_POPOVER (popover));
}

/* A finished job: its header, facts, outputs with their rows, the menus'
 * buttons in the header bar and the job header. */
static void
test_job (Fixture       *fixture,
          gconstpointer  data)
{
  const char *expected[] = {
    "refresh_button", "menu_button", "job_entry", "recent_button", "look_up_button",
    "copy_id_button", "actions_button", "copy_app_id_button", "copy_all_button",
    "save_button", "copy_button", NULL
  };

  g_autoptr(GPtrArray) rows = NULL;

  look_up (fixture, JD_DEMO_JOB_SUCCESS, "job");
  wait_for_rows (job_view (fixture), JD_TYPE_OUTPUT_ROW);
  jd_ui_test_assert_all_named (GTK_WIDGET (fixture->window), expected, &rows);
  assert_output_rows_read_file_names (job_view (fixture), rows);
}

/* A job that failed: its error, then its messages, each row with its
 * severity, tool and text. */
static void
test_failed_job (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *expected[] = { "copy_id_button", "actions_button", NULL };
  const char *messages_expected[] = { "all_toggle", "errors_toggle", "search_entry", NULL };
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *view;

  look_up (fixture, JD_DEMO_JOB_FAILED, "job");
  view = job_view (fixture);
  jd_ui_test_assert_all_named (GTK_WIDGET (fixture->window), expected, NULL);

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (jd_ui_test_find_by_id (view, "view_stack")), "messages");
  wait_for_rows (view, JD_TYPE_MESSAGE_ROW);
  jd_ui_test_assert_all_named (GTK_WIDGET (fixture->window), messages_expected, &rows);
  g_assert_cmpuint (count_rows_matching (rows, "Error" MESSAGE_TAIL), >, 0);
  g_assert_cmpuint (count_rows_matching (rows, MESSAGE_ROW), >=, 3);
  assert_messages_are_list_items (view);
}

/* The same, narrow: what squeezes in shows its icon alone. */
static void
test_job_narrow (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *expected[] = { "job_entry", "copy_id_button", "actions_button", "copy_button", NULL };

  look_up (fixture, JD_DEMO_JOB_SUCCESS, "job");
  wait_for_rows (job_view (fixture), JD_TYPE_OUTPUT_ROW);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), <, 500);
  jd_ui_test_assert_all_named (GTK_WIDGET (fixture->window), expected, NULL);
}

/* A queued job, narrow: Remove From Queue as an icon. */
static void
test_queued_job_narrow (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *expected[] = { "remove_job_icon_button", "actions_button", NULL };

  look_up (fixture, JD_DEMO_JOB_QUEUED, "job");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), <, 500);
  jd_ui_test_assert_all_named (GTK_WIDGET (fixture->window), expected, NULL);
}

/* While a lookup, or a page of a workflow's jobs, is under way: their
 * Cancel buttons. A server that never answers keeps them there. */
static void
test_loading (Fixture       *fixture,
              gconstpointer  data)
{
  const char *expected[] = { "job_entry", "cancel_button", NULL };
  const char *workflow_expected[] = { "workflow_entry", "cancel_button", NULL };
  g_autoptr(JdBrokenServer) silent = jd_broken_server_new (NULL);
  g_autoptr(JdClient) client = NULL;
  JdWorkflowPage *workflow_page;

  jd_broken_server_set_scenario (silent, "never-answers");
  client = jd_client_new (NULL, jd_broken_server_get_base_url (silent));
  jd_client_set_access_token (client, "t0ken");
  jd_client_set_timeout (client, 300);
  jd_application_set_client (fixture->app, client);

  jd_window_open_job (fixture->window, JD_DEMO_JOB_SUCCESS);
  fixture->page = jd_window_get_lookup_page (fixture->window);
  g_assert_true (jd_ui_test_wait_for_string (fixture->page, "state", "loading", WAIT_MS));
  jd_ui_test_assert_all_named (GTK_WIDGET (fixture->window), expected, NULL);
  g_assert_cmpint (jd_lookup_page_get_state (fixture->page), ==, JD_LOOKUP_STATE_LOADING);
  jd_lookup_page_cancel (fixture->page);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-workflow-jobs", NULL));
  workflow_page = jd_window_get_workflow_page (fixture->window);
  jd_workflow_page_show_workflow (workflow_page, JD_DEMO_WORKFLOW_SALES, NULL);
  g_assert_true (jd_workflow_page_is_loading (workflow_page));
  jd_ui_test_assert_all_named (GTK_WIDGET (fixture->window), workflow_expected, NULL);
  g_assert_true (jd_workflow_page_is_loading (workflow_page));
  jd_workflow_page_cancel (workflow_page);

  jd_application_set_client (fixture->app, fixture->client);
  jd_broken_server_stop (silent);
}

/* The Messages page with its filter, search and message rows. */
static void
test_messages (Fixture       *fixture,
               gconstpointer  data)
{
  const char *expected[] = {
    "all_toggle", "errors_toggle", "warnings_toggle", "files_toggle", "info_toggle",
    "search_entry", "copy_button", NULL
  };
  const char *no_match_expected[] = { "search_entry", "all_toggle", NULL };
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *view;

  look_up (fixture, JD_DEMO_JOB_MANY_MESSAGES, "job");
  view = job_view (fixture);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (jd_ui_test_find_by_id (view, "view_stack")), "messages");
  wait_for_rows (view, JD_TYPE_MESSAGE_ROW);
  jd_ui_test_assert_all_named (GTK_WIDGET (fixture->window), expected, &rows);
  /* every message row shown, of every severity */
  g_assert_cmpuint (count_rows_matching (rows, MESSAGE_ROW), >=, 5);
  g_assert_cmpuint (count_rows_matching (rows, "Error" MESSAGE_TAIL), >, 0);
  g_assert_cmpuint (count_rows_matching (rows, "Warning" MESSAGE_TAIL), >, 0);
  assert_messages_are_list_items (view);

  /* a search nothing matches: "Show All Messages" */
  gtk_editable_set_text (GTK_EDITABLE (jd_ui_test_find_by_id (view, "search_entry")), "no message says this");
  g_assert_true (jd_ui_test_wait_for_string (jd_ui_test_find_by_id (view, "messages_stack"),
                                             "visible-child-name", "no-match", WAIT_MS));
  jd_ui_test_assert_all_named (GTK_WIDGET (fixture->window), no_match_expected, NULL);
}

/* A running job: the follow bar and Cancel Job. */
static void
test_running_job (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *expected[] = { "follow_button", "cancel_job_button", "actions_button", NULL };

  look_up (fixture, JD_DEMO_JOB_RUNNING, "job");
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (jd_ui_test_find_by_id (GTK_WIDGET (fixture->page), "follow_revealer"))));
  jd_ui_test_assert_all_named (GTK_WIDGET (fixture->window), expected, NULL);

  /* and once it is no longer followed */
  g_signal_emit_by_name (jd_ui_test_find_by_id (GTK_WIDGET (fixture->page), "follow_button"), "clicked");
  jd_ui_test_assert_all_named (GTK_WIDGET (fixture->window), expected, NULL);
}

/* A job that is not there: the error page. */
static void
test_error (Fixture       *fixture,
            gconstpointer  data)
{
  const char *expected[] = { "job_entry", "retry_button", NULL };

  look_up (fixture, JD_DEMO_JOB_UNKNOWN, "error");
  jd_ui_test_assert_all_named (GTK_WIDGET (fixture->window), expected, NULL);
}

/* A fresh window: the empty page with recent lookups. */
static void
test_empty_with_recent_lookups (Fixture       *fixture,
                                gconstpointer  data)
{
  const char *expected[] = { "job_entry", "recent_button", "look_up_button", NULL };
  JdHistory *history = jd_application_get_history (fixture->app);

  jd_history_clear (history);
  look_up (fixture, JD_DEMO_JOB_SUCCESS, "job");
  look_up (fixture, JD_DEMO_JOB_WARNING, "job");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-tab", NULL));
  fixture->page = jd_window_get_lookup_page (fixture->window);
  g_assert_cmpint (jd_lookup_page_get_state (fixture->page), ==, JD_LOOKUP_STATE_EMPTY);
  g_assert_true (gtk_widget_get_visible (jd_ui_test_find_by_id (GTK_WIDGET (fixture->page), "recent_box")));
  jd_ui_test_assert_all_named (GTK_WIDGET (fixture->window), expected, NULL);

  /* and the recent lookups' popover */
  assert_popover_named (jd_ui_test_find_by_id (GTK_WIDGET (fixture->page), "recent_button"), NULL);
}

/* Signed out: the job page and the workflow page say so. */
static void
test_signed_out (Fixture       *fixture,
                 gconstpointer  data)
{
  jd_application_set_client (fixture->app, NULL);
  g_assert_cmpint (jd_lookup_page_get_state (fixture->page), ==, JD_LOOKUP_STATE_SIGNED_OUT);
  /* the header bar's, the entry's and the page's own */
  g_assert_cmpuint (jd_ui_test_assert_all_named (GTK_WIDGET (fixture->window), NULL, NULL), >=, 7);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-workflow-jobs", NULL));
  g_assert_cmpint (jd_workflow_page_get_state (jd_window_get_workflow_page (fixture->window)), ==, JD_JOB_LIST_STATE_SIGNED_OUT);
  g_assert_cmpuint (jd_ui_test_assert_all_named (GTK_WIDGET (fixture->window), NULL, NULL), >=, 7);
}

static gboolean
workflow_jobs_shown (gpointer data)
{
  JdWorkflowPage *page = data;

  return !jd_workflow_page_is_loading (page) && jd_workflow_page_get_state (page) == JD_JOB_LIST_STATE_JOBS;
}

/* A workflow's jobs: entry, browse button, filters, the list, the pager. */
static void
test_workflow (Fixture       *fixture,
               gconstpointer  data)
{
  const char *expected[] = {
    "workflow_entry", "browse_button", "show_button",
    "status_dropdown", "result_dropdown", "sort_dropdown", "previous_button", "next_button", NULL
  };
  const char *browse_expected[] = { "browse_search", NULL };
  const char *const dropdowns[] = { "status_dropdown", "result_dropdown", "sort_dropdown" };
  g_autoptr(GPtrArray) rows = NULL;
  JdWorkflowPage *page;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-workflow-jobs", NULL));
  page = jd_window_get_workflow_page (fixture->window);
  jd_workflow_page_show_workflow (page, JD_DEMO_WORKFLOW_SALES, NULL);

  g_assert_true (jd_ui_test_wait_for (workflow_jobs_shown, page, WAIT_MS));
  jd_ui_test_assert_all_named (GTK_WIDGET (fixture->window), expected, &rows);
  /* each job's row: its ID and status ("Job 66eb…, Completed") */
  g_assert_cmpuint (count_rows_matching (rows, "Job [0-9a-f]{24}, [^ ,]+(, result .+)?$"), >=, 5);
  g_assert_true (has_row (rows, "Column titles"));

  /* and the popover that lists the workflows */
  assert_popover_named (jd_ui_test_find_by_id (GTK_WIDGET (page), "browse_button"), browse_expected);

  /* and each filter's list */
  for (guint i = 0; i < G_N_ELEMENTS (dropdowns); i++)
    assert_drop_down_named (jd_ui_test_find_by_id (GTK_WIDGET (page), dropdowns[i]));
}

/* The history, with entries. */
static void
test_history (Fixture       *fixture,
              gconstpointer  data)
{
  const char *expected[] = { "search_entry", "clear_button", NULL };
  JdHistoryPage *page;

  jd_history_clear (jd_application_get_history (fixture->app));
  look_up (fixture, JD_DEMO_JOB_SUCCESS, "job");
  look_up (fixture, JD_DEMO_JOB_ERROR, "job");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-history", NULL));
  page = jd_window_get_history_page (fixture->window);
  g_assert_cmpuint (g_list_model_get_n_items (jd_history_page_get_shown (page)), ==, 2);
  jd_ui_test_assert_all_named (GTK_WIDGET (fixture->window), expected, NULL);
}

static gboolean
recent_jobs_shown (gpointer data)
{
  JdRecentJobsPage *page = data;

  return !jd_recent_jobs_page_is_loading (page) && jd_recent_jobs_page_get_state (page) == JD_JOB_LIST_STATE_JOBS;
}

/* The recent jobs of all workflows. */
static void
test_recent_jobs (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *expected[] = { "status_dropdown", "sort_dropdown", "reload_button", "next_button", NULL };
  AdwViewStack *stack = jd_window_get_view_stack (fixture->window);

  adw_view_stack_set_visible_child_name (stack, "recent");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "recent");
  g_assert_true (jd_ui_test_wait_for (recent_jobs_shown, jd_window_get_recent_jobs_page (fixture->window), WAIT_MS));
  jd_ui_test_assert_all_named (GTK_WIDGET (fixture->window), expected, NULL);
}

/* ------------------------------------------------------------------ */
/* Dialogs and popovers                                                */

/* A message dialog the window opened, once it is on screen. */
static gboolean
message_dialog_shown (gpointer data)
{
  AdwMessageDialog **found = data;
  GListModel *toplevels = gtk_window_get_toplevels ();  /* not ours */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_mapped (window))
        {
          *found = ADW_MESSAGE_DIALOG (window);
          return TRUE;
        }
    }
  return FALSE;
}

/* Sweeps the message dialog on screen; its buttons read these names. */
static void
assert_message_dialog_named (const char *const *names)
{
  AdwMessageDialog *dialog = NULL;
  g_autoptr(GPtrArray) buttons = NULL;

  g_assert_true (jd_ui_test_wait_for (message_dialog_shown, &dialog, WAIT_MS));
  g_assert_cmpuint (jd_ui_test_assert_all_named (GTK_WIDGET (dialog), NULL, NULL), >=, g_strv_length ((char **) names));

  buttons = jd_ui_test_find_all (GTK_WIDGET (dialog), GTK_TYPE_BUTTON);
  for (guint i = 0; names[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < buttons->len && !found; j++)
        {
          g_autofree char *name = jd_ui_test_accessible_name (buttons->pdata[j], NULL);

          found = g_str_equal (name, names[i]);
        }
      if (!found)
        g_test_fail_printf ("no button of the dialog reads “%s”", names[i]);
    }
  adw_message_dialog_response (dialog, adw_message_dialog_get_close_response (dialog));
  gtk_window_close (GTK_WINDOW (dialog));
}

/* Cancel Job's confirmation: "Keep Running", "Cancel Job". */
static void
test_cancel_job_dialog (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *names[] = { "Keep Running", "Cancel Job", NULL };

  look_up (fixture, JD_DEMO_JOB_RUNNING, "job");
  g_assert_true (gtk_widget_activate_action (job_view (fixture), "job-view.cancel-job", NULL));
  assert_message_dialog_named (names);
}

/* Remove From Queue's confirmation. */
static void
test_remove_job_dialog (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *names[] = { "Keep in Queue", "Remove From Queue", NULL };

  look_up (fixture, JD_DEMO_JOB_QUEUED, "job");
  g_assert_true (gtk_widget_activate_action (job_view (fixture), "job-view.remove-job", NULL));
  assert_message_dialog_named (names);
}

/* Clear History's confirmation ("C_lear History": a mnemonic inside a
 * word). */
static void
test_clear_history_dialog (Fixture       *fixture,
                           gconstpointer  data)
{
  const char *names[] = { "Cancel", "Clear History", NULL };
  GtkWidget *clear_button;

  look_up (fixture, JD_DEMO_JOB_SUCCESS, "job");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-history", NULL));
  clear_button = jd_ui_test_find_by_id (GTK_WIDGET (jd_window_get_history_page (fixture->window)), "clear_button");
  g_assert_true (jd_ui_test_wait_for ((JdUiTestCondition) gtk_widget_is_sensitive, clear_button, WAIT_MS));
  g_signal_emit_by_name (clear_button, "clicked");
  assert_message_dialog_named (names);
}

/* The main menu: its items read their labels, without underscores. */
static void
test_main_menu (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *menu_button = jd_ui_test_find_by_id (GTK_WIDGET (fixture->window), "menu_button");
  GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button));
  g_autoptr(GPtrArray) items = NULL;

  gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
  g_assert_true (jd_ui_test_wait_for ((JdUiTestCondition) gtk_widget_get_mapped, popover, WAIT_MS));
  /* the menu's items, and nothing else to name in it */
  g_assert_cmpuint (jd_ui_test_assert_all_named (GTK_WIDGET (popover), NULL, NULL), >=, 3);
  items = jd_ui_test_find_all (GTK_WIDGET (popover), g_type_from_name ("GtkModelButton"));
  g_assert_cmpuint (items->len, >=, 3);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (menu_button));
}

static gboolean
popover_list_laid_out (gpointer data)
{
  GtkWidget *list = data;

  return gtk_widget_get_mapped (list) && gtk_widget_get_width (list) > 0;
}

/* The Recent lookups popover shows a whole job ID and its status on one
 * line each (it was 66 px wide, two characters a line), and a long list
 * scrolls within a bounded height. */
static void
test_recent_lookups_popover_fits_ids (Fixture       *fixture,
                                      gconstpointer  data)
{
  const char *ids[] = {
    JD_DEMO_JOB_SUCCESS, JD_DEMO_JOB_WARNING, JD_DEMO_JOB_ERROR, JD_DEMO_JOB_FAILED,
    JD_DEMO_JOB_CANCELLED, JD_DEMO_JOB_QUEUED, JD_DEMO_JOB_CREATED, JD_DEMO_JOB_NO_MESSAGES,
    JD_DEMO_JOB_SPARSE, JD_DEMO_JOB_LONG_QUEUED, NULL
  };
  GtkWidget *recent_button;
  GtkWidget *list;
  GtkWidget *scroller;
  g_autoptr(GPtrArray) labels = NULL;
  GtkAdjustment *vadjustment;
  guint n_ids = 0;

  jd_history_clear (jd_application_get_history (fixture->app));
  for (guint i = 0; ids[i] != NULL; i++)
    look_up (fixture, ids[i], "job");

  recent_button = jd_ui_test_find_by_id (GTK_WIDGET (fixture->page), "recent_button");
  list = jd_ui_test_find_by_id (GTK_WIDGET (fixture->page), "recent_popover_list");
  gtk_menu_button_popup (GTK_MENU_BUTTON (recent_button));
  g_assert_true (jd_ui_test_wait_for (popover_list_laid_out, list, WAIT_MS));
  jd_ui_test_spin (200);

  /* every ID, and every status, on one line: allocated its natural width */
  labels = jd_ui_test_find_all (list, GTK_TYPE_LABEL);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = labels->pdata[i];
      const char *text = gtk_label_get_text (GTK_LABEL (label));
      int natural;

      if (!gtk_widget_get_mapped (label) || *text == '\0')
        continue;
      gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      g_test_message ("“%s”: %d px of %d", text, gtk_widget_get_width (label), natural);
      g_assert_cmpint (gtk_widget_get_width (label), >=, natural);
      if (strlen (text) == 24)
        n_ids++;
    }
  g_assert_cmpuint (n_ids, >, 0);

  /* ten lookups do not fit in 420 px: the list scrolls */
  scroller = gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW);
  vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  g_assert_cmpint (gtk_widget_get_height (scroller), <=, 420);
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadjustment), >, gtk_adjustment_get_page_size (vadjustment));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (recent_button));
}

/* ------------------------------------------------------------------ */
/* The sign-in dialog                                                  */

static JdSignInDialog *
open_sign_in (Fixture *fixture)
{
  JdSignInDialog *dialog;

  jd_window_show_sign_in (fixture->window, NULL);
  dialog = JD_SIGN_IN_DIALOG (jd_window_get_sign_in_dialog (fixture->window));
  g_assert_nonnull (dialog);
  return dialog;
}

static void
type_into (JdSignInDialog *dialog,
           const char     *id,
           const char     *text)
{
  gtk_editable_set_text (GTK_EDITABLE (jd_ui_test_find_by_id (GTK_WIDGET (dialog), id)), text);
}

/* API key and secret; an address without a scheme brings a suggestion. */
static void
test_sign_in_api_key (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *expected[] = {
    "cancel_button", "sign_in_button", "server_row", "use_suggestion_button",
    "api_key_toggle", "access_token_toggle", "key_row", "secret_row", "demo_button", NULL
  };
  JdSignInDialog *dialog = open_sign_in (fixture);

  g_autoptr(GPtrArray) buttons = NULL;
  g_autofree char *name = NULL;
  GtkWidget *reveal = NULL;

  jd_sign_in_dialog_set_kind (dialog, JD_AUTH_API_KEY);
  type_into (dialog, "server_row", "ayx.example.com");
  jd_ui_test_assert_all_named (GTK_WIDGET (dialog), expected, NULL);

  /* and with the secret shown: the reveal button says what it does */
  buttons = jd_ui_test_find_all (jd_ui_test_find_by_id (GTK_WIDGET (dialog), "secret_row"), GTK_TYPE_BUTTON);
  for (guint i = 0; i < buttons->len && reveal == NULL; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (buttons->pdata[i]), "Show Text") == 0)
      reveal = buttons->pdata[i];
  g_assert_nonnull (reveal);
  name = jd_ui_test_accessible_name (reveal, NULL);
  g_assert_cmpstr (name, ==, "Show Text");
  g_signal_emit_by_name (reveal, "clicked");
  jd_ui_test_assert_all_named (GTK_WIDGET (dialog), expected, NULL);
  g_free (name);
  name = jd_ui_test_accessible_name (reveal, NULL);
  g_assert_cmpstr (name, ==, "Hide Text");
}

/* An access token; an unencrypted address brings its switch. */
static void
test_sign_in_access_token (Fixture       *fixture,
                           gconstpointer  data)
{
  const char *expected[] = {
    "cancel_button", "sign_in_button", "server_row", "allow_insecure_switch",
    "api_key_toggle", "access_token_toggle", "token_row", "demo_button", NULL
  };
  JdSignInDialog *dialog = open_sign_in (fixture);

  jd_sign_in_dialog_set_kind (dialog, JD_AUTH_ACCESS_TOKEN);
  type_into (dialog, "server_row", "http://ayx.example.com/webapi");
  jd_ui_test_assert_all_named (GTK_WIDGET (dialog), expected, NULL);
}

int
main (int   argc,
      char *argv[])
{
  /* Every case runs even after one fails, so that one run lists every
   * control without a name, in every state. */
  g_autofree char **args = g_new0 (char *, argc + 2);
  int n_args = argc + 1;

  memcpy (args, argv, argc * sizeof (char *));
  args[argc] = (char *) "--keep-going";
  argv = args;

  /* The test AT context keeps accessible properties readable (the
   * default, none, keeps none). */
  g_setenv ("GTK_A11Y", "test", TRUE);
  jd_ui_test_init (&n_args, &argv);

#define ADD(path, func) \
  g_test_add ("/ui/a11y/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("window/job", test_job);
  ADD ("window/failed-job", test_failed_job);
  g_test_add ("/ui/a11y/window/job-narrow", Fixture, NULL, fixture_set_up_narrow, test_job_narrow, fixture_tear_down);
  g_test_add ("/ui/a11y/window/queued-job-narrow", Fixture, NULL, fixture_set_up_narrow, test_queued_job_narrow, fixture_tear_down);
  ADD ("window/loading", test_loading);
  ADD ("window/messages", test_messages);
  ADD ("window/running-job", test_running_job);
  ADD ("window/error", test_error);
  ADD ("window/empty-with-recent-lookups", test_empty_with_recent_lookups);
  ADD ("window/signed-out", test_signed_out);
  ADD ("window/workflow", test_workflow);
  ADD ("window/history", test_history);
  ADD ("window/recent-jobs", test_recent_jobs);
  ADD ("dialog/cancel-job", test_cancel_job_dialog);
  ADD ("dialog/remove-job", test_remove_job_dialog);
  ADD ("dialog/clear-history", test_clear_history_dialog);
  ADD ("popover/main-menu", test_main_menu);
  ADD ("popover/recent-lookups-fit-ids", test_recent_lookups_popover_fits_ids);
  ADD ("sign-in/api-key", test_sign_in_api_key);
  ADD ("sign-in/access-token", test_sign_in_access_token);
#undef ADD

  return g_test_run ();
}
