/* jd-history.c: every job looked up, newest first, kept in GSettings.
 *
 * The settings key is the truth; the list follows its "changed" signal,
 * so several windows (and a second instance's settings) stay in step.
 */
#define G_LOG_DOMAIN "jd-history"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-display-text.h"
#include "jd-history.h"

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

  GSettings *settings;
  GPtrArray *items;   /* JdHistoryItem */
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
reload (JdHistory *self)
{
  g_autoptr(GVariant) value = g_settings_get_value (self->settings, "history");
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GVariantIter iter;
  const char *id, *status;
  gint64 time;
  guint removed = self->items->len;

  g_variant_iter_init (&iter, value);
  while (g_variant_iter_next (&iter, "(&sx&s)", &id, &time, &status))
    g_ptr_array_add (items, jd_history_item_new (id, time, status));

  g_ptr_array_unref (self->items);
  self->items = g_steal_pointer (&items);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->items->len);
}

static void
save (JdHistory *self,
      GPtrArray *items)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(sxs)"));
  for (guint i = 0; i < items->len && i < JD_HISTORY_MAX_ITEMS; i++)
    {
      JdHistoryItem *item = g_ptr_array_index (items, i);

      g_variant_builder_add (&builder, "(sxs)", item->job_id,
                             g_date_time_to_unix (item->time), item->status);
    }

  /* "changed" reloads the list */
  g_settings_set_value (self->settings, "history", g_variant_builder_end (&builder));
}

static void
on_settings_changed_cb (JdHistory *self)
{
  reload (self);
}

static void
jd_history_finalize (GObject *object)
{
  JdHistory *self = JD_HISTORY (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
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
jd_history_new (GSettings *settings)
{
  JdHistory *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (JD_TYPE_HISTORY, NULL);
  self->settings = g_object_ref (settings);
  g_signal_connect_object (settings, "changed::history",
                           G_CALLBACK (on_settings_changed_cb), self, G_CONNECT_SWAPPED);
  reload (self);
  return self;
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
