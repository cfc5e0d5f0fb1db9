/* test-ui-file-names.c: file names that lie.
 *
 * A server offers outputs whose names hide what they are: a right-to-left
 * override makes "invoice\u202Eslx.exe" read "invoiceexe.xls", zero-width
 * and isolate characters hide in others. Through the real window, over
 * HTTP: the row shows every hidden character, the file chooser suggests a
 * name without them (so the .exe is seen for what it is), and "Copy File
 * Name" copies the exact name.
 */
#include "config.h"

#include <string.h>

#include "jd-application-private.h"
#include "jd-display-text.h"
#include "jd-fixed-job-server.h"
#include "jd-job-view.h"
#include "jd-lookup-page.h"
#include "jd-output-row.h"
#include "jd-ui-test-util.h"
#include "jd-window.h"
#include "jd-window-private.h"

#define JOB_ID "66ebd18d3d6200007e000d8c"
#define WAIT_MS 20000

typedef struct
{
  const char *name;      /* as the Server sends it (JSON-escaped) */
  const char *exact;     /* what it decodes to */
  const char *shown;     /* what the row shows */
  const char *raw;       /* the suggested name for "Raw" */
  const char *csv;       /* the suggested name for "Csv" */
} NameCase;

static const NameCase cases[] = {
  { "C:\\\\Out\\\\invoice\\u202Eslx.exe",
    "C:\\Out\\invoice\u202Eslx.exe",
    "C:\\Out\\invoice⟨U+202E⟩slx.exe",
    "invoiceslx.exe",
    "invoiceslx.csv" },
  { "report\\u2066.pdf\\u2069.exe",
    "report\u2066.pdf\u2069.exe",
    "report⟨U+2066⟩.pdf⟨U+2069⟩.exe",
    "report.pdf.exe",
    "report.pdf.csv" },
  { "pay\\u200Broll\\uFEFF\\u0007.xlsx",
    "pay\u200Broll\uFEFF\a.xlsx",
    "pay⟨U+200B⟩roll⟨U+FEFF⟩␇.xlsx",
    "payroll_.xlsx",
    "payroll_.csv" },
  { "\\\\\\\\share\\\\.hidden\\u200E",
    "\\\\share\\.hidden\u200E",
    "\\\\share\\.hidden⟨U+200E⟩",
    "_hidden",
    "_hidden.csv" },
};

typedef struct
{
  JdApplication    *app;
  JdFixedJobServer *server;
  JdClient         *client;
  JdWindow         *window;
  JdLookupPage     *page;
} Fixture;

static char *
make_job_json (void)
{
  GString *json = g_string_new (NULL);

  g_string_append_printf (json,
                          "{\"id\": \"%s\", \"appId\": \"5f3a0c9e1b2d4e0012345678\","
                          " \"createDateTime\": \"2024-09-19T10:02:54.589Z\","
                          " \"status\": \"Completed\", \"disposition\": \"Success\","
                          " \"priority\": \"Default\", \"workerTag\": \"\", \"runWithE2\": true,"
                          " \"messages\": [], \"outputs\": [",
                          JOB_ID);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_string_append_printf (json,
                            "%s{\"id\": \"6f000000000000000000000%u\","
                            " \"availableFormats\": [\"Raw\", \"Csv\"], \"fileName\": \"%s\"}",
                            i > 0 ? ", " : "", i, cases[i].name);

  g_string_append (json, "]}");
  return g_string_free (json, FALSE);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *json = make_job_json ();

  fixture->server = jd_fixed_job_server_new (json);
  fixture->client = jd_client_new (NULL, jd_fixed_job_server_get_base_url (fixture->server));
  jd_client_set_access_token (fixture->client, "t0ken");

  fixture->app = jd_ui_test_app_new ();
  jd_application_set_client (fixture->app, fixture->client);
  fixture->window = jd_application_new_window (fixture->app);
  gtk_window_present (GTK_WINDOW (fixture->window));
  fixture->page = jd_window_get_lookup_page (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (fixture->app)); l != NULL;
       l = gtk_application_get_windows (GTK_APPLICATION (fixture->app)))
    gtk_window_destroy (l->data);
  jd_ui_test_spin (50);
  jd_application_set_client (fixture->app, NULL);
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->server, jd_fixed_job_server_free);
  g_clear_object (&fixture->app);
}

static gboolean
page_shows_job (gpointer data)
{
  Fixture *fixture = data;

  return jd_lookup_page_get_state (fixture->page) == JD_LOOKUP_STATE_JOB;
}

static gboolean
output_rows_bound (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(GPtrArray) rows = jd_ui_test_find_all (GTK_WIDGET (fixture->page), JD_TYPE_OUTPUT_ROW);
  guint bound = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      if (jd_output_row_get_output (g_ptr_array_index (rows, i)) != NULL)
        bound++;
    }

  return bound == G_N_ELEMENTS (cases);
}

static void
look_up (Fixture *fixture)
{
  GtkEditable *entry = GTK_EDITABLE (jd_ui_test_find_by_id (GTK_WIDGET (fixture->page), "job_entry"));
  GtkWidget *view;
  AdwViewStack *stack;

  g_assert_nonnull (entry);
  gtk_editable_set_text (entry, JOB_ID);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.look-up", NULL));
  g_assert_true (jd_ui_test_wait_for (page_shows_job, fixture, WAIT_MS));

  view = jd_ui_test_find_by_type (GTK_WIDGET (fixture->page), JD_TYPE_JOB_VIEW);
  stack = ADW_VIEW_STACK (jd_ui_test_find_by_id (view, "view_stack"));
  adw_view_stack_set_visible_child_name (stack, "outputs");
  g_assert_true (jd_ui_test_wait_for (output_rows_bound, fixture, WAIT_MS));
}

/* The row of the case, found by its output's exact name. */
static JdOutputRow *
find_row (Fixture        *fixture,
          const NameCase *name_case)
{
  g_autoptr(GPtrArray) rows = jd_ui_test_find_all (GTK_WIDGET (fixture->page), JD_TYPE_OUTPUT_ROW);

  for (guint i = 0; i < rows->len; i++)
    {
      JdOutputRow *row = g_ptr_array_index (rows, i);
      JdJobOutput *output = jd_output_row_get_output (row);

      if (output != NULL && g_strcmp0 (jd_job_output_get_file_name (output), name_case->exact) == 0)
        return row;
    }

  g_assert_not_reached ();
  return NULL;
}

static void
test_row_shows_hidden_characters (Fixture       *fixture,
                                  gconstpointer  data)
{
  look_up (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      JdOutputRow *row = find_row (fixture, &cases[i]);
      GtkLabel *name_label = GTK_LABEL (jd_ui_test_find_by_id (GTK_WIDGET (row), "name_label"));

      g_test_message ("%s", gtk_label_get_text (name_label));
      g_assert_cmpstr (gtk_label_get_text (name_label), ==, cases[i].shown);
      /* the tooltip too: it is where the whole name is read */
      g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (name_label)), ==, cases[i].shown);
    }

  if (g_getenv ("JD_UI_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *path = g_build_filename (g_getenv ("JD_UI_SCREENSHOT_DIR"), "file-names.png", NULL);

      jd_ui_test_spin (300);
      jd_ui_test_screenshot (GTK_WIDGET (fixture->window), path);
    }
}

static void
test_suggested_name_without_hidden (Fixture       *fixture,
                                    gconstpointer  data)
{
  /* see test-ui-job-view.c: GTK 4.8's chooser dialog leaks its listing */
  if (g_getenv ("JD_TEST_UNDER_LSAN") != NULL)
    {
      g_test_skip ("GTK 4.8's file chooser dialog leaks its folder listing");
      return;
    }

  look_up (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *formats[] = { "Raw", "Csv" };
      const char *expected[] = { cases[i].raw, cases[i].csv };

      for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
        {
          JdOutputRow *row = find_row (fixture, &cases[i]);
          GtkFileChooserNative *chooser;
          g_autofree char *name = NULL;

          g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "output.save", "s", formats[f]));
          chooser = jd_output_row_get_chooser (row);
          g_assert_nonnull (chooser);
          name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
          g_test_message ("%s as %s: suggested “%s”", cases[i].shown, formats[f], name);
          g_assert_cmpstr (name, ==, expected[f]);
          g_assert_false (jd_display_text_has_hidden (name, JD_DISPLAY_TEXT_NONE));

          g_signal_emit_by_name (chooser, "response", GTK_RESPONSE_CANCEL);
          g_assert_null (jd_output_row_get_chooser (row));
          jd_ui_test_spin (50);
        }
    }
}

static void
test_copy_keeps_exact_name (Fixture       *fixture,
                            gconstpointer  data)
{
  look_up (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      JdOutputRow *row = find_row (fixture, &cases[i]);
      g_autofree char *copied = NULL;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "output.copy", NULL));
      copied = jd_ui_test_read_clipboard (GTK_WIDGET (row));
      g_assert_cmpstr (copied, ==, cases[i].exact);
    }
}

int
main (int   argc,
      char *argv[])
{
  jd_ui_test_init (&argc, &argv);

  g_test_add ("/ui/file-names/row-shows-hidden-characters", Fixture, NULL,
              fixture_set_up, test_row_shows_hidden_characters, fixture_tear_down);
  g_test_add ("/ui/file-names/suggested-name-without-hidden-characters", Fixture, NULL,
              fixture_set_up, test_suggested_name_without_hidden, fixture_tear_down);
  g_test_add ("/ui/file-names/copy-keeps-exact-name", Fixture, NULL,
              fixture_set_up, test_copy_keeps_exact_name, fixture_tear_down);

  return g_test_run ();
}
