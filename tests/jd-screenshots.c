/* jd-screenshots.c: writes the screenshots in data/screenshots/.
 *
 * It opens the real window against the built-in sample server, brings it
 * into each state the README and the AppStream metainfo show, and renders
 * the window (and the sign-in dialog) to PNG. Run it through
 * tools/take-screenshots, which provides a display.
 */
#include "config.h"

#include "jd-history-page.h"
#include "jd-lookup-page.h"
#include "jd-sign-in-dialog.h"
#include "jd-ui-test-util.h"
#include "jd-window.h"
#include "jd-window-private.h"
#include "jd-workflow-page.h"

#define WIDTH  1000
#define HEIGHT 700
#define WAIT_MS 20000

static const char *folder;

static gboolean
page_shows_job (gpointer data)
{
  JdLookupPage *page = data;

  return jd_lookup_page_get_state (page) == JD_LOOKUP_STATE_JOB;
}

static gboolean
workflow_loaded (gpointer data)
{
  return jd_workflow_page_get_state (data) == JD_JOB_LIST_STATE_JOBS;
}

static void
shoot (GtkWidget  *widget,
       const char *name)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);

  /* Let layout, fonts and icons settle into a painted frame. */
  jd_ui_test_spin (600);
  jd_ui_test_screenshot (widget, path);
  g_print ("%s\n", path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(JdApplication) app = NULL;
  g_autoptr(JdDemoServer) server = NULL;
  g_autoptr(JdClient) client = NULL;
  JdWindow *window;
  JdLookupPage *page;
  GtkWindow *dialog;

  folder = argc > 1 ? argv[1] : "data/screenshots";
  g_setenv ("LANGUAGE", "en", FALSE);
  jd_ui_test_init (&argc, &argv);

  app = jd_ui_test_app_new ();

  /* The sign-in dialog as a new user first sees it. */
  window = jd_application_new_window (app);
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  gtk_window_present (GTK_WINDOW (window));
  jd_window_show_sign_in (window, NULL);
  dialog = jd_window_get_sign_in_dialog (window);
  shoot (GTK_WIDGET (dialog), "sign-in.png");
  gtk_window_destroy (dialog);

  /* A completed job with its outputs. */
  server = jd_ui_test_demo_server_new ();
  client = jd_ui_test_demo_client_new (server, FALSE);
  jd_application_set_client (app, client);
  jd_window_open_job (window, JD_DEMO_JOB_SUCCESS);
  page = jd_window_get_lookup_page (window);
  g_assert_true (jd_ui_test_wait_for (page_shows_job, page, WAIT_MS));
  shoot (GTK_WIDGET (window), "job-page.png");

  /* A failed job's messages, filtered to errors. */
  jd_window_open_job (window, JD_DEMO_JOB_FAILED);
  page = jd_window_get_lookup_page (window);
  g_assert_true (jd_ui_test_wait_for (page_shows_job, page, WAIT_MS));
  {
    GtkWidget *messages_tab = jd_ui_test_find_by_id (GTK_WIDGET (page), "view_stack");

    if (ADW_IS_VIEW_STACK (messages_tab))
      adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (messages_tab), "messages");
  }
  shoot (GTK_WIDGET (window), "messages.png");

  /* The jobs of a workflow. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-workflow-jobs", NULL);
  jd_workflow_page_show_workflow (jd_window_get_workflow_page (window), JD_DEMO_WORKFLOW_SALES, NULL);
  g_assert_true (jd_ui_test_wait_for (workflow_loaded, jd_window_get_workflow_page (window), WAIT_MS));
  shoot (GTK_WIDGET (window), "workflow-jobs.png");

  gtk_window_destroy (GTK_WINDOW (window));
  jd_application_set_client (app, NULL);
  jd_demo_server_stop (server);
  return 0;
}
