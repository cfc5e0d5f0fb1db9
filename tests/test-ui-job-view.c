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

#define WAIT_MS 20000

typedef struct
{
  JdApplication *app;
  JdDemoServer  *server;
  JdClient      *client;
  GtkWindow     *window;
  GtkWidget     *overlay;
  JdJobView     *view;
  JdJob         *job;
} Fixture;

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

typedef struct
{
  JdJob    *job;
  GError   *error;
  gboolean  done;
} JobWait;

static void
on_job_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  JobWait *wait = user_data;

  wait->job = jd_client_get_job_finish (JD_CLIENT (source), result, &wait->error);
  wait->done = TRUE;
}

static gboolean
job_wait_done (gpointer data)
{
  return ((JobWait *) data)->done;
}

/* A job over real HTTP, as the lookup page gets it. */
static JdJob *
fetch_job (JdClient   *client,
           const char *id,
           gboolean    include_messages)
{
  JobWait wait = { NULL, NULL, FALSE };

  jd_client_get_job_async (client, id, include_messages, NULL, on_job_cb, &wait);
  g_assert_true (jd_ui_test_wait_for (job_wait_done, &wait, WAIT_MS));
  g_assert_no_error (wait.error);
  g_assert_nonnull (wait.job);
  return wait.job;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  gboolean viewer = GPOINTER_TO_INT (data);

  fixture->app = jd_ui_test_app_new ();
  fixture->server = jd_ui_test_demo_server_new ();
  fixture->client = jd_ui_test_demo_client_new (fixture->server, viewer);

  /* The job view as the lookup page holds it, inside a toast overlay. */
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1100, 800);
  fixture->overlay = adw_toast_overlay_new ();
  fixture->view = JD_JOB_VIEW (jd_job_view_new ());
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (fixture->overlay), GTK_WIDGET (fixture->view));
  gtk_window_set_child (fixture->window, fixture->overlay);
  jd_job_view_set_client (fixture->view, fixture->client);
  gtk_window_present (fixture->window);
  g_object_add_weak_pointer (G_OBJECT (fixture->view), (gpointer *) &fixture->view);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  jd_ui_test_spin (50);

  /* Neither the view nor anything in it keeps the job alive. */
  g_assert_null (fixture->view);
  if (fixture->job != NULL)
    g_assert_finalize_object (g_steal_pointer (&fixture->job));
  g_clear_object (&fixture->client);
  jd_demo_server_stop (fixture->server);
  g_clear_object (&fixture->server);
  g_clear_object (&fixture->app);
}

static void
show_job (Fixture    *fixture,
          const char *id,
          gboolean    include_messages)
{
  g_clear_object (&fixture->job);
  fixture->job = fetch_job (fixture->client, id, include_messages);
  jd_job_view_set_job (fixture->view, fixture->job);
  /* Let the lists lay out their rows. */
  jd_ui_test_spin (100);
}

static GtkWidget *
find (Fixture    *fixture,
      const char *id)
{
  GtkWidget *widget = jd_ui_test_find_by_id (GTK_WIDGET (fixture->view), id);

  g_assert_nonnull (widget);
  return widget;
}

static const char *
label_text (Fixture    *fixture,
            const char *id)
{
  return gtk_label_get_text (GTK_LABEL (find (fixture, id)));
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} TextWait;

static gboolean
text_shown (gpointer data)
{
  TextWait *wait = data;

  return jd_ui_test_find_by_text (wait->root, wait->text) != NULL;
}

/* A toast's title shows as a label inside the overlay. */
static gboolean
wait_for_toast (Fixture    *fixture,
                const char *text)
{
  TextWait wait = { fixture->overlay, text };

  return jd_ui_test_wait_for (text_shown, &wait, 5000);
}

typedef struct
{
  GtkWidget *root;
  GType      type;
  guint      count;
} RowsWait;

static gboolean
rows_shown (gpointer data)
{
  RowsWait *wait = data;
  g_autoptr(GPtrArray) rows = jd_ui_test_find_all (wait->root, wait->type);

  return rows->len == wait->count;
}

static GPtrArray *
wait_for_rows (GtkWidget *list,
               GType      type,
               guint      count)
{
  RowsWait wait = { list, type, count };

  g_assert_true (jd_ui_test_wait_for (rows_shown, &wait, 5000));
  return jd_ui_test_find_all (list, type);
}

/* The filter model behind the messages list, past the selection model and
 * the pacer that hands the list its items a few at a time. */
static GListModel *
filter_model (Fixture *fixture)
{
  GtkGridView *list = GTK_GRID_VIEW (find (fixture, "messages_list"));
  GtkSelectionModel *selection = gtk_grid_view_get_model (list);

  return jd_list_pacer_get_model (JD_LIST_PACER (gtk_no_selection_get_model (GTK_NO_SELECTION (selection))));
}

static const char *
stack_page (Fixture    *fixture,
            const char *stack_id)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (find (fixture, stack_id)));
}

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
  g_assert_true (jd_ui_test_wait_for (download_ended, &wait, 1000));

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

static void screenshot (Fixture    *fixture,
                        const char *dir,
                        const char *name);

static gboolean
messages_loaded (gpointer data)
{
  Fixture *fixture = data;

  return g_list_model_get_n_items (jd_job_get_messages (fixture->job)) == 5000 &&
         g_list_model_get_n_items (filter_model (fixture)) == 5000;
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

/* ------------------------------------------------------------------ */
/* In the real window                                                  */

static gboolean
lookup_shows_job (gpointer data)
{
  return jd_lookup_page_get_state (data) == JD_LOOKUP_STATE_JOB;
}

static void
test_window_copy_file_names (void)
{
  g_autoptr(JdApplication) app = jd_ui_test_app_new ();
  g_autoptr(JdDemoServer) server = jd_ui_test_demo_server_new ();
  g_autoptr(JdClient) client = jd_ui_test_demo_client_new (server, FALSE);
  g_autofree char *copied = NULL;
  JdLookupPage *page;
  JdWindow *window;

  jd_application_set_client (app, client);
  window = jd_application_new_window (app);
  gtk_window_present (GTK_WINDOW (window));
  page = jd_window_get_lookup_page (window);

  jd_window_look_up (window, JD_DEMO_JOB_SUCCESS);
  g_assert_true (jd_ui_test_wait_for (lookup_shows_job, page, WAIT_MS));

  /* Ctrl+Shift+C */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-file-names", NULL));
  copied = jd_ui_test_read_clipboard (GTK_WIDGET (window));
  g_assert_nonnull (copied);
  g_assert_true (g_str_has_suffix (copied, "_final_v3.yxdb"));
  g_assert_nonnull (strstr (copied, "\\販売レポート.csv\n"));

  gtk_window_destroy (GTK_WINDOW (window));
  jd_ui_test_spin (50);
  jd_application_set_client (app, NULL);
  jd_demo_server_stop (server);
}

static void screenshot_window (GtkWindow  *window,
                               const char *dir,
                               const char *name);

/* ------------------------------------------------------------------ */
/* Export                                                              */

/* The item of the "Job actions" menu for this action, or NULL when the
 * menu hides it. */
static GtkWidget *
menu_item (Fixture    *fixture,
           const char *name)
{
  static const struct { const char *action; const char *label; } items[] = {
    /* the text shows without the mnemonics' underscores */
    { "copy-json", "Copy as JSON" },
    { "copy-curl", "Copy curl Command" },
    { "save-messages-csv", "Save Messages as CSV…" },
    { "cancel-job", "Cancel Job…" },
    { "remove-job", "Remove From Queue…" },
  };
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (find (fixture, "actions_button"))));
  g_autoptr(GPtrArray) widgets = NULL;
  const char *label = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    if (g_str_equal (items[i].action, name))
      label = items[i].label;
  g_assert_nonnull (label);

  /* The menu's items are GtkModelButtons, known by their text. */
  widgets = jd_ui_test_find_all (popover, GTK_TYPE_WIDGET);
  for (guint i = 0; i < widgets->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (widgets, i);
      g_autofree char *text = NULL;

      if (g_object_class_find_property (G_OBJECT_GET_CLASS (widget), "text") == NULL || GTK_IS_LABEL (widget))
        continue;
      g_object_get (widget, "text", &text, NULL);
      if (g_strcmp0 (text, label) == 0)
        return widget;
    }

  return NULL;
}

/* Whether the menu offers the action now: shown, and not greyed out. */
static gboolean
action_enabled (Fixture    *fixture,
                const char *name)
{
  GtkWidget *item = menu_item (fixture, name);

  return item != NULL && gtk_widget_get_visible (item) && gtk_widget_get_sensitive (item);
}

static JsonNode *
parse_json (const char *text,
            gsize       length)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, length, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
test_export_copy_json (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *copied = NULL;
  g_autoptr(JsonNode) ours = NULL;
  g_autoptr(JsonNode) servers = NULL;
  GBytes *raw;

  show_job (fixture, JD_DEMO_JOB_SUCCESS, TRUE);
  raw = jd_job_get_raw_json (fixture->job);
  g_assert_nonnull (raw);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "job-view.copy-json", NULL));
  g_assert_true (wait_for_toast (fixture, "Job copied as JSON"));
  copied = jd_ui_test_read_clipboard (GTK_WIDGET (fixture->view));
  g_assert_nonnull (copied);

  /* The Server's answer, every member of it, only laid out anew. */
  ours = parse_json (copied, strlen (copied));
  servers = parse_json (g_bytes_get_data (raw, NULL), g_bytes_get_size (raw));
  g_assert_true (json_node_equal (ours, servers));
  g_assert_true (g_str_has_prefix (copied, "{\n  \""));
  g_assert_nonnull (strstr (copied, "\n  \"messages\" : [\n    {\n      \""));
}

/* After "Load All Messages" the copy holds the messages the list shows,
 * in the Server's form; the rest is the Server's answer as it came. */
static void
test_export_copy_json_after_load_all (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autofree char *copied = NULL;
  g_autoptr(JsonNode) ours = NULL;
  g_autoptr(JsonNode) servers = NULL;
  JsonObject *object;
  JsonArray *messages;
  JdJobMessage *first;
  GBytes *raw;

  show_job (fixture, JD_DEMO_JOB_MANY_MESSAGES, FALSE);
  raw = jd_job_get_raw_json (fixture->job);
  servers = parse_json (g_bytes_get_data (raw, NULL), g_bytes_get_size (raw));
  g_assert_false (json_object_has_member (json_node_get_object (servers), "messages"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "job-view.load-all-messages", NULL));
  g_assert_true (jd_ui_test_wait_for (messages_loaded, fixture, WAIT_MS));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "job-view.copy-json", NULL));
  g_assert_true (wait_for_toast (fixture, "Job copied as JSON"));
  copied = jd_ui_test_read_clipboard (GTK_WIDGET (fixture->view));
  g_assert_nonnull (copied);
  ours = parse_json (copied, strlen (copied));

  object = json_node_get_object (ours);
  messages = json_object_get_array_member (object, "messages");
  g_assert_nonnull (messages);
  g_assert_cmpuint (json_array_get_length (messages), ==, 5000);
  first = g_list_model_get_item (jd_job_get_messages (fixture->job), 0);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (messages, 0), "status"), ==,
                   jd_job_message_get_code (first));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (messages, 0), "text"), ==,
                   jd_job_message_get_text (first));
  g_object_unref (first);

  /* without them, what the Server sent */
  json_object_remove_member (object, "messages");
  g_assert_true (json_node_equal (ours, servers));
}

typedef struct
{
  gint64 last;
  gint64 longest;
} Ticks;

static gboolean
on_tick_cb (gpointer data)
{
  Ticks *ticks = data;
  gint64 now = g_get_monotonic_time ();

  ticks->longest = MAX (ticks->longest, now - ticks->last);
  ticks->last = now;
  return G_SOURCE_CONTINUE;
}

/* 11 MB of JSON are laid out on a worker thread: the window goes on
 * drawing meanwhile. */
static void
test_export_copy_json_huge (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *copied = NULL;
  Ticks ticks = { 0, 0 };
  guint tick;

  jd_client_set_timeout (fixture->client, 120);
  show_job (fixture, JD_DEMO_JOB_HUGE, TRUE);
  g_assert_cmpuint (g_bytes_get_size (jd_job_get_raw_json (fixture->job)), >, 10 * 1000 * 1000);

  ticks.last = g_get_monotonic_time ();
  tick = g_timeout_add (10, on_tick_cb, &ticks);
  g_assert_true (action_enabled (fixture, "copy-json"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "job-view.copy-json", NULL));
  /* Under way: a second copy waits for the first. */
  g_assert_false (action_enabled (fixture, "copy-json"));
  g_assert_true (wait_for_toast (fixture, "Job copied as JSON"));
  g_source_remove (tick);
  g_assert_true (action_enabled (fixture, "copy-json"));
  g_test_message ("longest main loop pause while copying: %" G_GINT64_FORMAT " ms", ticks.longest / 1000);
  g_assert_cmpint (ticks.longest, <, G_USEC_PER_SEC);

  copied = jd_ui_test_read_clipboard (GTK_WIDGET (fixture->view));
  g_assert_nonnull (copied);
  g_assert_cmpuint (strlen (copied), >, g_bytes_get_size (jd_job_get_raw_json (fixture->job)));
}

/* A reader of RFC 4180, enough for our files: rows of fields. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          for (p++; ; p++)
            {
              g_assert_true (*p != '\0');
              if (*p == '"' && p[1] == '"')
                {
                  g_string_append_c (field, '"');
                  p++;
                }
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                g_string_append_c (field, *p);
            }
        }

      if (*p == ',')
        {
          g_ptr_array_add (row, g_strdup (field->str));
          g_string_truncate (field, 0);
          p++;
        }
      else if (*p == '\r' && p[1] == '\n')
        {
          g_ptr_array_add (row, g_strdup (field->str));
          g_string_truncate (field, 0);
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
          p += 2;
        }
      else
        {
          /* No bare line breaks outside quotes. */
          g_assert_true (*p != '\n' && *p != '\r');
          g_string_append_c (field, *p);
          p++;
        }
    }

  /* Every row ends with CRLF. */
  g_assert_cmpuint (row->len, ==, 0);
  g_assert_cmpuint (field->len, ==, 0);
  g_ptr_array_unref (row);
  g_string_free (field, TRUE);
  return rows;
}

static const char *
cell (GPtrArray *rows,
      guint      row,
      guint      column)
{
  GPtrArray *fields = g_ptr_array_index (rows, row);

  g_assert_cmpuint (fields->len, ==, 4);
  return g_ptr_array_index (fields, column);
}

typedef struct
{
  const char *dir;
  char       *path;
  GFile      *file;
} TempFile;

static void
temp_file_init (TempFile   *temp,
                const char *name)
{
  temp->dir = g_dir_make_tmp ("jd-job-export-XXXXXX", NULL);
  g_assert_nonnull (temp->dir);
  temp->path = g_build_filename (temp->dir, name, NULL);
  temp->file = g_file_new_for_path (temp->path);
}

static void
temp_file_clear (TempFile *temp)
{
  g_unlink (temp->path);
  g_rmdir (temp->dir);
  g_free ((char *) temp->dir);
  g_free (temp->path);
  g_object_unref (temp->file);
}

static void
test_export_save_csv (Fixture       *fixture,
                      gconstpointer  data)
{
  static const char * const words[] = { "Error", "Warning", "File", "Info" };
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  JdMessageList *messages;
  TempFile temp;
  guint n;

  temp_file_init (&temp, "job messages.csv");
  show_job (fixture, JD_DEMO_JOB_SUCCESS, TRUE);
  messages = JD_MESSAGE_LIST (jd_job_get_messages (fixture->job));
  n = g_list_model_get_n_items (G_LIST_MODEL (messages));
  g_assert_cmpuint (n, ==, 12);

  /* Whatever the filter shows, the file holds every message. */
  g_signal_emit_by_name (find (fixture, "errors_toggle"), "clicked");
  g_assert_cmpuint (g_list_model_get_n_items (filter_model (fixture)), <, n);

  jd_job_view_save_messages_csv_to (fixture->view, temp.file);
  g_assert_true (wait_for_toast (fixture, "Saved 12 messages"));

  g_assert_true (g_file_get_contents (temp.path, &contents, NULL, NULL));
  g_assert_true (g_utf8_validate (contents, -1, NULL));
  g_assert_true (g_str_has_prefix (contents, "Severity,Code,Tool ID,Message\r\n"));
  /* Commas and quotes in a message: quoted, quotes doubled. */
  g_assert_nonnull (strstr (contents,
                            "\r\nInfo,1,1,\"Input Data (1): 12,345 records were read from "
                            "\"\"\\\\fileserver\\share\\finance\\sales\\raw\\pos_transactions_2024_w38.csv\"\"\"\r\n"));
  /* The engine is tool -1; the transient flag is not part of the code. */
  g_assert_nonnull (strstr (contents, "\r\nInfo,1,-1,Finished in 12.8 seconds\r\n"));
  g_assert_nonnull (strstr (contents, "\r\nInfo,1,5,Join (5): 50% complete\r\n"));
  g_assert_nonnull (strstr (contents, "\r\nFile,9,8,C:\\ProgramData\\Alteryx\\Service\\Staging\\66ebd18d3d6200007e000d8c\\販売レポート.csv\r\n"));

  rows = parse_csv (contents);
  g_assert_cmpuint (rows->len, ==, n + 1);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *code = g_strdup_printf ("%u", jd_message_list_get_code (messages, i) & ~JD_JOB_MESSAGE_TRANSIENT_FLAG);
      g_autofree char *tool = g_strdup_printf ("%d", jd_message_list_get_tool_id (messages, i));

      g_assert_cmpstr (cell (rows, i + 1, 0), ==, words[jd_message_list_get_severity (messages, i)]);
      g_assert_cmpstr (cell (rows, i + 1, 1), ==, code);
      g_assert_cmpstr (cell (rows, i + 1, 2), ==, tool);
      g_assert_cmpstr (cell (rows, i + 1, 3), ==, jd_message_list_get_text (messages, i));
    }

  temp_file_clear (&temp);
}

/* Line breaks, quotes, commas, a missing tool, and text a spreadsheet
 * would take for a formula. */
static void
test_export_csv_quoting (void)
{
  static const struct { const char *in; const char *out; } fields[] = {
    { "plain text", "plain text" },
    { "a, b", "\"a, b\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    { "two\nlines", "\"two\nlines\"" },
    { "two\r\nlines", "\"two\r\nlines\"" },
    { "", "" },
    { "Übersicht 販売", "Übersicht 販売" },
  };
  g_autoptr(JdMessageList) list = jd_message_list_new ();
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  TempFile temp;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *field = jd_job_export_csv_field (fields[i].in);

      g_assert_cmpstr (field, ==, fields[i].out);
    }

  jd_message_list_append (list, 3, "Formula (4): a line\nand \"another\", with a comma", 4);
  jd_message_list_append (list, 2, "=HYPERLINK(\"http://example.com\")", JD_JOB_MESSAGE_NO_TOOL);
  jd_message_list_append (list, 8 | JD_JOB_MESSAGE_TRANSIENT_FLAG, "-1 rows", -1);

  temp_file_init (&temp, "quoting.csv");
  g_assert_cmpint (jd_job_export_write_messages_csv (G_LIST_MODEL (list), temp.file, NULL, &error), ==, 3);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (temp.path, &contents, NULL, NULL));

  g_assert_cmpstr (contents, ==,
                   "Severity,Code,Tool ID,Message\r\n"
                   "Error,3,4,\"Formula (4): a line\nand \"\"another\"\", with a comma\"\r\n"
                   "Warning,2,,\"'=HYPERLINK(\"\"http://example.com\"\")\"\r\n"
                   "File,8,-1,'-1 rows\r\n");

  rows = parse_csv (contents);
  g_assert_cmpuint (rows->len, ==, 4);
  g_assert_cmpstr (cell (rows, 1, 3), ==, "Formula (4): a line\nand \"another\", with a comma");
  temp_file_clear (&temp);
}

static void
test_export_save_csv_chooser (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  /* GTK 4.8's file chooser dialog leaks the file infos of the folder it
   * lists when it closes (GtkFileSystemModel; nothing of ours on those
   * stacks). Under LeakSanitizer the dialog stays shut; the writing
   * behind it is tested through jd_job_view_save_messages_csv_to (). */
  if (g_getenv ("JD_TEST_UNDER_LSAN") != NULL)
    {
      g_test_skip ("GTK 4.8's file chooser dialog leaks its folder listing");
      return;
    }

  show_job (fixture, JD_DEMO_JOB_SUCCESS, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "job-view.save-messages-csv", NULL));

  chooser = jd_job_view_get_csv_chooser (fixture->view);
  g_assert_nonnull (chooser);
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (name, ==, "job-" JD_DEMO_JOB_SUCCESS "-messages.csv");
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==, GTK_FILE_CHOOSER_ACTION_SAVE);

  /* Cancelled: nothing saved, nothing said. */
  g_signal_emit_by_name (chooser, "response", GTK_RESPONSE_CANCEL);
  g_assert_null (jd_job_view_get_csv_chooser (fixture->view));
  jd_ui_test_spin (200);
  g_assert_null (jd_ui_test_find_by_text (fixture->overlay, "Saved 12 messages"));
}

static void
test_export_save_csv_fails (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent-jd-folder/messages.csv");
  GtkWidget *overlay = fixture->overlay;
  gboolean said = FALSE;

  show_job (fixture, JD_DEMO_JOB_SUCCESS, TRUE);
  jd_job_view_save_messages_csv_to (fixture->view, file);

  /* A toast that says what went wrong and what to do. */
  for (guint i = 0; i < 100 && !said; i++)
    {
      g_autoptr(GPtrArray) labels = jd_ui_test_find_all (overlay, GTK_TYPE_LABEL);

      for (guint k = 0; k < labels->len; k++)
        {
          const char *text = gtk_label_get_text (g_ptr_array_index (labels, k));

          if (g_str_has_prefix (text, "The messages could not be saved: ") &&
              g_str_has_suffix (text, "Choose another place and try again."))
            said = TRUE;
        }
      jd_ui_test_spin (50);
    }
  g_assert_true (said);
  g_assert_false (g_file_query_exists (file, NULL));
}

static void
test_export_copy_curl (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *copied = NULL;
  g_autofree char *expected_url = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *authorization = NULL;
  g_auto(GStrv) tokens = NULL;

  show_job (fixture, JD_DEMO_JOB_SUCCESS, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "job-view.copy-curl", NULL));
  g_assert_true (wait_for_toast (fixture, "curl command copied — replace YOUR_TOKEN with an access token"));
  copied = jd_ui_test_read_clipboard (GTK_WIDGET (fixture->view));

  expected_url = g_strdup_printf ("'%s/v3/jobs/%s?includeMessages=true'",
                                  jd_demo_server_get_base_url (fixture->server), JD_DEMO_JOB_SUCCESS);
  expected = g_strdup_printf ("curl -s -H 'Authorization: Bearer YOUR_TOKEN' -H 'Accept: application/json' %s",
                              expected_url);
  g_assert_cmpstr (copied, ==, expected);

  /* Never a real token: not the one the lookup sent, nor any other. */
  authorization = jd_demo_server_dup_last_header (fixture->server, "Authorization");
  g_assert_nonnull (authorization);
  g_assert_true (g_str_has_prefix (authorization, "Bearer "));
  g_assert_null (strstr (copied, authorization + strlen ("Bearer ")));
  tokens = jd_demo_server_dup_issued_tokens (fixture->server);
  g_assert_cmpuint (g_strv_length (tokens), >, 0);
  for (guint i = 0; tokens[i] != NULL; i++)
    g_assert_null (strstr (copied, tokens[i]));
}

static void
test_export_curl_quoting (void)
{
  g_autofree char *command = jd_job_export_curl_command ("https://ayx.example.com/it's/webapi", JD_DEMO_JOB_SUCCESS);
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;

  /* What a shell would hand curl. */
  g_assert_true (g_shell_parse_argv (command, NULL, &argv, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (argv), ==, 7);
  g_assert_cmpstr (argv[3], ==, "Authorization: Bearer YOUR_TOKEN");
  g_assert_cmpstr (argv[6], ==, "https://ayx.example.com/it's/webapi/v3/jobs/" JD_DEMO_JOB_SUCCESS "?includeMessages=true");
}

/* ------------------------------------------------------------------ */
/* Cancelling a job                                                    */

static gboolean
flag_is_set (gpointer data)
{
  return *(gboolean *) data;
}

static void
on_refresh_requested_cb (JdJobView *view,
                         gboolean  *requested)
{
  *requested = TRUE;
}

/* Clicks a response of the confirmation, as the user would. */
static void
respond (Fixture    *fixture,
         const char *label)
{
  AdwMessageDialog *dialog = jd_job_view_get_confirm_dialog (fixture->view);
  GtkWidget *button;

  g_assert_nonnull (dialog);
  button = jd_ui_test_find_by_text (GTK_WIDGET (dialog), label);
  g_assert_true (GTK_IS_BUTTON (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_null (jd_job_view_get_confirm_dialog (fixture->view));
}


static void
test_act_cancel_running (Fixture       *fixture,
                         gconstpointer  data)
{
  AdwMessageDialog *dialog;
  gboolean requested = FALSE;
  GtkWidget *cancel_button;
  g_autoptr(GError) error = NULL;

  show_job (fixture, JD_DEMO_JOB_RUNNING, TRUE);
  cancel_button = find (fixture, "cancel_job_button");
  g_assert_true (gtk_widget_is_visible (cancel_button));
  g_assert_true (gtk_widget_is_sensitive (cancel_button));
  g_assert_false (gtk_widget_is_visible (find (fixture, "remove_job_button")));
  g_signal_connect (fixture->view, "refresh-requested", G_CALLBACK (on_refresh_requested_cb), &requested);

  /* First "Keep Running": nothing happens. */
  g_signal_emit_by_name (cancel_button, "clicked");
  dialog = jd_job_view_get_confirm_dialog (fixture->view);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Cancel This Job?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), JD_DEMO_JOB_RUNNING));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "cancel-job"), ==, ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "keep");
  g_assert_cmpstr (adw_message_dialog_get_close_response (dialog), ==, "keep");
  respond (fixture, "_Keep Running");
  jd_ui_test_spin (300);
  g_assert_false (requested);
  g_clear_object (&fixture->job);
  fixture->job = fetch_job (fixture->client, JD_DEMO_JOB_RUNNING, TRUE);
  g_assert_cmpint (jd_job_get_state (fixture->job), ==, JD_JOB_STATE_RUNNING);
  jd_job_view_set_job (fixture->view, fixture->job);

  /* Then "Cancel Job", from the menu's action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "job-view.cancel-job", NULL));
  respond (fixture, "_Cancel Job");
  g_assert_true (wait_for_toast (fixture, "Job cancelled"));
  g_assert_true (jd_ui_test_wait_for (flag_is_set, &requested, WAIT_MS));
  /* Until the refresh, the job shown is out of date: no second cancel. */
  g_assert_false (gtk_widget_is_visible (cancel_button));

  /* As the lookup page does on "refresh-requested". */
  show_job (fixture, JD_DEMO_JOB_RUNNING, TRUE);
  g_assert_cmpint (jd_job_get_state (fixture->job), ==, JD_JOB_STATE_CANCELLED);
  g_assert_cmpstr (label_text (fixture, "status_badge"), ==, "Cancelled");
  g_assert_false (gtk_widget_is_visible (cancel_button));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (find (fixture, "action_error_revealer"))));
}

static void
test_act_remove_queued (Fixture       *fixture,
                        gconstpointer  data)
{
  AdwMessageDialog *dialog;
  gboolean requested = FALSE;
  GtkWidget *remove_button;
  JobWait wait = { NULL, NULL, FALSE };

  show_job (fixture, JD_DEMO_JOB_QUEUED, TRUE);
  remove_button = find (fixture, "remove_job_button");
  g_assert_true (gtk_widget_is_visible (remove_button));
  g_assert_false (gtk_widget_is_visible (find (fixture, "cancel_job_button")));
  g_signal_connect (fixture->view, "refresh-requested", G_CALLBACK (on_refresh_requested_cb), &requested);

  g_signal_emit_by_name (remove_button, "clicked");
  dialog = jd_job_view_get_confirm_dialog (fixture->view);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Remove This Job From the Queue?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), JD_DEMO_JOB_QUEUED));
  respond (fixture, "_Remove From Queue");
  g_assert_true (wait_for_toast (fixture, "Job removed from the queue"));
  g_assert_true (jd_ui_test_wait_for (flag_is_set, &requested, WAIT_MS));

  /* Out of the queue, the job is gone: the refresh finds nothing. */
  jd_client_get_job_async (fixture->client, JD_DEMO_JOB_QUEUED, TRUE, NULL, on_job_cb, &wait);
  g_assert_true (jd_ui_test_wait_for (job_wait_done, &wait, WAIT_MS));
  g_assert_null (wait.job);
  g_assert_error (wait.error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_NOT_FOUND);
  g_clear_error (&wait.error);
}

static gboolean
revealer_open (gpointer data)
{
  return gtk_revealer_get_reveal_child (GTK_REVEALER (data));
}

static void
test_act_viewer_refused (Fixture       *fixture,
                         gconstpointer  data)
{
  gboolean requested = FALSE;
  GtkWidget *revealer;
  const char *said;

  show_job (fixture, JD_DEMO_JOB_RUNNING, TRUE);
  g_signal_connect (fixture->view, "refresh-requested", G_CALLBACK (on_refresh_requested_cb), &requested);

  g_signal_emit_by_name (find (fixture, "cancel_job_button"), "clicked");
  respond (fixture, "_Cancel Job");

  revealer = find (fixture, "action_error_revealer");
  g_assert_true (jd_ui_test_wait_for (revealer_open, revealer, WAIT_MS));
  said = label_text (fixture, "action_error_label");
  g_assert_true (g_str_has_prefix (said, "You may not cancel this job: only its owner or a Curator can."));
  g_assert_false (requested);
  if (g_getenv ("JD_SCREENSHOT_DIR") != NULL)
    screenshot_window (fixture->window, g_getenv ("JD_SCREENSHOT_DIR"), "job-view-cancel-refused.png");

  /* The job runs on, and the button stays for another try. */
  g_assert_true (gtk_widget_is_visible (find (fixture, "cancel_job_button")));
  g_assert_true (gtk_widget_is_sensitive (find (fixture, "cancel_job_button")));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "job-view.dismiss-action-error", NULL));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
}

/* What applies follows the status: nothing to cancel once a job ended. */
static void
test_act_follows_status (Fixture       *fixture,
                         gconstpointer  data)
{
  static const struct { const char *id; gboolean cancel; gboolean remove; } cases[] = {
    { JD_DEMO_JOB_SUCCESS, FALSE, FALSE },
    { JD_DEMO_JOB_CANCELLED, FALSE, FALSE },
    { JD_DEMO_JOB_FAILED, FALSE, FALSE },
    { JD_DEMO_JOB_RUNNING, TRUE, FALSE },
    { JD_DEMO_JOB_INITIALIZING, TRUE, FALSE },
    { JD_DEMO_JOB_QUEUED, FALSE, TRUE },
    { JD_DEMO_JOB_CREATED, FALSE, TRUE },
  };
  GtkMenuButton *menu_button;
  GMenuModel *menu;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      show_job (fixture, cases[i].id, TRUE);
      g_assert_cmpint (gtk_widget_is_visible (find (fixture, "cancel_job_button")), ==, cases[i].cancel);
      g_assert_cmpint (gtk_widget_is_visible (find (fixture, "remove_job_button")), ==, cases[i].remove);
      g_assert_cmpint (action_enabled (fixture, "cancel-job"), ==, cases[i].cancel);
      g_assert_cmpint (action_enabled (fixture, "remove-job"), ==, cases[i].remove);
      g_assert_true (action_enabled (fixture, "copy-json"));
      g_assert_true (action_enabled (fixture, "copy-curl"));
    }

  /* A job in the queue has not had the chance to write anything. */
  show_job (fixture, JD_DEMO_JOB_QUEUED, TRUE);
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (find (fixture, "messages_empty_page"))), ==,
                   "This job has not started yet.");
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (find (fixture, "outputs_empty_page"))), ==,
                   "This job has not started yet.");

  /* No messages, nothing to save. */
  show_job (fixture, JD_DEMO_JOB_NO_MESSAGES, TRUE);
  g_assert_false (action_enabled (fixture, "save-messages-csv"));
  show_job (fixture, JD_DEMO_JOB_SUCCESS, TRUE);
  g_assert_true (action_enabled (fixture, "save-messages-csv"));

  /* The menu names each action once; the two for the job's state hide
   * when they do not apply. */
  menu_button = GTK_MENU_BUTTON (find (fixture, "actions_button"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (menu_button)));
  g_assert_cmpstr (gtk_menu_button_get_icon_name (menu_button), ==, "view-more-symbolic");
  menu = gtk_menu_button_get_menu_model (menu_button);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 3);
}

static gboolean
lookup_shows_cancelled (gpointer data)
{
  JdJob *job = jd_lookup_page_get_job (data);

  return job != NULL && jd_job_get_state (job) == JD_JOB_STATE_CANCELLED &&
         jd_lookup_page_get_state (data) == JD_LOOKUP_STATE_JOB;
}

static gboolean
lookup_shows_created (gpointer data)
{
  JdJob *job = jd_lookup_page_get_job (data);

  return job != NULL && g_strcmp0 (jd_job_get_id (job), JD_DEMO_JOB_CREATED) == 0 &&
         jd_lookup_page_get_state (data) == JD_LOOKUP_STATE_JOB;
}

static gboolean
lookup_shows_not_found (gpointer data)
{
  return jd_lookup_page_get_state (data) == JD_LOOKUP_STATE_ERROR;
}

/* In the window, "refresh-requested" makes the lookup page look again. */
static void
test_act_window_refreshes (void)
{
  g_autoptr(JdApplication) app = jd_ui_test_app_new ();
  g_autoptr(JdDemoServer) server = jd_ui_test_demo_server_new ();
  g_autoptr(JdClient) client = jd_ui_test_demo_client_new (server, FALSE);
  JdLookupPage *page;
  JdJobView *view;
  JdWindow *window;
  GtkWidget *button;
  AdwMessageDialog *dialog;

  jd_application_set_client (app, client);
  window = jd_application_new_window (app);
  gtk_window_present (GTK_WINDOW (window));
  page = jd_window_get_lookup_page (window);

  jd_window_look_up (window, JD_DEMO_JOB_RUNNING);
  g_assert_true (jd_ui_test_wait_for (lookup_shows_job, page, WAIT_MS));
  view = JD_JOB_VIEW (jd_ui_test_find_by_type (GTK_WIDGET (page), JD_TYPE_JOB_VIEW));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "job-view.cancel-job", NULL));
  dialog = jd_job_view_get_confirm_dialog (view);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  button = jd_ui_test_find_by_text (GTK_WIDGET (dialog), "_Cancel Job");
  g_signal_emit_by_name (button, "clicked");

  g_assert_true (jd_ui_test_wait_for (lookup_shows_cancelled, page, WAIT_MS));

  /* A job removed from the queue is gone: the refresh says so. */
  jd_window_look_up (window, JD_DEMO_JOB_CREATED);
  page = jd_window_get_lookup_page (window);
  g_assert_true (jd_ui_test_wait_for (lookup_shows_created, page, WAIT_MS));
  view = JD_JOB_VIEW (jd_ui_test_find_by_type (GTK_WIDGET (page), JD_TYPE_JOB_VIEW));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "job-view.remove-job", NULL));
  dialog = jd_job_view_get_confirm_dialog (view);
  g_signal_emit_by_name (jd_ui_test_find_by_text (GTK_WIDGET (dialog), "_Remove From Queue"), "clicked");
  g_assert_true (jd_ui_test_wait_for (lookup_shows_not_found, page, WAIT_MS));

  gtk_window_destroy (GTK_WINDOW (window));
  jd_ui_test_spin (50);
  jd_application_set_client (app, NULL);
  jd_demo_server_stop (server);
}

/* ------------------------------------------------------------------ */
/* Screenshots                                                         */

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gboolean      *painted)
{
  *painted = TRUE;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

/* A snapshot between a change and the next frame finds no allocation:
 * wait until a frame has been painted. */
static void
screenshot_window (GtkWindow  *window,
                   const char *dir,
                   const char *name)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_autofree char *path = g_build_filename (dir, name, NULL);
  gboolean painted = FALSE;
  gulong handler;

  /* Let CSS transitions (200 ms) end. */
  jd_ui_test_spin (1000);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &painted);
  gtk_widget_queue_draw (GTK_WIDGET (window));
  g_assert_true (jd_ui_test_wait_for (flag_set, &painted, 5000));
  g_signal_handler_disconnect (clock, handler);

  jd_ui_test_screenshot (GTK_WIDGET (window), path);
  g_test_message ("wrote %s", path);
}

static void
screenshot (Fixture    *fixture,
            const char *dir,
            const char *name)
{
  screenshot_window (fixture->window, dir, name);
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
  g_test_add_func ("/ui/job-view/window/copy-file-names", test_window_copy_file_names);
  ADD ("export/copy-json", test_export_copy_json);
  ADD ("export/copy-json-after-load-all", test_export_copy_json_after_load_all);
  ADD ("export/copy-json-huge-off-main-thread", test_export_copy_json_huge);
  ADD ("export/save-csv", test_export_save_csv);
  g_test_add_func ("/ui/job-view/export/csv-quoting", test_export_csv_quoting);
  ADD ("export/save-csv-chooser", test_export_save_csv_chooser);
  ADD ("export/save-csv-fails", test_export_save_csv_fails);
  ADD ("export/copy-curl-without-token", test_export_copy_curl);
  g_test_add_func ("/ui/job-view/export/curl-quoting", test_export_curl_quoting);
  ADD ("act/cancel-running", test_act_cancel_running);
  ADD ("act/remove-queued", test_act_remove_queued);
  ADD_VIEWER ("act/viewer-refused", test_act_viewer_refused);
  ADD ("act/follows-status", test_act_follows_status);
  g_test_add_func ("/ui/job-view/act/window-refreshes", test_act_window_refreshes);
  ADD ("screenshots", test_screenshots);
  g_test_add_func ("/ui/job-view/screenshots-window", test_screenshots_window);

#undef ADD
#undef ADD_VIEWER

  return g_test_run ();
}
