/* jd-history.c: every job looked up, newest first, kept in a file.
 *
 * $XDG_DATA_HOME/jobdesk/history.json holds up to 500 rows: too many to
 * rewrite into GSettings at every lookup, as the app once did. The list in
 * memory is the truth while the app runs (one instance serves every
 * window); each change is written out by a GTask in a worker thread, off
 * the main loop, one write at a time (a change made meanwhile is written
 * when the one under way ends), to a temporary file moved into place. The file is read once, at start;
 * when there is none yet, the rows of the old "history" setting move into
 * it, once.
 */
#define G_LOG_DOMAIN "jd-history"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "jd-display-text.h"
#include "jd-history.h"
#include "jd-history-private.h"

#define HISTORY_FORMAT 1

struct _JdHistoryItem
{
  GObject    parent_instance;

  char      *job_id;
  GDateTime *time;
  char      *status;
};

G_DEFINE_FINAL_TYPE (JdHistoryItem, jd_history_item, G_TYPE_OBJECT)

enum {
  ITEM_PROP_0,
  ITEM_PROP_JOB_ID,
  ITEM_PROP_TIME,
  ITEM_PROP_STATUS,
  N_ITEM_PROPS
};

static GParamSpec *item_properties[N_ITEM_PROPS];

static void
jd_history_item_finalize (GObject *object)
{
  JdHistoryItem *self = JD_HISTORY_ITEM (object);

  g_free (self->job_id);
  g_clear_pointer (&self->time, g_date_time_unref);
  g_free (self->status);

  G_OBJECT_CLASS (jd_history_item_parent_class)->finalize (object);
}

static void
jd_history_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  JdHistoryItem *self = JD_HISTORY_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_JOB_ID:
      g_value_set_string (value, self->job_id);
      break;

    case ITEM_PROP_TIME:
      g_value_set_boxed (value, self->time);
      break;

    case ITEM_PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_history_item_class_init (JdHistoryItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jd_history_item_finalize;
  object_class->get_property = jd_history_item_get_property;

  item_properties[ITEM_PROP_JOB_ID] =
    g_param_spec_string ("job-id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_TIME] =
    g_param_spec_boxed ("time", NULL, NULL, G_TYPE_DATE_TIME, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_ITEM_PROPS, item_properties);
}

static void
jd_history_item_init (JdHistoryItem *self)
{
}

static JdHistoryItem *
jd_history_item_new (const char *job_id,
                     gint64      unix_time,
                     const char *status)
{
  JdHistoryItem *self = g_object_new (JD_TYPE_HISTORY_ITEM, NULL);

  self->job_id = g_strdup (job_id);
  self->time = g_date_time_new_from_unix_utc (unix_time);
  if (self->time == NULL)
    self->time = g_date_time_new_from_unix_utc (0);
  self->status = g_strdup (status != NULL ? status : "");
  return self;
}

const char *
jd_history_item_get_job_id (JdHistoryItem *self)
{
  g_return_val_if_fail (JD_IS_HISTORY_ITEM (self), NULL);
  return self->job_id;
}

GDateTime *
jd_history_item_get_time (JdHistoryItem *self)
{
  g_return_val_if_fail (JD_IS_HISTORY_ITEM (self), NULL);
  return self->time;
}

const char *
jd_history_item_get_status (JdHistoryItem *self)
{
  g_return_val_if_fail (JD_IS_HISTORY_ITEM (self), NULL);
  return self->status;
}

/* ------------------------------------------------------------------ */

struct _JdHistory
{
  GObject    parent_instance;

  GSettings    *settings;
  GFile        *file;
  GPtrArray    *items;   /* JdHistoryItem */
  gboolean      writing;
  gboolean      dirty;   /* changed while a write was under way */
  guint         writes;  /* finished, for the tests */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (JdHistory, jd_history, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
jd_history_get_item_type (GListModel *model)
{
  return JD_TYPE_HISTORY_ITEM;
}

static guint
jd_history_get_n_items (GListModel *model)
{
  return JD_HISTORY (model)->items->len;
}

static gpointer
jd_history_get_item (GListModel *model,
                     guint       position)
{
  JdHistory *self = JD_HISTORY (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = jd_history_get_item_type;
  iface->get_n_items = jd_history_get_n_items;
  iface->get_item = jd_history_get_item;
}

static void
set_items (JdHistory *self,
           GPtrArray *items)
{
  guint removed = self->items->len;

  g_ptr_array_unref (self->items);
  self->items = g_ptr_array_ref (items);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->items->len);
}

static GPtrArray *
items_from_settings (GSettings *settings)
{
  g_autoptr(GVariant) value = g_settings_get_value (settings, "history");
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  GVariantIter iter;
  const char *id, *status;
  gint64 time;

  g_variant_iter_init (&iter, value);
  while (g_variant_iter_next (&iter, "(&sx&s)", &id, &time, &status))
    if (items->len < JD_HISTORY_MAX_ITEMS)
      g_ptr_array_add (items, jd_history_item_new (id, time, status));

  return items;
}

/* A member of the type asked for, or NULL: a file edited by hand (or
 * damaged) gives no warning, just fewer rows. */
static JsonNode *
member_of_type (JsonObject *object,
                const char *name,
                GType       value_type)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != value_type)
    return NULL;

  return node;
}

/* A file we cannot read is an empty history, not a failed start. */
static GPtrArray *
items_from_file (GFile   *file,
                 GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autofree char *path = g_file_get_path (file);
  GPtrArray *items;
  JsonNode *root;
  JsonNode *node;
  JsonArray *rows;

  if (!json_parser_load_from_file (parser, path, error))
    return NULL;

  items = g_ptr_array_new_with_free_func (g_object_unref);
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return items;

  node = json_object_get_member (json_node_get_object (root), "items");
  rows = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  for (guint i = 0; rows != NULL && i < json_array_get_length (rows) && items->len < JD_HISTORY_MAX_ITEMS; i++)
    {
      JsonNode *element = json_array_get_element (rows, i);
      JsonNode *id, *time, *status;
      JsonObject *row;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;

      row = json_node_get_object (element);
      id = member_of_type (row, "job-id", G_TYPE_STRING);
      time = member_of_type (row, "time", G_TYPE_INT64);
      status = member_of_type (row, "status", G_TYPE_STRING);
      if (id == NULL || *json_node_get_string (id) == '\0')
        continue;

      g_ptr_array_add (items, jd_history_item_new (json_node_get_string (id),
                                                   time != NULL ? json_node_get_int (time) : 0,
                                                   status != NULL ? json_node_get_string (status) : ""));
    }

  return items;
}

static GBytes *
serialize (GPtrArray *items)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  gsize length;
  char *text;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, HISTORY_FORMAT);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < items->len && i < JD_HISTORY_MAX_ITEMS; i++)
    {
      JdHistoryItem *item = g_ptr_array_index (items, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "job-id");
      json_builder_add_string_value (builder, item->job_id);
      json_builder_set_member_name (builder, "time");
      json_builder_add_int_value (builder, g_date_time_to_unix (item->time));
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, item->status);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);
  return g_bytes_new_take (text, length);
}

static void write_file (JdHistory *self);

/* In the worker thread: the folder, then the file, all at once. */
static void
write_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  JdHistory *self = source_object;
  GBytes *bytes = task_data;
  g_autoptr(GFile) folder = g_file_get_parent (self->file);
  g_autoptr(GError) error = NULL;

  if (!g_file_make_directory_with_parents (folder, cancellable, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_clear_error (&error);

  if (!g_file_replace_contents (self->file,
                                g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                NULL, FALSE, G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                NULL, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
on_written_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  JdHistory *self = JD_HISTORY (source);
  g_autoptr(GError) error = NULL;

  /* The history is a convenience: the lookups went fine without it. */
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_debug ("Could not save the history: %s", error->message);

  self->writing = FALSE;
  self->writes++;
  if (self->dirty)
    write_file (self);
}

static void
write_file (JdHistory *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->writing)
    {
      self->dirty = TRUE;
      return;
    }

  self->dirty = FALSE;
  self->writing = TRUE;
  /* The rows are copied into text here, so the thread touches no item. */
  task = g_task_new (self, NULL, on_written_cb, NULL);
  g_task_set_source_tag (task, write_file);
  g_task_set_task_data (task, serialize (self->items), (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, write_in_thread);
}

static void
save (JdHistory *self,
      GPtrArray *items)
{
  if (items->len > JD_HISTORY_MAX_ITEMS)
    g_ptr_array_set_size (items, JD_HISTORY_MAX_ITEMS);

  set_items (self, items);
  write_file (self);
}

static void
load (JdHistory *self)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  items = items_from_file (self->file, &error);
  if (items != NULL)
    {
      set_items (self, items);
      return;
    }

  if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    {
      g_debug ("Could not read the history: %s", error->message);
      return;
    }

  /* No file yet: the rows of the old setting move into one, once. */
  items = items_from_settings (self->settings);
  set_items (self, items);
  write_file (self);
  g_settings_reset (self->settings, "history");
}

static void
jd_history_finalize (GObject *object)
{
  JdHistory *self = JD_HISTORY (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_object (&self->file);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (jd_history_parent_class)->finalize (object);
}

static void
jd_history_class_init (JdHistoryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jd_history_finalize;
}

static void
jd_history_init (JdHistory *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

JdHistory *
jd_history_new_for_file (GSettings *settings,
                         GFile     *file)
{
  JdHistory *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (JD_TYPE_HISTORY, NULL);
  self->settings = g_object_ref (settings);
  self->file = g_object_ref (file);
  load (self);
  return self;
}

JdHistory *
jd_history_new (GSettings *settings)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "jobdesk", "history.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return jd_history_new_for_file (settings, file);
}

void
jd_history_reload (JdHistory *self)
{
  g_return_if_fail (JD_IS_HISTORY (self));

  jd_history_finish_writing (self);
  load (self);
}

void
jd_history_finish_writing (JdHistory *self)
{
  gint64 deadline;

  g_return_if_fail (JD_IS_HISTORY (self));

  /* Bounded: a stuck disk must not keep the app from quitting. */
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (self->writing && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (1000), TRUE);
}

gboolean
jd_history_is_writing (JdHistory *self)
{
  g_return_val_if_fail (JD_IS_HISTORY (self), FALSE);
  return self->writing;
}

guint
jd_history_get_write_count (JdHistory *self)
{
  g_return_val_if_fail (JD_IS_HISTORY (self), 0);
  return self->writes;
}

static char *
describe_job_whole (JdJob *job)
{
  const char *status = jd_job_summary_get_status (JD_JOB_SUMMARY (job));
  const char *disposition = jd_job_summary_get_disposition (JD_JOB_SUMMARY (job));

  if (status == NULL || *status == '\0')
    return g_strdup ("");

  /* The disposition says how a finished job ended; "None" says nothing. */
  if (jd_job_summary_is_finished (JD_JOB_SUMMARY (job)) && disposition != NULL && *disposition != '\0' &&
      jd_job_summary_get_disposition_kind (JD_JOB_SUMMARY (job)) != JD_DISPOSITION_NONE)
    return g_strdup_printf (C_("job status · disposition", "%s · %s"), status, disposition);

  return g_strdup (status);
}

/* Capped, with hidden characters shown: the status is the Server's, and
 * this goes into tab tooltips, the recent lookups and the saved history. */
char *
jd_history_describe_job (JdJob *job)
{
  g_autofree char *whole = describe_job_whole (job);

  return jd_display_text_prepare (whole, 80, JD_DISPLAY_TEXT_NONE, NULL);
}

static GPtrArray *
copy_without (JdHistory  *self,
              const char *job_id)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->items->len; i++)
    {
      JdHistoryItem *item = g_ptr_array_index (self->items, i);

      if (g_strcmp0 (item->job_id, job_id) != 0)
        g_ptr_array_add (items, g_object_ref (item));
    }

  return items;
}

void
jd_history_add_job (JdHistory *self,
                    JdJob     *job)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *status = NULL;

  g_return_if_fail (JD_IS_HISTORY (self));
  g_return_if_fail (JD_IS_JOB (job));

  status = jd_history_describe_job (job);
  items = copy_without (self, jd_job_summary_get_id (JD_JOB_SUMMARY (job)));
  g_ptr_array_insert (items, 0, jd_history_item_new (jd_job_summary_get_id (JD_JOB_SUMMARY (job)), g_date_time_to_unix (now), status));
  save (self, items);
}

void
jd_history_update_job (JdHistory *self,
                       JdJob     *job)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *status = NULL;
  gboolean changed = FALSE;

  g_return_if_fail (JD_IS_HISTORY (self));
  g_return_if_fail (JD_IS_JOB (job));

  status = jd_history_describe_job (job);
  items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->items->len; i++)
    {
      JdHistoryItem *item = g_ptr_array_index (self->items, i);

      if (g_strcmp0 (item->job_id, jd_job_summary_get_id (JD_JOB_SUMMARY (job))) == 0 && g_strcmp0 (item->status, status) != 0)
        {
          g_ptr_array_add (items, jd_history_item_new (item->job_id, g_date_time_to_unix (item->time), status));
          changed = TRUE;
        }
      else
        g_ptr_array_add (items, g_object_ref (item));
    }

  if (changed)
    save (self, items);
}

void
jd_history_clear (JdHistory *self)
{
  g_autoptr(GPtrArray) empty = g_ptr_array_new ();

  g_return_if_fail (JD_IS_HISTORY (self));

  save (self, empty);
}
