/* test-ui-command-line.c: `jobdesk [--demo] [--server URL] [TEXT...]`
 * run as a second instance hands its work to the running window.
 *
 * This process is the primary instance: it registers the real application
 * ID on the session bus of tools/test-session. Each case starts the built
 * jobdesk executable, which finds the primary there, sends it its command
 * line over D-Bus and exits with the primary's answer. */
#include "config.h"

#include <string.h>

#include "jd-lookup-page.h"
#include "jd-sign-in-dialog.h"
#include "jd-ui-test-util.h"
#include "jd-window.h"
#include "jd-window-private.h"

#define WAIT_MS 20000

static JdApplication *app;
static JdDemoServer  *server;

typedef struct
{
  gboolean  done;
  int       status;
  char     *out;
  char     *err;
} Run;

static void
on_communicate_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->status = g_subprocess_get_exit_status (G_SUBPROCESS (source));
  run->done = TRUE;
}

static gboolean
run_done (gpointer data)
{
  return ((Run *) data)->done;
}

/* Runs jobdesk with these arguments while our main loop answers it;
 * returns its exit status. */
static int
run_jobdesk (const char * const *args,
             char              **err)
{
  const char *path = g_getenv ("JD_JOBDESK_PATH");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  Run run = { 0 };

  g_assert_nonnull (path);
  g_ptr_array_add (argv, (char *) path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  /* The system's data, which the isolated test dirs hide from this process. */
  g_subprocess_launcher_unsetenv (launcher, "XDG_DATA_DIRS");
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (process, NULL, NULL, on_communicate_cb, &run);
  g_assert_true (jd_ui_test_wait_for (run_done, &run, WAIT_MS));

  if (err != NULL)
    *err = g_steal_pointer (&run.err);
  g_free (run.err);
  g_free (run.out);
  return run.status;
}

static JdWindow *
the_window (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (JD_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

static JdLookupPage *
tab_with_job (const char *id)
{
  JdWindow *window = the_window ();
  AdwTabView *view;

  if (window == NULL)
    return NULL;

  view = jd_window_get_tab_view (window);
  for (int i = 0; i < adw_tab_view_get_n_pages (view); i++)
    {
      JdLookupPage *page = JD_LOOKUP_PAGE (adw_tab_page_get_child (adw_tab_view_get_nth_page (view, i)));

      if (g_strcmp0 (jd_lookup_page_get_job_id (page), id) == 0)
        return page;
    }
  return NULL;
}

static gboolean
job_shown (gpointer data)
{
  JdLookupPage *page = tab_with_job (data);
  JdJob *job = page != NULL ? jd_lookup_page_get_job (page) : NULL;

  return job != NULL && g_strcmp0 (jd_job_summary_get_id (JD_JOB_SUMMARY (job)), data) == 0 &&
         jd_lookup_page_get_state (page) == JD_LOOKUP_STATE_JOB;
}

/* --demo signs the running app in to the built-in sample server and
 * looks the job up there */
static void
test_demo_opens_job (void)
{
  const char *args[] = { "--demo", JD_DEMO_JOB_SUCCESS, NULL };

  g_assert_null (jd_application_get_client (app));

  g_assert_cmpint (run_jobdesk (args, NULL), ==, 0);

  g_assert_nonnull (jd_application_get_client (app));
  g_assert_true (jd_session_is_demo_client (jd_application_get_session (app), jd_application_get_client (app)));
  g_assert_true (jd_ui_test_wait_for (job_shown, (gpointer) JD_DEMO_JOB_SUCCESS, WAIT_MS));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (the_window ())));
}

/* plain arguments are text holding an ID: each opens in its own tab of
 * the window that is already open, signed in as it is */
static void
test_hands_over_ids (void)
{
  g_autoptr(JdClient) client = jd_ui_test_demo_client_new (server, FALSE);
  const char *args[] = {
    "Job " JD_DEMO_JOB_WARNING " finished with warnings",
    "https://ayx.example.com/gallery/#!/jobs/" JD_DEMO_JOB_ERROR,
    NULL
  };
  JdWindow *window = the_window ();
  guint before;

  jd_application_set_client (app, client);
  before = jd_demo_server_get_request_count (server);

  g_assert_cmpint (run_jobdesk (args, NULL), ==, 0);

  /* the same window, not a new one */
  g_assert_true (the_window () == window);
  g_assert_true (jd_ui_test_wait_for (job_shown, (gpointer) JD_DEMO_JOB_WARNING, WAIT_MS));
  g_assert_true (jd_ui_test_wait_for (job_shown, (gpointer) JD_DEMO_JOB_ERROR, WAIT_MS));
  g_assert_nonnull (tab_with_job (JD_DEMO_JOB_SUCCESS));
  /* through our client, to our server */
  g_assert_cmpuint (jd_demo_server_get_request_count (server), >, before);
}

/* text without an ID is said so in the entry of the tab in front, which
 * keeps the job it shows; nothing is sent */
static void
test_text_without_id (void)
{
  const char *args[] = { "see the attached log", NULL };
  JdLookupPage *page;
  GtkWidget *revealer;
  GtkWidget *entry;
  const char *shown;
  guint before;

  jd_ui_test_wait_for_quiet (server);
  shown = jd_lookup_page_get_job_id (jd_window_get_lookup_page (the_window ()));
  g_assert_nonnull (shown);
  before = jd_demo_server_get_request_count (server);

  g_assert_cmpint (run_jobdesk (args, NULL), ==, 0);
  jd_ui_test_spin (100);

  page = jd_window_get_lookup_page (the_window ());
  revealer = jd_ui_test_find_by_id (GTK_WIDGET (page), "entry_error_revealer");
  entry = jd_ui_test_find_by_id (GTK_WIDGET (page), "job_entry");
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, args[0]);
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_cmpstr (jd_lookup_page_get_job_id (page), ==, shown);
  g_assert_cmpint (jd_lookup_page_get_state (page), ==, JD_LOOKUP_STATE_JOB);
  g_assert_cmpuint (jd_demo_server_get_request_count (server), ==, before);
}

static GtkWidget *
find_sign_in_dialog (void)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (JD_IS_SIGN_IN_DIALOG (window) && gtk_widget_get_visible (window))
        return window;   /* the toplevel list still holds it */
    }
  return NULL;
}

static gboolean
sign_in_dialog_shown (gpointer data)
{
  return find_sign_in_dialog () != NULL;
}

/* --server opens the sign-in dialog on that address */
static void
test_server_opens_sign_in (void)
{
  const char *address = "https://alteryx.example.com/webapi/";
  const char *args[] = { "--server", address, NULL };
  GtkWidget *dialog;
  GtkWidget *row;

  g_assert_null (find_sign_in_dialog ());

  g_assert_cmpint (run_jobdesk (args, NULL), ==, 0);

  g_assert_true (jd_ui_test_wait_for (sign_in_dialog_shown, NULL, WAIT_MS));
  dialog = find_sign_in_dialog ();
  row = jd_ui_test_find_by_id (dialog, "server_row");
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, address);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* an option jobdesk does not know stops it before anything is handed over */
static void
test_unknown_option (void)
{
  const char *args[] = { "--no-such-option", NULL };
  g_autofree char *err = NULL;
  guint windows = g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));

  g_assert_cmpint (run_jobdesk (args, &err), !=, 0);
  g_assert_nonnull (strstr (err, "no-such-option"));
  jd_ui_test_spin (100);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, windows);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  jd_ui_test_init (&argc, &argv);

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_print ("1..0 # SKIP a second instance needs a session bus (tools/test-session)\n");
      return 0;
    }

  /* The real ID and flags: this process is the one jobdesk hands over to. */
  app = jd_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_assert_false (g_application_get_is_remote (G_APPLICATION (app)));
  server = jd_ui_test_demo_server_new ();

  /* in this order: each builds on the window the one before left */
  g_test_add_func ("/ui/command-line/demo-opens-job", test_demo_opens_job);
  g_test_add_func ("/ui/command-line/hands-over-ids", test_hands_over_ids);
  g_test_add_func ("/ui/command-line/text-without-id", test_text_without_id);
  g_test_add_func ("/ui/command-line/server-opens-sign-in", test_server_opens_sign_in);
  g_test_add_func ("/ui/command-line/unknown-option", test_unknown_option);

  status = g_test_run ();

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = gtk_application_get_windows (GTK_APPLICATION (app)))
    gtk_window_destroy (l->data);
  jd_ui_test_spin (50);
  jd_application_set_client (app, NULL);
  jd_demo_server_stop (server);
  g_clear_object (&server);
  g_clear_object (&app);
  return status;
}
