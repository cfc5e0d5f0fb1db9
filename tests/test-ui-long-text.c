/* test-ui-long-text.c: no single string of a server's can freeze the
 * window.
 *
 * The real window looks up a job, over HTTP, whose texts are as long as
 * a Server can make them: messages of one 60,000-character word, a
 * 20,000-character status, a 60,000-character worker tag and file name.
 * Before the rows capped what they lay out, one such message stopped the
 * main loop for 15 s and 200 of them never settled. A 1 ms timer records
 * the longest gap of the main loop; the test prints the figures and
 * asserts only bounds that no slow machine comes near (the window settles
 * within 5 s), never a timing that noise could break.
 */
#include "config.h"

#include <string.h>

#include "jd-application-private.h"
#include "jd-display-text.h"
#include "jd-test-util.h"
#include "jd-fixed-job-server.h"
#include "jd-job-view.h"
#include "jd-lookup-page.h"
#include "jd-message-row.h"
#include "jd-output-row.h"
#include "jd-text-dialog.h"
#include "jd-ui-test-util.h"
#include "jd-window.h"
#include "jd-window-private.h"

#define JOB_ID "66ebd18d3d6200007e000d8c"
#define WAIT_MS 60000
/* What "does not freeze" means here: today's worst case took minutes.
 * Stretched as every wait is in slow runs (sanitizers, valgrind), and
 * by a slack for a loaded machine (jd_test_bound_us): a run at slowdown 1
 * shares two cores with the sanitizers' and valgrind's in CI. */
#define SETTLE_BOUND_US (jd_test_bound_us (5000, 0))

#define LONG_WORD   60000
#define LONG_STATUS 20000

typedef struct
{
  JdApplication    *app;
  JdFixedJobServer *server;
  JdClient         *client;
  JdWindow         *window;
  JdLookupPage     *page;
  char             *word;       /* the text of every message */
  char             *file_name;
  char             *worker_tag;
} Fixture;

typedef struct
{
  guint  n_messages;
} JobShape;

/* ------------------------------------------------------------------ */
/* The main loop's longest gap                                         */

typedef struct
{
  gint64 last;
  gint64 max_gap;
  guint  id;
} GapMeter;

static gboolean
on_gap_tick_cb (gpointer user_data)
{
  GapMeter *meter = user_data;
  gint64 now = g_get_monotonic_time ();

  meter->max_gap = MAX (meter->max_gap, now - meter->last);
  meter->last = now;
  return G_SOURCE_CONTINUE;
}

static void
gap_meter_start (GapMeter *meter)
{
  meter->last = g_get_monotonic_time ();
  meter->max_gap = 0;
  meter->id = g_timeout_add (1, on_gap_tick_cb, meter);
}

static void
gap_meter_stop (GapMeter *meter)
{
  on_gap_tick_cb (meter);
  g_clear_handle_id (&meter->id, g_source_remove);
}

/* ------------------------------------------------------------------ */
/* The job                                                             */

static char *
make_word (guint length,
           char  first)
{
  char *word = g_malloc (length + 1);

  /* letters without a space: nowhere to wrap but between characters */
  for (guint i = 0; i < length; i++)
    word[i] = first + (i % 26);
  word[length] = '\0';
  return word;
}

static char *
make_job_json (Fixture        *fixture,
               const JobShape *shape)
{
  g_autofree char *status = make_word (LONG_STATUS, 'a');
  GString *json = g_string_sized_new ((gsize) shape->n_messages * (LONG_WORD + 64) + 4 * LONG_WORD);
  g_auto(GStrv) path = g_strsplit (fixture->file_name, "\\", -1);
  g_autofree char *escaped_name = g_strjoinv ("\\\\", path);

  g_string_append_printf (json,
                          "{\"id\": \"%s\", \"appId\": \"5f3a0c9e1b2d4e0012345678\","
                          " \"createDateTime\": \"2024-09-19T10:02:54.589Z\","
                          " \"status\": \"%s\", \"disposition\": \"Error\","
                          " \"priority\": \"Default\", \"workerTag\": \"%s\", \"runWithE2\": true,"
                          " \"outputs\": [{\"id\": \"6f0000000000000000000001\","
                          " \"availableFormats\": [\"Raw\", \"Csv\"], \"fileName\": \"%s\"}],"
                          " \"messages\": [",
                          JOB_ID, status, fixture->worker_tag, escaped_name);

  for (guint i = 0; i < shape->n_messages; i++)
    g_string_append_printf (json, "%s{\"status\": 3, \"text\": \"%s\", \"toolId\": 12}",
                            i > 0 ? ", " : "", fixture->word);

  g_string_append (json, "]}");
  return g_string_free (json, FALSE);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const JobShape *shape = data;
  g_autofree char *json = NULL;

  fixture->word = make_word (LONG_WORD, 'A');
  fixture->worker_tag = make_word (LONG_WORD, 'a');
  {
    g_autofree char *stem = make_word (LONG_WORD, 'a');

    fixture->file_name = g_strconcat ("C:\\Out\\", stem, ".csv", NULL);
  }

  json = make_job_json (fixture, shape);
  fixture->server = jd_fixed_job_server_new (json);

  fixture->client = jd_client_new (NULL, jd_fixed_job_server_get_base_url (fixture->server));
  jd_client_set_access_token (fixture->client, "t0ken");
  jd_client_set_timeout (fixture->client, 60);

  fixture->app = jd_ui_test_app_new ();
  jd_application_set_client (fixture->app, fixture->client);
  fixture->window = jd_application_new_window (fixture->app);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  fixture->page = jd_window_get_lookup_page (fixture->window);
  /* the window's own first requests and frames, outside the figures */
  jd_ui_test_spin (200);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      if (JD_IS_TEXT_DIALOG (l->data))
        gtk_window_destroy (l->data);
    }
  g_list_free (toplevels);

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (fixture->app)); l != NULL;
       l = gtk_application_get_windows (GTK_APPLICATION (fixture->app)))
    gtk_window_destroy (l->data);
  jd_ui_test_spin (50);
  jd_application_set_client (fixture->app, NULL);
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->server, jd_fixed_job_server_free);
  g_clear_object (&fixture->app);
  g_free (fixture->word);
  g_free (fixture->file_name);
  g_free (fixture->worker_tag);
}

/* ------------------------------------------------------------------ */
/* Looking it up                                                       */

static gboolean
page_shows_job (gpointer data)
{
  Fixture *fixture = data;

  return jd_lookup_page_get_state (fixture->page) == JD_LOOKUP_STATE_JOB;
}

static JdJobView *
job_view (Fixture *fixture)
{
  GtkWidget *view = jd_ui_test_find_by_type (GTK_WIDGET (fixture->page), JD_TYPE_JOB_VIEW);

  g_assert_nonnull (view);
  return JD_JOB_VIEW (view);
}

static gboolean
message_rows_bound (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(GPtrArray) rows = jd_ui_test_find_all (GTK_WIDGET (job_view (fixture)), JD_TYPE_MESSAGE_ROW);

  for (guint i = 0; i < rows->len; i++)
    {
      if (jd_message_row_get_message (g_ptr_array_index (rows, i)) != NULL)
        return TRUE;
    }

  return FALSE;
}

static gboolean
on_idle_answer_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

/* The most a capped text holds: its characters, "…", and the places to
 * break that wrapping labels are given. */
#define MAX_SHOWN (JD_DISPLAY_TEXT_MAX_CHARS + 1 + JD_DISPLAY_TEXT_MAX_CHARS / JD_DISPLAY_TEXT_MAX_RUN)

/* The text without the breaks JD_DISPLAY_TEXT_BREAK_RUNS adds. */
static char *
without_breaks (const char *text)
{
  g_auto(GStrv) pieces = g_strsplit (text, "\u200B", -1);

  return g_strjoinv (NULL, pieces);
}

static glong
count_shown (const char *text)
{
  g_autofree char *unbroken = without_breaks (text);

  return g_utf8_strlen (unbroken, -1);
}

/* Every label and tooltip in the window is within the caps: what is
 * longer would be laid out whole. Lists the ones that are not. */
static guint
count_long_labels (GtkWidget *root)
{
  g_autoptr(GPtrArray) widgets = jd_ui_test_find_all (root, GTK_TYPE_WIDGET);
  guint n_long = 0;

  for (guint i = 0; i < widgets->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (widgets, i);
      const char *tooltip = gtk_widget_get_tooltip_text (widget);

      if (GTK_IS_LABEL (widget) &&
          g_utf8_strlen (gtk_label_get_text (GTK_LABEL (widget)), -1) > MAX_SHOWN)
        {
          g_test_message ("a label of %ld characters in a %s (%s)",
                          g_utf8_strlen (gtk_label_get_text (GTK_LABEL (widget)), -1),
                          G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)),
                          gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)));
          n_long++;
        }
      if (tooltip != NULL && g_utf8_strlen (tooltip, -1) > MAX_SHOWN)
        {
          g_test_message ("a tooltip of %ld characters on a %s (%s)",
                          g_utf8_strlen (tooltip, -1), G_OBJECT_TYPE_NAME (widget),
                          gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)));
          n_long++;
        }
    }

  return n_long;
}

typedef struct
{
  gint64 to_job;      /* Return to the job on screen */
  gint64 to_settled;  /* to the messages shown and the loop idle */
  gint64 max_gap;
} Figures;

/* Looks the job up as its entry does, shows the Messages view, and
 * waits for the window to be idle again. */
static void
look_up_and_settle (Fixture *fixture,
                    Figures *figures)
{
  GtkEditable *entry = GTK_EDITABLE (jd_ui_test_find_by_id (GTK_WIDGET (fixture->page), "job_entry"));
  GapMeter meter = { 0, };
  gboolean answered = FALSE;
  AdwViewStack *stack;
  gint64 start, job_shown, settled;

  g_assert_nonnull (entry);
  gtk_editable_set_text (entry, JOB_ID);

  gap_meter_start (&meter);
  start = g_get_monotonic_time ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.look-up", NULL));
  g_assert_true (jd_ui_test_wait_for (page_shows_job, fixture, WAIT_MS));
  job_shown = g_get_monotonic_time ();
  g_assert_cmpuint (count_long_labels (GTK_WIDGET (fixture->window)), ==, 0);

  stack = ADW_VIEW_STACK (jd_ui_test_find_by_id (GTK_WIDGET (job_view (fixture)), "view_stack"));
  g_assert_nonnull (stack);
  adw_view_stack_set_visible_child_name (stack, "messages");
  g_assert_true (jd_ui_test_wait_for (message_rows_bound, fixture, WAIT_MS));

  /* Idle means every frame and layout before it is done. */
  g_idle_add_full (G_PRIORITY_LOW, on_idle_answer_cb, &answered, NULL);
  g_assert_true (jd_ui_test_wait_for (flag_set, &answered, WAIT_MS));
  settled = g_get_monotonic_time ();
  g_assert_cmpuint (count_long_labels (GTK_WIDGET (fixture->window)), ==, 0);
  /* and a few frames more, scrolled or not */
  jd_ui_test_spin (300);
  gap_meter_stop (&meter);

  figures->to_job = job_shown - start;
  figures->to_settled = settled - job_shown;
  figures->max_gap = meter.max_gap;
}

/* With JD_UI_SCREENSHOT_DIR set, what the widget shows, for looking at. */
static void
maybe_screenshot (GtkWidget  *widget,
                  const char *name)
{
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;

  if (g_getenv ("JD_UI_SCREENSHOT_DIR") == NULL)
    return;

  file = g_strconcat ("long-text-", name, ".png", NULL);
  path = g_build_filename (g_getenv ("JD_UI_SCREENSHOT_DIR"), file, NULL);
  jd_ui_test_screenshot (widget, path);
}

static void
print_figures (const char    *what,
               const Figures *figures)
{
  g_test_message ("%s: job on screen after %.0f ms, settled %.0f ms later, longest main-loop gap %.0f ms",
                  what,
                  figures->to_job / 1000.0,
                  figures->to_settled / 1000.0,
                  figures->max_gap / 1000.0);
}

/* ------------------------------------------------------------------ */
/* Tests                                                               */

static void
test_window_settles (Fixture       *fixture,
                     gconstpointer  data)
{
  const JobShape *shape = data;
  g_autofree char *what = g_strdup_printf ("%u messages of %u characters, %u-character status,"
                                           " worker tag and file name of %u",
                                           shape->n_messages, LONG_WORD, LONG_STATUS, LONG_WORD);
  Figures figures;

  look_up_and_settle (fixture, &figures);
  print_figures (what, &figures);

  g_assert_cmpint (figures.to_settled, <, SETTLE_BOUND_US);
  g_assert_cmpint (figures.max_gap, <, SETTLE_BOUND_US);
  maybe_screenshot (GTK_WIDGET (fixture->window), shape->n_messages > 1 ? "many" : "one");
  /* the window is as wide as it was asked to be, not as the status */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), <, 2000);
}

static JdMessageRow *
first_message_row (Fixture *fixture)
{
  g_autoptr(GPtrArray) rows = jd_ui_test_find_all (GTK_WIDGET (job_view (fixture)), JD_TYPE_MESSAGE_ROW);

  for (guint i = 0; i < rows->len; i++)
    {
      JdMessageRow *row = g_ptr_array_index (rows, i);

      if (jd_message_row_get_message (row) != NULL)
        return row;
    }

  g_assert_not_reached ();
  return NULL;
}

static JdTextDialog *
find_text_dialog (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  JdTextDialog *dialog = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      if (JD_IS_TEXT_DIALOG (l->data) && gtk_widget_get_visible (l->data))
        dialog = l->data;
    }
  g_list_free (toplevels);

  return dialog;
}

static gboolean
text_dialog_shown (gpointer data)
{
  JdTextDialog *dialog = find_text_dialog ();

  return dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog));
}

static void
test_message_capped_whole_on_demand (Fixture       *fixture,
                                     gconstpointer  data)
{
  Figures figures;
  JdMessageRow *row;
  GtkLabel *text_label;
  GtkWidget *whole_button;
  JdTextDialog *dialog;
  GtkTextView *text_view;
  GtkTextBuffer *buffer;
  gint64 start, shown;
  gboolean answered = FALSE;

  look_up_and_settle (fixture, &figures);
  print_figures ("one message of 60,000 characters", &figures);

  row = first_message_row (fixture);
  text_label = GTK_LABEL (jd_ui_test_find_by_id (GTK_WIDGET (row), "text_label"));
  whole_button = jd_ui_test_find_by_id (GTK_WIDGET (row), "whole_button");

  /* The row lays out the start of the text, and says there is more. */
  g_assert_cmpuint (count_shown (gtk_label_get_text (text_label)), ==, JD_DISPLAY_TEXT_MAX_CHARS + 1);
  g_assert_true (g_str_has_suffix (gtk_label_get_text (text_label), "…"));
  {
    g_autofree char *unbroken = without_breaks (gtk_label_get_text (text_label));

    g_assert_true (strncmp (unbroken, fixture->word, JD_DISPLAY_TEXT_MAX_CHARS) == 0);
  }
  g_assert_true (gtk_widget_get_visible (whole_button));

  /* "Show Whole Message" opens all of it, read-only, and the window
   * stays answering while it lays it out. */
  start = g_get_monotonic_time ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "message.show-whole", NULL));
  g_assert_true (jd_ui_test_wait_for (text_dialog_shown, NULL, WAIT_MS));
  g_idle_add_full (G_PRIORITY_LOW, on_idle_answer_cb, &answered, NULL);
  g_assert_true (jd_ui_test_wait_for (flag_set, &answered, WAIT_MS));
  shown = g_get_monotonic_time ();
  g_test_message ("the whole message shown and the window idle after %.0f ms", (shown - start) / 1000.0);
  g_assert_cmpint (shown - start, <, SETTLE_BOUND_US);

  dialog = find_text_dialog ();
  g_assert_true (g_strcmp0 (jd_text_dialog_get_text (dialog), fixture->word) == 0);
  text_view = GTK_TEXT_VIEW (jd_ui_test_find_by_type (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW));
  g_assert_nonnull (text_view);
  g_assert_false (gtk_text_view_get_editable (text_view));
  buffer = gtk_text_view_get_buffer (text_view);
  {
    GtkTextIter start_iter, end_iter;
    g_autofree char *in_view = NULL;
    g_autofree char *selection = NULL;

    gtk_text_buffer_get_bounds (buffer, &start_iter, &end_iter);
    in_view = gtk_text_buffer_get_text (buffer, &start_iter, &end_iter, FALSE);
    g_assert_cmpint (count_shown (in_view), ==, LONG_WORD);

    /* a selection copied from the view is the text, without the breaks
     * the view was given */
    gtk_text_buffer_select_range (buffer, &start_iter, &end_iter);
    g_signal_emit_by_name (text_view, "copy-clipboard");
    selection = jd_ui_test_read_clipboard (GTK_WIDGET (text_view));
    g_assert_true (g_strcmp0 (selection, fixture->word) == 0);
    gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (text_view)), "");
  }

  /* Its Copy copies the whole text. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "text-dialog.copy", NULL));
  {
    g_autofree char *copied = jd_ui_test_read_clipboard (GTK_WIDGET (dialog));

    g_assert_true (g_strcmp0 (copied, fixture->word) == 0);
  }

  maybe_screenshot (GTK_WIDGET (dialog), "whole-message");
  /* Escape closes it. */
  gtk_window_close (GTK_WINDOW (dialog));
  jd_ui_test_spin (50);
  g_assert_null (find_text_dialog ());
}

static void
test_copy_keeps_whole_message (Fixture       *fixture,
                               gconstpointer  data)
{
  Figures figures;
  JdMessageRow *row;
  g_autofree char *copied = NULL;

  look_up_and_settle (fixture, &figures);
  row = first_message_row (fixture);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "message.copy", NULL));
  copied = jd_ui_test_read_clipboard (GTK_WIDGET (row));
  g_assert_nonnull (copied);
  g_assert_cmpuint (strlen (copied), ==, LONG_WORD);
  g_assert_true (g_strcmp0 (copied, fixture->word) == 0);
}

static void
test_header_capped (Fixture       *fixture,
                    gconstpointer  data)
{
  Figures figures;
  JdJobView *view;
  GtkLabel *status;
  GtkLabel *worker_tag;
  const char *tooltip;

  look_up_and_settle (fixture, &figures);
  view = job_view (fixture);
  status = GTK_LABEL (jd_ui_test_find_by_id (GTK_WIDGET (view), "status_badge"));
  worker_tag = GTK_LABEL (jd_ui_test_find_by_id (GTK_WIDGET (view), "worker_tag_label"));

  /* The badge shows the start of the status as the Server wrote it. */
  g_assert_cmpuint (g_utf8_strlen (gtk_label_get_text (status), -1), <=, 61);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (status), "abcdefghij"));
  g_assert_true (g_str_has_suffix (gtk_label_get_text (status), "…"));

  g_assert_cmpuint (g_utf8_strlen (gtk_label_get_text (worker_tag), -1), ==, JD_DISPLAY_TEXT_MAX_LINE_CHARS + 1);
  tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (worker_tag));
  g_assert_nonnull (tooltip);
  g_assert_cmpuint (count_shown (tooltip), ==, JD_DISPLAY_TEXT_MAX_CHARS + 1);
}

/* The outputs list makes its rows when it is laid out. */
static gboolean
output_row_bound (gpointer data)
{
  g_autoptr(GPtrArray) rows = jd_ui_test_find_all (GTK_WIDGET (job_view (data)), JD_TYPE_OUTPUT_ROW);

  return rows->len >= 1 && jd_output_row_get_output (g_ptr_array_index (rows, 0)) != NULL;
}

static void
test_file_name_capped (Fixture       *fixture,
                       gconstpointer  data)
{
  Figures figures;
  g_autoptr(GPtrArray) rows = NULL;
  JdOutputRow *row;
  GtkLabel *name_label;
  g_autofree char *copied = NULL;
  JdTextDialog *dialog;
  g_autofree char *suggested = NULL;

  look_up_and_settle (fixture, &figures);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (jd_ui_test_find_by_id (GTK_WIDGET (job_view (fixture)),
                                                                               "view_stack")),
                                         "outputs");
  /* waited for, not a fixed 200 ms a loaded machine may draw no frame in */
  g_assert_true (jd_ui_test_wait_for (output_row_bound, fixture, WAIT_MS));

  rows = jd_ui_test_find_all (GTK_WIDGET (job_view (fixture)), JD_TYPE_OUTPUT_ROW);
  g_assert_cmpuint (rows->len, >=, 1);
  row = g_ptr_array_index (rows, 0);
  g_assert_nonnull (jd_output_row_get_output (row));
  name_label = GTK_LABEL (jd_ui_test_find_by_id (GTK_WIDGET (row), "name_label"));

  g_assert_cmpuint (g_utf8_strlen (gtk_label_get_text (name_label), -1), ==, JD_DISPLAY_TEXT_MAX_LINE_CHARS + 1);
  g_assert_cmpuint (count_shown (gtk_widget_get_tooltip_text (GTK_WIDGET (name_label))),
                    ==, JD_DISPLAY_TEXT_MAX_CHARS + 1);

  /* Copy keeps all of it; the whole name can be read. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "output.copy", NULL));
  copied = jd_ui_test_read_clipboard (GTK_WIDGET (row));
  g_assert_true (g_strcmp0 (copied, fixture->file_name) == 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "output.show-name", NULL));
  g_assert_true (jd_ui_test_wait_for (text_dialog_shown, NULL, WAIT_MS));
  dialog = find_text_dialog ();
  g_assert_true (g_strcmp0 (jd_text_dialog_get_text (dialog), fixture->file_name) == 0);

  /* A name a file system takes, with its extension. */
  suggested = jd_output_suggest_file_name (fixture->file_name, "Raw");
  g_assert_cmpuint (strlen (suggested), <=, JD_DISPLAY_TEXT_MAX_FILE_NAME);
  g_assert_true (g_str_has_suffix (suggested, ".csv"));
}

static const JobShape one_message = { 1 };
static const JobShape many_messages = { 200 };

int
main (int   argc,
      char *argv[])
{
  jd_ui_test_init (&argc, &argv);

  g_test_add ("/ui/long-text/window-settles-with-one-long-message", Fixture, &one_message,
              fixture_set_up, test_window_settles, fixture_tear_down);
  g_test_add ("/ui/long-text/window-settles-with-200-long-messages", Fixture, &many_messages,
              fixture_set_up, test_window_settles, fixture_tear_down);
  g_test_add ("/ui/long-text/message-capped-whole-on-demand", Fixture, &one_message,
              fixture_set_up, test_message_capped_whole_on_demand, fixture_tear_down);
  g_test_add ("/ui/long-text/copy-keeps-whole-message", Fixture, &one_message,
              fixture_set_up, test_copy_keeps_whole_message, fixture_tear_down);
  g_test_add ("/ui/long-text/header-capped", Fixture, &one_message,
              fixture_set_up, test_header_capped, fixture_tear_down);
  g_test_add ("/ui/long-text/file-name-capped", Fixture, &one_message,
              fixture_set_up, test_file_name_capped, fixture_tear_down);

  return g_test_run ();
}
