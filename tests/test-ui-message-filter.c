/* test-ui-message-filter.c: the message filter model, in place for small
 * jobs and on a worker thread for big ones.
 *
 * A search of more than 200,000 messages runs on a worker thread: the
 * model keeps the matches before ("busy" meanwhile), then shows the new
 * ones in one items-changed; a newer search or filter cancels it. What a
 * row shows is checked in test-ui-job-view.c; speed is measured by the
 * benchmark (tools/run-benchmark --messages=1000000), never here.
 */
#include "config.h"

#include <gtk/gtk.h>

#include "jd-message-filter-model.h"
#include "jd-message-list.h"

#include "jd-test-util.h"
#include "jd-ui-test-util.h"

#define BIG 250000
#define WAIT_MS 20000

/* Message i: severity by i % 5 (error, warning, file, info, info), a
 * text with "needle" in every tenth, "needles" in every hundredth, and
 * tool i % 40. */
static JdMessageList *
make_list (guint n)
{
  static const guint codes[] = { 3, 2, 8, 1, 4 };
  JdMessageList *list = jd_message_list_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = g_strdup_printf ("Formula (%u): record %u %s", i % 40, i,
                                               i % 100 == 0 ? "Needles" : i % 10 == 0 ? "needle" : "plain");

      jd_message_list_append (list, codes[i % G_N_ELEMENTS (codes)], text, (gint32) (i % 40));
    }
  return list;
}

typedef struct
{
  guint n_changes;
  guint n_busy_notes;
  guint last_removed;
  guint last_added;
} Seen;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Seen       *seen)
{
  seen->n_changes++;
  seen->last_removed = removed;
  seen->last_added = added;
}

static void
on_busy_cb (JdMessageFilterModel *filter,
            GParamSpec           *pspec,
            Seen                 *seen)
{
  seen->n_busy_notes++;
}

static gboolean
not_busy (gpointer data)
{
  return !jd_message_filter_model_get_busy (data);
}

static void
wait_done (JdMessageFilterModel *filter)
{
  g_assert_true (jd_ui_test_wait_for (not_busy, filter, WAIT_MS));
}

/* The text of the item at position, for checking what matched. */
static char *
text_at (JdMessageFilterModel *filter,
         guint                 position)
{
  g_autoptr(JdJobMessage) message = g_list_model_get_item (G_LIST_MODEL (filter), position);

  g_assert_nonnull (message);
  return g_strdup (jd_job_message_get_text (message));
}

/* A small job: searched in place, never busy. */
static void
test_small_in_place (void)
{
  g_autoptr(JdMessageList) list = make_list (1000);
  g_autoptr(JdMessageFilterModel) filter = jd_message_filter_model_new (G_LIST_MODEL (list));
  Seen seen = { 0 };

  g_signal_connect (filter, "notify::busy", G_CALLBACK (on_busy_cb), &seen);
  jd_message_filter_model_set_search (filter, "NEEDLE");
  g_assert_false (jd_message_filter_model_get_busy (filter));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, 100);
  jd_message_filter_model_set_search (filter, "needles");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, 10);
  g_assert_cmpuint (seen.n_busy_notes, ==, 0);
}

/* A big job: the matches before stay until the new ones come, in one
 * change; then a longer search narrows them, and the tool label counts. */
static void
test_big_on_worker (void)
{
  g_autoptr(JdMessageList) list = make_list (BIG);
  g_autoptr(JdMessageFilterModel) filter = jd_message_filter_model_new (G_LIST_MODEL (list));
  g_autofree char *first = NULL;
  Seen seen = { 0 };

  g_signal_connect (filter, "items-changed", G_CALLBACK (on_items_changed_cb), &seen);
  g_signal_connect (filter, "notify::busy", G_CALLBACK (on_busy_cb), &seen);

  jd_message_filter_model_set_search (filter, "needle");
  g_assert_true (jd_message_filter_model_get_busy (filter));
  /* still all of them, as before the search */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, BIG);
  g_assert_cmpuint (seen.n_changes, ==, 0);
  wait_done (filter);
  g_assert_cmpuint (seen.n_busy_notes, ==, 2);
  g_assert_cmpuint (seen.n_changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, BIG / 10);
  first = text_at (filter, 1);
  g_assert_cmpstr (first, ==, "Formula (10): record 10 needle");

  /* fewer than 200,000 left to look at: narrowed in place */
  jd_message_filter_model_set_search (filter, "needles");
  g_assert_false (jd_message_filter_model_get_busy (filter));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, BIG / 100);

  /* the severity too: every hundredth is an error (100 % 5 == 0) */
  jd_message_filter_model_set_kind (filter, JD_MESSAGE_FILTER_ERRORS);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, BIG / 100);
  /* from errors to warnings: all 250,000 to look at again */
  jd_message_filter_model_set_kind (filter, JD_MESSAGE_FILTER_WARNINGS);
  g_assert_true (jd_message_filter_model_get_busy (filter));
  wait_done (filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, 0);

  /* the tool label: "Tool 7" is tool 7 (also 70… no: tools go to 39) */
  jd_message_filter_model_set_kind (filter, JD_MESSAGE_FILTER_ALL);
  jd_message_filter_model_set_search (filter, "tool 7");
  wait_done (filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, BIG / 40);

  /* no search: all of them at once */
  jd_message_filter_model_set_search (filter, NULL);
  g_assert_false (jd_message_filter_model_get_busy (filter));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, BIG);
}

/* Typing faster than the worker: only the last search is shown, and a
 * filter change meanwhile is part of it. */
static void
test_big_newer_cancels (void)
{
  g_autoptr(JdMessageList) list = make_list (BIG);
  g_autoptr(JdMessageFilterModel) filter = jd_message_filter_model_new (G_LIST_MODEL (list));
  Seen seen = { 0 };

  g_signal_connect (filter, "items-changed", G_CALLBACK (on_items_changed_cb), &seen);

  jd_message_filter_model_set_search (filter, "n");
  jd_message_filter_model_set_search (filter, "ne");
  jd_message_filter_model_set_search (filter, "nee");
  jd_message_filter_model_set_kind (filter, JD_MESSAGE_FILTER_FILES);
  g_assert_true (jd_message_filter_model_get_busy (filter));
  wait_done (filter);
  /* one change, from all to the files holding "nee": none, as every
   * tenth message is an error (i % 5 == 0) */
  g_assert_cmpuint (seen.n_changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, 0);

  /* from files to errors: all 250,000 to look at again */
  jd_message_filter_model_set_kind (filter, JD_MESSAGE_FILTER_ERRORS);
  wait_done (filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, BIG / 10);

  /* a search nothing matches, then back: rows as many as before */
  jd_message_filter_model_set_kind (filter, JD_MESSAGE_FILTER_ALL);
  wait_done (filter);
  jd_message_filter_model_set_search (filter, "no message says this");
  wait_done (filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, 0);
  jd_message_filter_model_set_search (filter, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, BIG);
}

/* A closed tab while its search runs: the worker ends, nobody is told. */
static void
test_big_closed_while_busy (void)
{
  g_autoptr(JdMessageList) list = make_list (BIG);
  JdMessageFilterModel *filter = jd_message_filter_model_new (G_LIST_MODEL (list));
  GWeakRef ref;

  g_weak_ref_init (&ref, filter);
  jd_message_filter_model_set_search (filter, "needle");
  g_assert_true (jd_message_filter_model_get_busy (filter));
  g_object_unref (filter);

  /* the task holds the model until the worker is done, then lets go */
  for (guint i = 0; i < 200 * jd_test_slowdown (); i++)
    {
      g_autoptr(GObject) alive = g_weak_ref_get (&ref);

      if (alive == NULL)
        break;
      g_clear_object (&alive);
      jd_test_spin_for (50);
    }
  g_assert_null (g_weak_ref_get (&ref));
  g_weak_ref_clear (&ref);
}

/* A new job's messages while a search of the old ones runs: the new
 * ones are searched, the old result never shown. */
static void
test_big_new_model_while_busy (void)
{
  g_autoptr(JdMessageList) list = make_list (BIG);
  g_autoptr(JdMessageList) small = make_list (50);
  g_autoptr(JdMessageFilterModel) filter = jd_message_filter_model_new (G_LIST_MODEL (list));

  jd_message_filter_model_set_search (filter, "needle");
  g_assert_true (jd_message_filter_model_get_busy (filter));
  jd_message_filter_model_set_model (filter, G_LIST_MODEL (small));
  g_assert_false (jd_message_filter_model_get_busy (filter));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, 5);
  /* long enough for the old worker to have ended */
  jd_test_spin_for (500);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, 5);
  g_assert_cmpuint (jd_message_filter_model_get_n_total (filter), ==, 50);
}

int
main (int   argc,
      char *argv[])
{
  jd_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/message-filter/small-in-place", test_small_in_place);
  g_test_add_func ("/ui/message-filter/big-on-worker", test_big_on_worker);
  g_test_add_func ("/ui/message-filter/big-newer-cancels", test_big_newer_cancels);
  g_test_add_func ("/ui/message-filter/big-closed-while-busy", test_big_closed_while_busy);
  g_test_add_func ("/ui/message-filter/big-new-model-while-busy", test_big_new_model_while_busy);

  return g_test_run ();
}
