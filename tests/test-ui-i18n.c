/* test-ui-i18n.c: the window in German, from the build's own catalogue.
 *
 * Every label, button and row title the window shows is looked up in the
 * catalogue: one that still has a translation is English that slipped
 * through. */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "jd-lookup-page.h"
#include "jd-ui-test-util.h"
#include "jd-window.h"
#include "jd-window-private.h"

#define WAIT_MS 20000

static gboolean
page_shows_job (gpointer data)
{
  return jd_lookup_page_get_state (data) == JD_LOOKUP_STATE_JOB;
}

static const char *
widget_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_label (GTK_LABEL (widget));
  if (GTK_IS_BUTTON (widget))
    return gtk_button_get_label (GTK_BUTTON (widget));
  if (ADW_IS_PREFERENCES_ROW (widget))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  if (ADW_IS_STATUS_PAGE (widget))
    return adw_status_page_get_title (ADW_STATUS_PAGE (widget));
  return NULL;
}

static void
collect_untranslated (GtkWidget *widget,
                      GPtrArray *found)
{
  const char *text = widget_text (widget);

  if (text != NULL && *text != '\0' && g_strcmp0 (g_dgettext (GETTEXT_PACKAGE, text), text) != 0)
    g_ptr_array_add (found, (gpointer) text);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_untranslated (child, found);
}

static void
assert_all_translated (GtkWidget *root)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_untranslated (root, found);
  for (guint i = 0; i < found->len; i++)
    g_test_message ("untranslated: “%s”", (const char *) found->pdata[i]);
  g_assert_cmpuint (found->len, ==, 0);
}

static void
test_german_throughout (void)
{
  g_autoptr(JdApplication) app = jd_ui_test_app_new ();
  g_autoptr(JdDemoServer) server = jd_ui_test_demo_server_new ();
  g_autoptr(JdClient) client = jd_ui_test_demo_client_new (server, FALSE);
  JdWindow *window;
  JdLookupPage *page;

  /* the catalogue is there and German */
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Not Signed In"), !=, "Not Signed In");

  window = jd_application_new_window (app);
  gtk_window_present (GTK_WINDOW (window));
  jd_ui_test_spin (200);
  assert_all_translated (GTK_WIDGET (window));

  jd_application_set_client (app, client);
  jd_window_open_job (window, JD_DEMO_JOB_SUCCESS);
  page = jd_window_get_lookup_page (window);
  g_assert_true (jd_ui_test_wait_for (page_shows_job, page, WAIT_MS));
  jd_ui_test_spin (300);
  assert_all_translated (GTK_WIDGET (window));

  /* an error says so in German too */
  jd_window_open_job (window, JD_DEMO_JOB_UNKNOWN);
  page = jd_window_get_lookup_page (window);
  g_assert_true (jd_ui_test_wait_for_string (page, "state", "error", WAIT_MS));
  assert_all_translated (GTK_WIDGET (window));

  gtk_window_destroy (GTK_WINDOW (window));
  jd_application_set_client (app, NULL);
  jd_demo_server_stop (server);
}

int
main (int   argc,
      char *argv[])
{
  /* No locales are generated on test machines: C.UTF-8 with LANGUAGE. */
  g_setenv ("LANG", "C.UTF-8", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "de", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("JD_TEST_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  jd_ui_test_init (&argc, &argv);
  g_test_add_func ("/ui/i18n/german-throughout", test_german_throughout);
  return g_test_run ();
}
