/* test-ui-history.c: the lookup history in a file of its own, written off
 * the main loop, and moved once out of the old setting. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "jd-history.h"
#include "jd-history-private.h"
#include "jd-ui-test-util.h"

#define WAIT_MS 20000

typedef struct
{
  GSettings *settings;
  GFile     *file;
  char      *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->settings = g_settings_new (APPLICATION_ID);
  g_settings_reset (fixture->settings, "history");
  /* in a folder not made yet, as on a first start */
  fixture->path = g_build_filename (g_get_user_data_dir (), "jobdesk-test", "history.json", NULL);
  fixture->file = g_file_new_for_path (fixture->path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_remove (fixture->path);
  g_clear_object (&fixture->file);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_object (&fixture->settings);
}

static void
set_old_setting (GSettings *settings,
                 guint      rows,
                 guint      first)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(sxs)"));
  for (guint i = 0; i < rows; i++)
    {
      g_autofree char *id = g_strdup_printf ("%024x", first + i);

      g_variant_builder_add (&builder, "(sxs)", id, (gint64) 1700000000 - i, "Completed · Success");
    }
  g_settings_set_value (settings, "history", g_variant_builder_end (&builder));
}

static gboolean
written (gpointer data)
{
  gpointer *args = data;

  return jd_history_get_write_count (args[0]) >= GPOINTER_TO_UINT (args[1]) &&
         !jd_history_is_writing (args[0]);
}

static void
wait_written (JdHistory *history,
              guint      count)
{
  gpointer args[] = { history, GUINT_TO_POINTER (count) };

  g_assert_true (jd_ui_test_wait_for (written, args, WAIT_MS));
}

/* The job IDs the file holds, in order. */
static GPtrArray *
ids_in_file (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  JsonArray *items;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (json_parser_get_root (parser)), "format"), ==, 1);
  items = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    g_ptr_array_add (ids, g_strdup (json_object_get_string_member (json_array_get_object_element (items, i), "job-id")));

  return ids;
}

static void
test_migrated_once (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(JdHistory) history = NULL;
  g_autoptr(JdHistory) again = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GVariant) left = NULL;
  g_autoptr(JdHistoryItem) first = NULL;

  set_old_setting (fixture->settings, 3, 1);
  history = jd_history_new_for_file (fixture->settings, fixture->file);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, 3);
  first = g_list_model_get_item (G_LIST_MODEL (history), 0);
  g_assert_cmpstr (jd_history_item_get_job_id (first), ==, "000000000000000000000001");
  g_assert_cmpint (g_date_time_to_unix (jd_history_item_get_time (first)), ==, 1700000000);
  g_assert_cmpstr (jd_history_item_get_status (first), ==, "Completed · Success");

  /* the rows are in the file, and no longer in the setting */
  wait_written (history, 1);
  ids = ids_in_file (fixture->path);
  g_assert_cmpuint (ids->len, ==, 3);
  g_assert_cmpstr (ids->pdata[2], ==, "000000000000000000000003");
  left = g_settings_get_value (fixture->settings, "history");
  g_assert_cmpuint (g_variant_n_children (left), ==, 0);

  /* once: the next start reads the file, whatever the setting says */
  set_old_setting (fixture->settings, 5, 100);
  again = jd_history_new_for_file (fixture->settings, fixture->file);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 3);
  g_assert_cmpuint (jd_history_get_write_count (again), ==, 0);
  g_assert_false (jd_history_is_writing (again));
}

/* Rows beyond the cap are not carried over. */
static void
test_migration_capped (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(JdHistory) history = NULL;
  g_autoptr(GPtrArray) ids = NULL;

  set_old_setting (fixture->settings, JD_HISTORY_MAX_ITEMS + 100, 1);
  history = jd_history_new_for_file (fixture->settings, fixture->file);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, JD_HISTORY_MAX_ITEMS);
  wait_written (history, 1);
  ids = ids_in_file (fixture->path);
  g_assert_cmpuint (ids->len, ==, JD_HISTORY_MAX_ITEMS);
}

static void
on_job_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  JdJob **job = user_data;
  g_autoptr(GError) error = NULL;

  *job = jd_client_get_job_finish (JD_CLIENT (source), result, &error);
  g_assert_no_error (error);
}

static gboolean
pointer_set (gpointer data)
{
  return *(gpointer *) data != NULL;
}

static JdJob *
fetch_job (JdClient   *client,
           const char *id)
{
  JdJob *job = NULL;

  jd_client_get_job_async (client, id, FALSE, NULL, on_job_cb, &job);
  g_assert_true (jd_ui_test_wait_for (pointer_set, &job, WAIT_MS));
  return job;
}

/* A lookup changes the list at once; the file follows from a worker
 * thread, and two changes in a row end in the file in order. */
static void
test_written_off_the_main_loop (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(JdDemoServer) server = jd_ui_test_demo_server_new ();
  g_autoptr(JdClient) client = jd_ui_test_demo_client_new (server, FALSE);
  g_autoptr(JdJob) success = fetch_job (client, JD_DEMO_JOB_SUCCESS);
  g_autoptr(JdJob) warning = fetch_job (client, JD_DEMO_JOB_WARNING);
  g_autoptr(JdHistory) history = jd_history_new_for_file (fixture->settings, fixture->file);
  g_autoptr(JdHistory) reread = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(JdHistoryItem) first = NULL;
  guint writes;

  wait_written (history, 1);   /* the (empty) migration */
  writes = jd_history_get_write_count (history);

  jd_history_add_job (history, success);
  /* under way when the call returns: it did not write on the main loop */
  g_assert_true (jd_history_is_writing (history));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, 1);
  jd_history_add_job (history, warning);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, 2);

  wait_written (history, writes + 2);
  ids = ids_in_file (fixture->path);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpstr (ids->pdata[0], ==, JD_DEMO_JOB_WARNING);
  g_assert_cmpstr (ids->pdata[1], ==, JD_DEMO_JOB_SUCCESS);

  /* and a start after reads them back, with their status */
  reread = jd_history_new_for_file (fixture->settings, fixture->file);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reread)), ==, 2);
  first = g_list_model_get_item (G_LIST_MODEL (reread), 0);
  g_assert_cmpstr (jd_history_item_get_status (first), ==, "Completed · Warning");

  jd_history_clear (history);
  wait_written (history, writes + 3);
  g_clear_pointer (&ids, g_ptr_array_unref);
  ids = ids_in_file (fixture->path);
  g_assert_cmpuint (ids->len, ==, 0);

  jd_demo_server_stop (server);
}

/* A damaged file is an empty history (or its good rows), not a failed
 * start, and nothing is taken from the old setting then. */
static void
test_damaged_file (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *folder = g_path_get_dirname (fixture->path);
  g_autoptr(JdHistory) broken = NULL;
  g_autoptr(JdHistory) mixed = NULL;
  g_autoptr(JdHistoryItem) only = NULL;
  g_autoptr(GError) error = NULL;
  const char *rows = "{\"format\": 1, \"items\": ["
                     "{\"job-id\": 42}, \"row\", {\"status\": \"Queued\"},"
                     "{\"job-id\": \"66ebd18d3d6200007e000d8c\", \"time\": \"soon\", \"status\": [1]}]}";

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (fixture->path, "{not json", -1, &error));
  set_old_setting (fixture->settings, 2, 1);
  broken = jd_history_new_for_file (fixture->settings, fixture->file);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (broken)), ==, 0);

  g_assert_true (g_file_set_contents (fixture->path, rows, -1, &error));
  mixed = jd_history_new_for_file (fixture->settings, fixture->file);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (mixed)), ==, 1);
  only = g_list_model_get_item (G_LIST_MODEL (mixed), 0);
  g_assert_cmpstr (jd_history_item_get_job_id (only), ==, "66ebd18d3d6200007e000d8c");
  g_assert_cmpstr (jd_history_item_get_status (only), ==, "");
}

int
main (int   argc,
      char *argv[])
{
  jd_ui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/ui/history/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("migrated-once-from-the-setting", test_migrated_once);
  ADD ("migration-capped", test_migration_capped);
  ADD ("written-off-the-main-loop", test_written_off_the_main_loop);
  ADD ("damaged-file-is-no-failed-start", test_damaged_file);

  return g_test_run ();
}
