/* jd-job-view-fixture.c: what the job view's tests share. */
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

void
on_job_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  JobWait *wait = user_data;

  wait->job = jd_client_get_job_finish (JD_CLIENT (source), result, &wait->error);
  wait->done = TRUE;
}

gboolean
job_wait_done (gpointer data)
{
  return ((JobWait *) data)->done;
}

/* A job over real HTTP, as the lookup page gets it. */
JdJob *
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

void
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

void
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

void
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

GtkWidget *
find (Fixture    *fixture,
      const char *id)
{
  GtkWidget *widget = jd_ui_test_find_by_id (GTK_WIDGET (fixture->view), id);

  g_assert_nonnull (widget);
  return widget;
}

const char *
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
gboolean
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

GPtrArray *
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
GListModel *
filter_model (Fixture *fixture)
{
  GtkGridView *list = GTK_GRID_VIEW (find (fixture, "messages_list"));
  GtkSelectionModel *selection = gtk_grid_view_get_model (list);

  return jd_list_pacer_get_model (JD_LIST_PACER (gtk_no_selection_get_model (GTK_NO_SELECTION (selection))));
}

const char *
stack_page (Fixture    *fixture,
            const char *stack_id)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (find (fixture, stack_id)));
}

/* Clicks a response of the confirmation, as the user would. */
void
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

gboolean
messages_loaded (gpointer data)
{
  Fixture *fixture = data;

  return g_list_model_get_n_items (jd_job_get_messages (fixture->job)) == 5000 &&
         g_list_model_get_n_items (filter_model (fixture)) == 5000;
}

gboolean
lookup_shows_job (gpointer data)
{
  return jd_lookup_page_get_state (data) == JD_LOOKUP_STATE_JOB;
}

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
void
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

void
screenshot (Fixture    *fixture,
            const char *dir,
            const char *name)
{
  screenshot_window (fixture->window, dir, name);
}
