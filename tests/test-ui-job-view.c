/* test-ui-job-view.c: the job view (summary, outputs, messages) driven
 * through the real widgets against the sample server over HTTP. */
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

/* ------------------------------------------------------------------ */
/* Summary                                                             */

static void
test_summary_success (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *status;
  GtkWidget *disposition;
  const char *created;

  show_job (fixture, JD_DEMO_JOB_SUCCESS, TRUE);

  g_assert_cmpstr (label_text (fixture, "id_label"), ==, JD_DEMO_JOB_SUCCESS);

  status = find (fixture, "status_badge");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (status)), ==, "Completed");
  g_assert_true (gtk_widget_has_css_class (status, "badge"));
  /* "Completed" says nothing about success: no colour of its own. */
  g_assert_true (gtk_widget_has_css_class (status, "neutral"));
  g_assert_false (gtk_widget_has_css_class (status, "success"));

  disposition = find (fixture, "disposition_badge");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (disposition)), ==, "Success");
  g_assert_true (gtk_widget_has_css_class (disposition, "success"));

  created = label_text (fixture, "created_label");
  g_assert_cmpstr (created, !=, "");
  g_assert_cmpstr (created, !=, "Not given");
  g_assert_nonnull (strstr (created, "2024"));
  g_assert_nonnull (strstr (created, " ago)"));

  g_assert_cmpstr (label_text (fixture, "priority_label"), ==, "Default");
  g_assert_cmpstr (label_text (fixture, "worker_tag_label"), ==, "None");
  g_assert_cmpstr (label_text (fixture, "e2_label"), ==, "Yes");
  g_assert_cmpstr (label_text (fixture, "app_id_label"), ==, jd_job_get_app_id (fixture->job));
  g_assert_true (gtk_widget_get_visible (find (fixture, "copy_app_id_button")));
}

static void
test_summary_sparse (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *disposition;

  show_job (fixture, JD_DEMO_JOB_SPARSE, TRUE);

  /* "Complete" is "Completed" by another name. */
  g_assert_cmpstr (label_text (fixture, "status_badge"), ==, "Completed");

  disposition = find (fixture, "disposition_badge");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (disposition)), ==, "Not given");
  g_assert_true (gtk_widget_has_css_class (disposition, "dim"));

  /* An unknown priority is shown as the Server sent it. */
  g_assert_cmpstr (label_text (fixture, "priority_label"), ==, "Urgent");
  g_assert_cmpstr (label_text (fixture, "created_label"), ==, "Not given");
  g_assert_cmpstr (label_text (fixture, "worker_tag_label"), ==, "Not given");
  g_assert_cmpstr (label_text (fixture, "e2_label"), ==, "Not given");
  g_assert_cmpstr (label_text (fixture, "app_id_label"), ==, "Not given");
  g_assert_false (gtk_widget_get_visible (find (fixture, "copy_app_id_button")));
  g_assert_true (gtk_widget_has_css_class (find (fixture, "app_id_label"), "dim-label"));
}

static void
test_summary_badges (Fixture       *fixture,
                     gconstpointer  data)
{
  static const struct {
    const char *id;
    const char *status, *status_style;
    const char *disposition, *disposition_style;
  } cases[] = {
    { JD_DEMO_JOB_WARNING, "Completed", "neutral", "Warning", "warning" },
    { JD_DEMO_JOB_ERROR, "Completed", "neutral", "Error", "error" },
    { JD_DEMO_JOB_FAILED, "Error", "error", "Error", "error" },
    { JD_DEMO_JOB_CANCELLED, "Cancelled", "grey", "Cancelled", "grey" },
    { JD_DEMO_JOB_QUEUED, "Queued", "dim", "None", "dim" },
    { JD_DEMO_JOB_RUNNING, "Running", "accent", "None", "dim" },
    { JD_DEMO_JOB_CREATED, "Created", "dim", "None", "dim" },
    { JD_DEMO_JOB_INITIALIZING, "Initializing", "accent", "None", "dim" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GtkWidget *status;
      GtkWidget *disposition;

      show_job (fixture, cases[i].id, TRUE);
      status = find (fixture, "status_badge");
      disposition = find (fixture, "disposition_badge");

      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (status)), ==, cases[i].status);
      g_assert_true (gtk_widget_has_css_class (status, cases[i].status_style));
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (disposition)), ==, cases[i].disposition);
      g_assert_true (gtk_widget_has_css_class (disposition, cases[i].disposition_style));
    }

  /* Priority and worker tag of another sample. */
  show_job (fixture, JD_DEMO_JOB_WARNING, TRUE);
  g_assert_cmpstr (label_text (fixture, "priority_label"), ==, "Medium");
  g_assert_cmpstr (label_text (fixture, "worker_tag_label"), ==, "finance-east");
  g_assert_cmpstr (label_text (fixture, "e2_label"), ==, "No");
}

static void
test_summary_copy_ids (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *job_id = NULL;
  g_autofree char *app_id = NULL;

  show_job (fixture, JD_DEMO_JOB_SUCCESS, TRUE);

  g_signal_emit_by_name (find (fixture, "copy_id_button"), "clicked");
  job_id = jd_ui_test_read_clipboard (GTK_WIDGET (fixture->view));
  g_assert_cmpstr (job_id, ==, JD_DEMO_JOB_SUCCESS);
  g_assert_true (wait_for_toast (fixture, "Job ID copied"));

  g_signal_emit_by_name (find (fixture, "copy_app_id_button"), "clicked");
  app_id = jd_ui_test_read_clipboard (GTK_WIDGET (fixture->view));
  g_assert_cmpstr (app_id, ==, jd_job_get_app_id (fixture->job));
  g_assert_true (wait_for_toast (fixture, "App ID copied"));
}

static void
test_relative_time (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_local (2024, 11, 20, 15, 30, 0);
  static const struct {
    GTimeSpan   before;
    const char *expected;
  } cases[] = {
    { 0, "just now" },
    { 40 * G_TIME_SPAN_SECOND, "just now" },
    { G_TIME_SPAN_MINUTE, "1 minute ago" },
    { 5 * G_TIME_SPAN_MINUTE, "5 minutes ago" },
    { 3 * G_TIME_SPAN_HOUR, "3 hours ago" },
    { G_TIME_SPAN_DAY, "yesterday" },
    { 4 * G_TIME_SPAN_DAY, "4 days ago" },
    { 62 * G_TIME_SPAN_DAY, "2 months ago" },
    { 400 * G_TIME_SPAN_DAY, "1 year ago" },
  };
  g_autoptr(GDateTime) future = g_date_time_add_hours (now, 2);
  g_autoptr(GDateTime) late_last_night = g_date_time_new_local (2024, 11, 20, 23, 10, 0);
  g_autoptr(GDateTime) early_morning = g_date_time_new_local (2024, 11, 21, 1, 10, 0);
  g_autoptr(GDateTime) created = g_date_time_new_utc (2024, 9, 19, 10, 2, 54);
  g_autofree char *short_night = NULL;
  g_autofree char *future_text = NULL;
  g_autofree char *created_text = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) then = g_date_time_add (now, -cases[i].before);
      g_autofree char *text = jd_job_view_format_relative (then, now);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }

  /* A clock ahead of ours says so rather than a wrong "ago". */
  future_text = jd_job_view_format_relative (future, now);
  g_assert_cmpstr (future_text, ==, "in the future");

  /* Across midnight, a few hours ago is not "yesterday". */
  short_night = jd_job_view_format_relative (late_last_night, early_morning);
  g_assert_cmpstr (short_night, ==, "2 hours ago");

  created_text = jd_job_view_format_created (created, now);
  g_assert_true (g_str_has_suffix (created_text, "(2 months ago)"));
  g_assert_nonnull (strstr (created_text, "September 2024"));
}

/* ------------------------------------------------------------------ */
/* Outputs                                                             */

/* "Save Output…" offers each format of the output, in its order. */
static void
check_save_menu (JdOutputRow *row,
                 JdJobOutput *output)
{
  GtkWidget *button = jd_ui_test_find_by_id (GTK_WIDGET (row), "save_button");
  const char * const *formats = jd_job_output_get_formats (output);
  GMenuModel *menu;
  GMenuModel *section;

  /* the menu is made when the button is first pressed */
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));

  g_assert_true (gtk_widget_get_sensitive (button));
  g_assert_nonnull (menu);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 1);
  section = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
  g_assert_cmpint (g_menu_model_get_n_items (section), ==, g_strv_length ((char **) formats));

  for (int i = 0; formats[i] != NULL; i++)
    {
      g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (section, i, G_MENU_ATTRIBUTE_TARGET,
                                                                          G_VARIANT_TYPE_STRING);
      g_autofree char *action = NULL;

      g_assert_true (g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION, "s", &action));
      g_assert_cmpstr (action, ==, "output.save");
      g_assert_cmpstr (g_variant_get_string (target, NULL), ==, formats[i]);
    }

  g_object_unref (section);
}

static void
test_outputs_rows (Fixture       *fixture,
                   gconstpointer  data)
{
  GListModel *outputs;
  g_autoptr(GPtrArray) rows = NULL;
  AdwViewStackPage *page;

  show_job (fixture, JD_DEMO_JOB_SUCCESS, TRUE);
  outputs = jd_job_get_outputs (fixture->job);
  g_assert_cmpuint (g_list_model_get_n_items (outputs), ==, 3);

  rows = wait_for_rows (find (fixture, "outputs_list"), JD_TYPE_OUTPUT_ROW, g_list_model_get_n_items (outputs));
  g_assert_cmpstr (stack_page (fixture, "outputs_stack"), ==, "list");

  page = adw_view_stack_get_page (ADW_VIEW_STACK (find (fixture, "view_stack")),
                                  adw_view_stack_get_child_by_name (ADW_VIEW_STACK (find (fixture, "view_stack")), "outputs"));
  g_assert_cmpstr (adw_view_stack_page_get_title (page), ==, "Outputs (3)");

  for (guint i = 0; i < rows->len; i++)
    {
      JdOutputRow *row = g_ptr_array_index (rows, i);
      JdJobOutput *output = jd_output_row_get_output (row);
      GtkWidget *name = jd_ui_test_find_by_id (GTK_WIDGET (row), "name_label");
      GtkWidget *formats = jd_ui_test_find_by_id (GTK_WIDGET (row), "formats_label");
      const char *tooltip = gtk_widget_get_tooltip_text (name);

      g_assert_nonnull (output);
      /* The whole path, ellipsized in the middle, and all of it in the tooltip. */
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (name)), ==, jd_job_output_get_file_name (output));
      g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (name)), ==, PANGO_ELLIPSIZE_MIDDLE);
      g_assert_cmpstr (tooltip, ==, jd_job_output_get_file_name (output));
      g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (formats)), " · "));
      check_save_menu (row, output);
    }
}

static JdOutputRow *
find_output_row (Fixture    *fixture,
                 const char *output_id)
{
  GListModel *outputs = jd_job_get_outputs (fixture->job);
  g_autoptr(GPtrArray) rows = wait_for_rows (find (fixture, "outputs_list"), JD_TYPE_OUTPUT_ROW,
                                             g_list_model_get_n_items (outputs));

  for (guint i = 0; i < rows->len; i++)
    {
      JdOutputRow *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (jd_job_output_get_id (jd_output_row_get_output (row)), output_id) == 0)
        return row;
    }

  g_assert_not_reached ();
}

static JdJobOutput *
output_at (Fixture *fixture,
           guint    position)
{
  g_autoptr(JdJobOutput) output = g_list_model_get_item (jd_job_get_outputs (fixture->job), position);

  /* The job holds it. */
  return output;
}

static void
test_outputs_copy_file_name (Fixture       *fixture,
                             gconstpointer  data)
{
  JdJobOutput *output;
  JdOutputRow *row;
  GtkWidget *button;
  g_autofree char *copied = NULL;

  show_job (fixture, JD_DEMO_JOB_SUCCESS, TRUE);
  output = output_at (fixture, 1);
  row = find_output_row (fixture, jd_job_output_get_id (output));

  button = jd_ui_test_find_by_id (GTK_WIDGET (row), "copy_button");
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Copy File Name");
  g_signal_emit_by_name (button, "clicked");

  copied = jd_ui_test_read_clipboard (GTK_WIDGET (fixture->view));
  /* Japanese, in a Windows path, exactly as the Server gave it. */
  g_assert_cmpstr (copied, ==, jd_job_output_get_file_name (output));
  g_assert_true (g_str_has_suffix (copied, "\\販売レポート.csv"));
  g_assert_true (wait_for_toast (fixture, "File name copied"));
}

static void
test_outputs_copy_all (Fixture       *fixture,
                       gconstpointer  data)
{
  GListModel *outputs;
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autofree char *copied = NULL;
  g_autofree char *clicked = NULL;

  show_job (fixture, JD_DEMO_JOB_SUCCESS, TRUE);
  outputs = jd_job_get_outputs (fixture->job);

  for (guint i = 0; i < g_list_model_get_n_items (outputs); i++)
    {
      g_autoptr(JdJobOutput) output = g_list_model_get_item (outputs, i);

      if (i > 0)
        g_string_append_c (expected, '\n');
      g_string_append (expected, jd_job_output_get_file_name (output));
    }

  g_assert_true (jd_job_view_copy_all_file_names (fixture->view));
  copied = jd_ui_test_read_clipboard (GTK_WIDGET (fixture->view));
  g_assert_cmpstr (copied, ==, expected->str);
  g_assert_true (wait_for_toast (fixture, "3 file names copied"));

  /* The button does the same. */
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (fixture->view)), "nothing");
  g_signal_emit_by_name (find (fixture, "copy_all_button"), "clicked");
  clicked = jd_ui_test_read_clipboard (GTK_WIDGET (fixture->view));
  g_assert_cmpstr (clicked, ==, expected->str);

  /* A job without outputs has nothing to copy. */
  show_job (fixture, JD_DEMO_JOB_ERROR, TRUE);
  g_assert_false (jd_job_view_copy_all_file_names (fixture->view));
}

static void
test_outputs_suggest_name (void)
{
  static const struct {
    const char *file_name;
    const char *format;
    const char *expected;
  } cases[] = {
    { "\\\\fileserver\\share\\finance\\Umsatz_Übersicht_2024_Q3.xlsx", "Xlsx", "Umsatz_Übersicht_2024_Q3.xlsx" },
    { "\\\\fileserver\\share\\finance\\Umsatz_Übersicht_2024_Q3.xlsx", "Csv", "Umsatz_Übersicht_2024_Q3.csv" },
    { "C:\\Staging\\66ebd18d3d6200007e000d8c\\販売レポート.csv", "Raw", "販売レポート.csv" },
    { "C:\\Staging\\販売レポート.csv", "Pdf", "販売レポート.pdf" },
    { "C:\\Staging\\sales.yxdb", "Html", "sales.html" },
    { "C:\\Staging\\sales.yxdb", "csv", "sales.csv" },
    { "C:\\Staging\\Weekly Sales.xlsx|||Sheet1", "Xlsx", "Weekly Sales.xlsx" },
    { "/srv/out/report", "Yxdb", "report.yxdb" },
    { "C:\\Staging\\sales.v2.yxdb", "Tde", "sales.v2.tde" },
    { "C:\\Staging\\sales.yxdb", "Geopackage", "sales.geopackage" },
    { NULL, "Csv", "output.csv" },
    { "C:\\Staging\\", "Raw", "output" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *suggested = jd_output_suggest_file_name (cases[i].file_name, cases[i].format);

      g_assert_cmpstr (suggested, ==, cases[i].expected);
    }
}

typedef struct
{
  JdOutputRow *row;
} DownloadWait;

static gboolean
download_ended (gpointer data)
{
  return !jd_output_row_get_downloading (((DownloadWait *) data)->row);
}

static void
test_outputs_save (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("jd-job-view-XXXXXX", NULL);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  JdJobOutput *output;
  JdOutputRow *row;
  GtkWidget *revealer;
  DownloadWait wait;

  g_assert_nonnull (dir);
  show_job (fixture, JD_DEMO_JOB_SUCCESS, TRUE);
  output = output_at (fixture, 0);
  row = find_output_row (fixture, jd_job_output_get_id (output));

  path = g_build_filename (dir, "Umsatz Übersicht.csv", NULL);
  file = g_file_new_for_path (path);
  jd_output_row_save_to (row, "Csv", file);

  /* The progress shows in the row while it runs. */
  g_assert_true (jd_output_row_get_downloading (row));
  revealer = jd_ui_test_find_by_id (GTK_WIDGET (row), "progress_revealer");
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));

  wait.row = row;
  g_assert_true (jd_ui_test_wait_for (download_ended, &wait, WAIT_MS));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 0);
  g_assert_true (wait_for_toast (fixture, "Saved “Umsatz Übersicht.csv”"));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_outputs_save_cancel (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("jd-job-view-XXXXXX", NULL);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  JdJobOutput *output;
  JdOutputRow *row;
  DownloadWait wait;

  show_job (fixture, JD_DEMO_JOB_SUCCESS, TRUE);
  /* The large one (about 2 MB as CSV). */
  output = output_at (fixture, 2);
  row = find_output_row (fixture, jd_job_output_get_id (output));

  path = g_build_filename (dir, "large.csv", NULL);
  file = g_file_new_for_path (path);
  jd_output_row_save_to (row, "Csv", file);
  g_assert_true (jd_output_row_get_downloading (row));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "output.cancel-download", NULL));
  wait.row = row;
  /* a bound on waiting only: a download that went on would end too, and
   * leave the file the next lines look for (1 s was short for a loaded
   * machine at slowdown 1) */
  g_assert_true (jd_ui_test_wait_for (download_ended, &wait, WAIT_MS));

  /* Nothing half-written, and nothing said: the user asked. */
  jd_ui_test_spin (500);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_null (jd_ui_test_find_by_text (fixture->overlay, "Saved “large.csv”"));
  g_rmdir (dir);
}

/* A refresh brings the same outputs as new objects: the download goes on
 * and the new row shows it. */
static void
test_outputs_save_survives_refresh (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("jd-job-view-XXXXXX", NULL);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  JdJobOutput *output;
  JdOutputRow *row;
  DownloadWait wait;
  g_autofree char *output_id = NULL;

  show_job (fixture, JD_DEMO_JOB_SUCCESS, TRUE);
  output = output_at (fixture, 2);
  output_id = g_strdup (jd_job_output_get_id (output));
  row = find_output_row (fixture, output_id);

  path = g_build_filename (dir, "large.yxdb", NULL);
  file = g_file_new_for_path (path);
  jd_output_row_save_to (row, "Yxdb", file);

  show_job (fixture, JD_DEMO_JOB_SUCCESS, TRUE);
  row = find_output_row (fixture, output_id);
  wait.row = row;
  g_assert_true (jd_ui_test_wait_for (download_ended, &wait, WAIT_MS));

  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (wait_for_toast (fixture, "Saved “large.yxdb”"));
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_outputs_empty (Fixture       *fixture,
                    gconstpointer  data)
{
  show_job (fixture, JD_DEMO_JOB_ERROR, TRUE);

  g_assert_cmpstr (stack_page (fixture, "outputs_stack"), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (find (fixture, "outputs_empty_page"))), ==,
                   "No Outputs");
  g_assert_false (gtk_widget_get_visible (find (fixture, "outputs_toolbar")));
}

/* ------------------------------------------------------------------ */
/* Messages                                                            */

static guint
expected_matches (JdMessageList     *list,
                  int                severity,
                  const char        *needle)
{
  g_autofree char *folded_needle = g_utf8_casefold (needle, -1);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  guint count = 0;

  for (guint i = 0; i < n; i++)
    {
      const char *text = jd_message_list_get_text (list, i);
      g_autofree char *folded = g_utf8_casefold (text != NULL ? text : "", -1);
      g_autofree char *tool = jd_message_dup_tool_label (jd_message_list_get_tool_id (list, i));
      g_autofree char *folded_tool = g_utf8_casefold (tool != NULL ? tool : "", -1);

      if (severity >= 0 && jd_message_list_get_severity (list, i) != (JdMessageSeverity) severity)
        continue;
      if (strstr (folded, folded_needle) != NULL || strstr (folded_tool, folded_needle) != NULL)
        count++;
    }

  return count;
}

typedef struct
{
  GtkLabel   *label;
  const char *text;
} LabelWait;

static gboolean
label_is (gpointer data)
{
  LabelWait *wait = data;

  return g_strcmp0 (gtk_label_get_text (wait->label), wait->text) == 0;
}

static void
test_messages_filter (Fixture       *fixture,
                      gconstpointer  data)
{
  JdMessageList *list;
  GListModel *filtered;
  guint errors;
  guint searched;
  g_autofree char *expected = NULL;
  LabelWait wait;

  show_job (fixture, JD_DEMO_JOB_MANY_MESSAGES, TRUE);
  list = JD_MESSAGE_LIST (jd_job_get_messages (fixture->job));
  filtered = filter_model (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (filtered), ==, 5000);
  g_assert_cmpstr (label_text (fixture, "messages_count_label"), ==, "5000 messages");
  g_assert_cmpstr (label_text (fixture, "all_count"), ==, "5000");

  /* Errors only: exactly the errors. */
  errors = jd_message_list_count_severity (list, JD_MESSAGE_SEVERITY_ERROR);
  g_assert_cmpuint (errors, >, 0);
  g_signal_emit_by_name (find (fixture, "errors_toggle"), "clicked");
  g_assert_cmpuint (g_list_model_get_n_items (filtered), ==, errors);
  for (guint i = 0; i < errors; i++)
    {
      g_autoptr(JdJobMessage) message = g_list_model_get_item (filtered, i);

      g_assert_cmpint (jd_job_message_get_severity (message), ==, JD_MESSAGE_SEVERITY_ERROR);
    }
  expected = g_strdup_printf ("%u", errors);
  g_assert_cmpstr (label_text (fixture, "errors_count"), ==, expected);
  g_clear_pointer (&expected, g_free);

  /* The search narrows further, without regard to case. */
  gtk_editable_set_text (GTK_EDITABLE (find (fixture, "search_entry")), "FORMULA");
  searched = expected_matches (list, JD_MESSAGE_SEVERITY_ERROR, "formula");
  g_assert_cmpuint (searched, >, 0);
  g_assert_cmpuint (searched, <, errors);
  expected = g_strdup_printf ("Showing %u of 5000 messages", searched);
  wait.label = GTK_LABEL (find (fixture, "messages_count_label"));
  wait.text = expected;
  g_assert_true (jd_ui_test_wait_for (label_is, &wait, 5000));
  g_assert_cmpuint (g_list_model_get_n_items (filtered), ==, searched);

  /* Back to all messages, the search still applies. */
  g_signal_emit_by_name (find (fixture, "all_toggle"), "clicked");
  g_assert_cmpuint (g_list_model_get_n_items (filtered), ==, expected_matches (list, -1, "formula"));

  /* Nothing matches: a status page says so, and can show all again. */
  gtk_editable_set_text (GTK_EDITABLE (find (fixture, "search_entry")), "no message says this");
  wait.text = "Showing 0 of 5000 messages";
  g_assert_true (jd_ui_test_wait_for (label_is, &wait, 5000));
  g_assert_cmpstr (stack_page (fixture, "messages_stack"), ==, "no-match");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "job-view.show-all-messages", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (filtered), ==, 5000);
  g_assert_cmpstr (stack_page (fixture, "messages_stack"), ==, "list");
}

static void
test_messages_search_tool (Fixture       *fixture,
                           gconstpointer  data)
{
  JdMessageList *list;
  GListModel *filtered;
  guint expected;
  g_autoptr(GPtrArray) rows = NULL;

  show_job (fixture, JD_DEMO_JOB_SUCCESS, TRUE);
  list = JD_MESSAGE_LIST (jd_job_get_messages (fixture->job));
  filtered = filter_model (fixture);

  jd_message_filter_model_set_search (JD_MESSAGE_FILTER_MODEL (filtered), "tool 7");
  expected = expected_matches (list, -1, "tool 7");
  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (filtered), ==, expected);

  for (guint i = 0; i < expected; i++)
    {
      g_autoptr(JdJobMessage) message = g_list_model_get_item (filtered, i);
      g_autofree char *tool = jd_message_dup_tool_label (jd_job_message_get_tool_id (message));
      const char *text = jd_job_message_get_text (message);

      g_assert_true ((tool != NULL && g_ascii_strncasecmp (tool, "Tool 7", 6) == 0) ||
                     (text != NULL && strstr (text, "ool 7") != NULL));
    }

  /* "Engine" finds the engine's own messages (tool -1). */
  jd_message_filter_model_set_search (JD_MESSAGE_FILTER_MODEL (filtered), "engine");
  g_assert_cmpuint (g_list_model_get_n_items (filtered), ==, expected_matches (list, -1, "engine"));
  g_assert_cmpuint (g_list_model_get_n_items (filtered), >, 0);

  /* Non-ASCII searches fold case too. */
  jd_message_filter_model_set_search (JD_MESSAGE_FILTER_MODEL (filtered), "ÜBERSICHT");
  g_assert_cmpuint (g_list_model_get_n_items (filtered), ==, expected_matches (list, -1, "übersicht"));
  g_assert_cmpuint (g_list_model_get_n_items (filtered), >, 0);

  /* The rows show tool, text and copy. */
  jd_message_filter_model_set_search (JD_MESSAGE_FILTER_MODEL (filtered), NULL);
  rows = wait_for_rows (find (fixture, "messages_list"), JD_TYPE_MESSAGE_ROW, g_list_model_get_n_items (filtered));
  g_assert_cmpuint (rows->len, >, 0);
}

static void
test_messages_row (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(JdJobMessage) info = jd_job_message_new (4, "Select (3): 12 records", 3);
  g_autoptr(JdJobMessage) error = jd_job_message_new (3, "Formula (5): Parse error", 5);
  g_autoptr(JdJobMessage) engine = jd_job_message_new (1 | JD_JOB_MESSAGE_TRANSIENT_FLAG, "Finished running", -1);
  g_autoptr(JdJobMessage) anonymous = jd_job_message_new (2, "Something odd", JD_JOB_MESSAGE_NO_TOOL);
  GtkWidget *row = g_object_ref_sink (jd_message_row_new ());
  GtkWidget *tool_label = jd_ui_test_find_by_id (row, "tool_label");
  GtkWidget *code_label = jd_ui_test_find_by_id (row, "code_label");
  GtkWidget *icon = jd_ui_test_find_by_id (row, "severity_icon");

  jd_message_row_set_message (JD_MESSAGE_ROW (row), info);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (tool_label)), ==, "Tool 3");
  /* Information with an unusual code shows the code. */
  g_assert_true (gtk_widget_get_visible (code_label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (code_label)), ==, "Code 4");
  g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (icon)), ==, "dialog-information-symbolic");

  jd_message_row_set_message (JD_MESSAGE_ROW (row), error);
  g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (icon)), ==, "dialog-error-symbolic");
  g_assert_true (gtk_widget_has_css_class (icon, "error"));
  g_assert_false (gtk_widget_has_css_class (icon, "dim-label"));
  g_assert_false (gtk_widget_get_visible (code_label));

  jd_message_row_set_message (JD_MESSAGE_ROW (row), engine);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (tool_label)), ==, "Engine");
  g_assert_false (gtk_widget_get_visible (code_label));

  jd_message_row_set_message (JD_MESSAGE_ROW (row), anonymous);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (tool_label)), ==, "");
  g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (icon)), ==, "dialog-warning-symbolic");
  g_assert_true (gtk_widget_has_css_class (icon, "warning"));

  g_assert_finalize_object (row);
}

static void
test_messages_copy (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  JdMessageRow *row;
  GtkWidget *button;
  g_autofree char *copied = NULL;

  show_job (fixture, JD_DEMO_JOB_SUCCESS, TRUE);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (find (fixture, "view_stack")), "messages");
  jd_ui_test_spin (100);
  rows = wait_for_rows (find (fixture, "messages_list"), JD_TYPE_MESSAGE_ROW,
                        g_list_model_get_n_items (filter_model (fixture)));

  row = g_ptr_array_index (rows, 2);
  button = jd_ui_test_find_by_id (GTK_WIDGET (row), "copy_button");
  g_signal_emit_by_name (button, "clicked");
  copied = jd_ui_test_read_clipboard (GTK_WIDGET (fixture->view));
  g_assert_cmpstr (copied, ==, jd_job_message_get_text (jd_message_row_get_message (row)));
  g_assert_true (wait_for_toast (fixture, "Message copied"));
}

static void
test_messages_settings (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *kept = NULL;
  GListModel *filtered;
  JdMessageList *list;

  g_settings_reset (settings, "message-filter");
  jd_job_view_set_settings (fixture->view, settings);
  show_job (fixture, JD_DEMO_JOB_MANY_MESSAGES, TRUE);
  list = JD_MESSAGE_LIST (jd_job_get_messages (fixture->job));
  filtered = filter_model (fixture);

  /* The choice is kept... */
  g_signal_emit_by_name (find (fixture, "warnings_toggle"), "clicked");
  kept = g_settings_get_string (settings, "message-filter");
  g_assert_cmpstr (kept, ==, "warnings");
  g_assert_cmpuint (g_list_model_get_n_items (filtered), ==,
                    jd_message_list_count_severity (list, JD_MESSAGE_SEVERITY_WARNING));

  /* ...and a change of the key shows. */
  g_settings_set_string (settings, "message-filter", "files");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find (fixture, "files_toggle"))));
  g_assert_cmpuint (g_list_model_get_n_items (filtered), ==,
                    jd_message_list_count_severity (list, JD_MESSAGE_SEVERITY_FILE));

  g_settings_reset (settings, "message-filter");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find (fixture, "all_toggle"))));
  jd_job_view_set_settings (fixture->view, NULL);
}

static void
test_messages_search_shortcut (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkWidget *entry;
  GtkWidget *focus;

  show_job (fixture, JD_DEMO_JOB_SUCCESS, TRUE);
  entry = find (fixture, "search_entry");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "job-view.search-messages", NULL));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (find (fixture, "view_stack"))), ==,
                   "messages");
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));
}



static void
test_messages_load_all (Fixture       *fixture,
                        gconstpointer  data)
{
  AdwStatusPage *empty;

  show_job (fixture, JD_DEMO_JOB_MANY_MESSAGES, FALSE);
  g_assert_false (jd_job_get_messages_included (fixture->job));

  empty = ADW_STATUS_PAGE (find (fixture, "messages_empty_page"));
  g_assert_cmpstr (stack_page (fixture, "messages_stack"), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_description (empty), ==, "The server did not send messages with this job.");
  g_assert_true (gtk_widget_get_visible (find (fixture, "load_all_empty_button")));

  g_signal_emit_by_name (find (fixture, "load_all_empty_button"), "clicked");
  /* A spinner in the button while it loads. */
  g_assert_true (gtk_widget_get_visible (find (fixture, "load_all_empty_spinner")));

  g_assert_true (jd_ui_test_wait_for (messages_loaded, fixture, WAIT_MS));
  g_assert_true (jd_job_get_messages_included (fixture->job));
  g_assert_false (gtk_widget_get_visible (find (fixture, "load_all_empty_spinner")));
  g_assert_cmpstr (stack_page (fixture, "messages_stack"), ==, "list");
  g_assert_cmpstr (label_text (fixture, "messages_count_label"), ==, "5000 messages");
  g_assert_true (wait_for_toast (fixture, "5000 messages loaded"));
}

static gboolean
revealed (gpointer data)
{
  return gtk_revealer_get_reveal_child (GTK_REVEALER (data));
}

static void
test_messages_load_all_refused (Fixture       *fixture,
                                gconstpointer  data)
{
  GtkWidget *revealer;
  const char *text;

  show_job (fixture, JD_DEMO_JOB_MANY_MESSAGES, FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "job-view.load-all-messages", NULL));

  revealer = find (fixture, "messages_error_revealer");
  g_assert_true (jd_ui_test_wait_for (revealed, revealer, WAIT_MS));

  /* In words: only Curators may. */
  text = label_text (fixture, "messages_error_label");
  g_test_message ("refusal: %s", text);
  g_assert_nonnull (strstr (text, "Curator"));
  g_assert_cmpuint (g_list_model_get_n_items (jd_job_get_messages (fixture->job)), ==, 0);
  g_assert_false (gtk_widget_get_visible (find (fixture, "load_all_empty_spinner")));

  if (g_getenv ("JD_SCREENSHOT_DIR") != NULL)
    {
      adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (find (fixture, "view_stack")), "messages");
      screenshot (fixture, g_getenv ("JD_SCREENSHOT_DIR"), "job-view-load-all-refused.png");
    }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "job-view.dismiss-messages-error", NULL));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
}

static void
test_messages_empty (Fixture       *fixture,
                     gconstpointer  data)
{
  AdwStatusPage *empty;

  show_job (fixture, JD_DEMO_JOB_NO_MESSAGES, TRUE);
  empty = ADW_STATUS_PAGE (find (fixture, "messages_empty_page"));

  g_assert_cmpstr (stack_page (fixture, "messages_stack"), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (empty), ==, "No Messages");
  /* The messages came, and there were none: nothing more to load. */
  g_assert_false (gtk_widget_get_visible (find (fixture, "load_all_empty_button")));
  g_assert_false (gtk_widget_get_visible (find (fixture, "messages_toolbar")));
}

/* Filtering stays fast with 100,000 messages (target: < 50 ms a keystroke). */
static void
test_messages_filter_speed (void)
{
  g_autoptr(JdMessageList) list = jd_message_list_new ();
  g_autoptr(JdMessageFilterModel) filter = NULL;
  static const guint codes[] = { 1, 2, 3, 4, 8, 9 };
  static const char *const keystrokes[] = { "r", "re", "rec", "reco", "recor", "record", "record 9", "record 99" };
  gint64 start, slowest = 0;

  for (guint i = 0; i < 100000; i++)
    {
      g_autofree char *text = g_strdup_printf ("Formula (%u): processed record %u of \\\\fileserver\\share\\Lager_Süd\\stock.csv",
                                               i % 50, i);

      jd_message_list_append (list, codes[i % G_N_ELEMENTS (codes)], text, (gint32) (i % 50));
    }

  filter = jd_message_filter_model_new (G_LIST_MODEL (list));

  start = g_get_monotonic_time ();
  jd_message_filter_model_set_kind (filter, JD_MESSAGE_FILTER_WARNINGS);
  slowest = g_get_monotonic_time () - start;
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, 100000 / 6 + 1);
  jd_message_filter_model_set_kind (filter, JD_MESSAGE_FILTER_ALL);

  for (guint i = 0; i < G_N_ELEMENTS (keystrokes); i++)
    {
      gint64 took;

      start = g_get_monotonic_time ();
      jd_message_filter_model_set_search (filter, keystrokes[i]);
      took = g_get_monotonic_time () - start;
      slowest = MAX (slowest, took);
      g_test_message ("“%s”: %u matches in %.1f ms", keystrokes[i],
                      g_list_model_get_n_items (G_LIST_MODEL (filter)), took / 1000.0);
    }

  /* "record 99" matches record 99, 990-999, 9900-9999 and 99000-99999. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, 1 + 10 + 100 + 1000);
  g_test_message ("slowest refilter of 100,000 messages: %.1f ms", slowest / 1000.0);

  /* Speed is measured by the benchmark (tools/run-benchmark), never
   * asserted here: these machines are too noisy for a timed test. */
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

  ADD ("summary/success", test_summary_success);
  ADD ("summary/sparse", test_summary_sparse);
  ADD ("summary/badges", test_summary_badges);
  ADD ("summary/copy-ids", test_summary_copy_ids);
  g_test_add_func ("/ui/job-view/summary/relative-time", test_relative_time);
  ADD ("outputs/rows", test_outputs_rows);
  ADD ("outputs/copy-file-name", test_outputs_copy_file_name);
  ADD ("outputs/copy-all-file-names", test_outputs_copy_all);
  g_test_add_func ("/ui/job-view/outputs/suggest-file-name", test_outputs_suggest_name);
  ADD ("outputs/save", test_outputs_save);
  ADD ("outputs/save-cancel", test_outputs_save_cancel);
  ADD ("outputs/save-survives-refresh", test_outputs_save_survives_refresh);
  ADD ("outputs/empty", test_outputs_empty);
  ADD ("messages/filter-and-search", test_messages_filter);
  ADD ("messages/search-tool", test_messages_search_tool);
  ADD ("messages/row", test_messages_row);
  ADD ("messages/copy", test_messages_copy);
  ADD ("messages/filter-setting", test_messages_settings);
  ADD ("messages/search-shortcut", test_messages_search_shortcut);
  ADD ("messages/load-all-curator", test_messages_load_all);
  ADD_VIEWER ("messages/load-all-viewer-refused", test_messages_load_all_refused);
  ADD ("messages/empty", test_messages_empty);
  g_test_add_func ("/ui/job-view/messages/filter-speed", test_messages_filter_speed);

#undef ADD
#undef ADD_VIEWER

  return g_test_run ();
}
