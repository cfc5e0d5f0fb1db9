/* jd-message-list.c: a compact GListModel of a job's messages.
 *
 * A job can carry 100,000 messages; as GObjects they would cost several
 * times their text. Here each is 16 bytes plus its text in a string chunk,
 * and a JdJobMessage is made only when someone asks for the item.
 */
#define G_LOG_DOMAIN "jd-message-list"

#include "config.h"

#include "jd-message-list.h"

typedef struct
{
  guint32     code;
  gint32      tool_id;
  const char *text;    /* in texts, or NULL when not given */
} Entry;

struct _JdMessageList
{
  GObject       parent_instance;

  GArray       *entries;
  GStringChunk *texts;
  GPtrArray    *more_texts;  /* GStringChunk: of the lists taken in */
  guint         severity_counts[JD_MESSAGE_SEVERITY_INFO + 1];
  guint         n_unreadable;
  gboolean      cut_off;
};

enum {
  PROP_0,
  PROP_N_ITEMS,
  PROP_N_UNREADABLE,
  N_PROPS
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (JdMessageList, jd_message_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GParamSpec *properties[N_PROPS];

static GType
jd_message_list_get_item_type (GListModel *model)
{
  return JD_TYPE_JOB_MESSAGE;
}

static guint
jd_message_list_get_n_items (GListModel *model)
{
  JdMessageList *self = JD_MESSAGE_LIST (model);

  return self->entries->len;
}

static gpointer
jd_message_list_get_item (GListModel *model,
                          guint       position)
{
  JdMessageList *self = JD_MESSAGE_LIST (model);
  const Entry *entry;

  if (position >= self->entries->len)
    return NULL;

  entry = &g_array_index (self->entries, Entry, position);

  return jd_job_message_new (entry->code, entry->text, entry->tool_id);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = jd_message_list_get_item_type;
  iface->get_n_items = jd_message_list_get_n_items;
  iface->get_item = jd_message_list_get_item;
}

static void
jd_message_list_finalize (GObject *object)
{
  JdMessageList *self = (JdMessageList *)object;

  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->texts, g_string_chunk_free);
  g_clear_pointer (&self->more_texts, g_ptr_array_unref);

  G_OBJECT_CLASS (jd_message_list_parent_class)->finalize (object);
}

static void
jd_message_list_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  JdMessageList *self = JD_MESSAGE_LIST (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->entries->len);
      break;

    case PROP_N_UNREADABLE:
      g_value_set_uint (value, self->n_unreadable);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_message_list_class_init (JdMessageListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jd_message_list_finalize;
  object_class->get_property = jd_message_list_get_property;

  /* as GListStore has it since GLib 2.74, so views can bind a count */
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /* elements of the Server's array that were no message: not in the list */
  properties[PROP_N_UNREADABLE] =
    g_param_spec_uint ("n-unreadable", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jd_message_list_init (JdMessageList *self)
{
  self->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  self->texts = g_string_chunk_new (16 * 1024);
}

/**
 * jd_message_list_new:
 *
 * Returns: (transfer full): a new, empty #JdMessageList
 */
JdMessageList *
jd_message_list_new (void)
{
  return g_object_new (JD_TYPE_MESSAGE_LIST, NULL);
}

/**
 * jd_message_list_append:
 * @self: a #JdMessageList
 * @code: the engine's message code, as given
 * @text: (nullable): the message
 * @tool_id: the tool, -1 for the engine, or %JD_JOB_MESSAGE_NO_TOOL
 *
 * Adds a message at the end. This is for filling a list before anyone
 * sees it, so it emits no #GListModel::items-changed.
 */
void
jd_message_list_append (JdMessageList *self,
                        guint          code,
                        const char    *text,
                        gint32         tool_id)
{
  Entry entry;

  g_return_if_fail (JD_IS_MESSAGE_LIST (self));
  g_return_if_fail (self->entries->len < G_MAXUINT);

  entry.code = code;
  entry.tool_id = tool_id;
  entry.text = text != NULL ? g_string_chunk_insert (self->texts, text) : NULL;

  g_array_append_val (self->entries, entry);
  self->severity_counts[jd_message_severity_from_code (code)]++;
}

static const Entry *
get_entry (JdMessageList *self,
           guint          position)
{
  if (position >= self->entries->len)
    return NULL;

  return &g_array_index (self->entries, Entry, position);
}

guint
jd_message_list_get_code (JdMessageList *self,
                          guint          position)
{
  const Entry *entry;

  g_return_val_if_fail (JD_IS_MESSAGE_LIST (self), 0);

  entry = get_entry (self, position);
  g_return_val_if_fail (entry != NULL, 0);

  return entry->code;
}

JdMessageSeverity
jd_message_list_get_severity (JdMessageList *self,
                              guint          position)
{
  return jd_message_severity_from_code (jd_message_list_get_code (self, position));
}

const char *
jd_message_list_get_text (JdMessageList *self,
                          guint          position)
{
  const Entry *entry;

  g_return_val_if_fail (JD_IS_MESSAGE_LIST (self), NULL);

  entry = get_entry (self, position);
  g_return_val_if_fail (entry != NULL, NULL);

  return entry->text;
}

gint32
jd_message_list_get_tool_id (JdMessageList *self,
                             guint          position)
{
  const Entry *entry;

  g_return_val_if_fail (JD_IS_MESSAGE_LIST (self), JD_JOB_MESSAGE_NO_TOOL);

  entry = get_entry (self, position);
  g_return_val_if_fail (entry != NULL, JD_JOB_MESSAGE_NO_TOOL);

  return entry->tool_id;
}

/**
 * jd_message_list_count_severity:
 * @self: a #JdMessageList
 * @severity: a severity
 *
 * Returns: how many messages have @severity; counted while appending, so
 *   this costs nothing
 */
guint
jd_message_list_count_severity (JdMessageList     *self,
                                JdMessageSeverity  severity)
{
  g_return_val_if_fail (JD_IS_MESSAGE_LIST (self), 0);
  g_return_val_if_fail (severity <= JD_MESSAGE_SEVERITY_INFO, 0);

  return self->severity_counts[severity];
}

/**
 * jd_message_list_add_unreadable:
 * @self: a #JdMessageList
 *
 * Counts one element of the Server's answer that could not be read as a
 * message. Like jd_message_list_append (), for filling a list before
 * anyone sees it: it notifies nothing.
 */
void
jd_message_list_add_unreadable (JdMessageList *self)
{
  g_return_if_fail (JD_IS_MESSAGE_LIST (self));

  if (self->n_unreadable < G_MAXUINT)
    self->n_unreadable++;
}

/**
 * jd_message_list_get_n_unreadable:
 * @self: a #JdMessageList
 *
 * Returns: how many elements of the Server's answer could not be read as
 *   messages, and so are not in the list
 */
guint
jd_message_list_get_n_unreadable (JdMessageList *self)
{
  g_return_val_if_fail (JD_IS_MESSAGE_LIST (self), 0);

  return self->n_unreadable;
}

/**
 * jd_message_list_set_cut_off:
 * @self: a #JdMessageList
 *
 * Marks the list as the first messages only: the Server's answer went on
 * past what Job Desk reads. Like jd_message_list_append (), for a list
 * nobody sees yet.
 */
void
jd_message_list_set_cut_off (JdMessageList *self)
{
  g_return_if_fail (JD_IS_MESSAGE_LIST (self));

  self->cut_off = TRUE;
}

/**
 * jd_message_list_get_cut_off:
 * @self: a #JdMessageList
 *
 * Returns: %TRUE when the list holds only the first of the job's
 *   messages (the answer was larger than Job Desk reads)
 */
gboolean
jd_message_list_get_cut_off (JdMessageList *self)
{
  g_return_val_if_fail (JD_IS_MESSAGE_LIST (self), FALSE);

  return self->cut_off;
}

/**
 * jd_message_list_take_all:
 * @self: a #JdMessageList
 * @other: another #JdMessageList, which ends up empty
 *
 * Moves the messages of @other to the end of @self, with their texts
 * (no copy) and their unreadable count, as when slices of one array were
 * read apart. Like jd_message_list_append (), for filling a list before
 * anyone sees it: it notifies nothing.
 */
void
jd_message_list_take_all (JdMessageList *self,
                          JdMessageList *other)
{
  g_return_if_fail (JD_IS_MESSAGE_LIST (self));
  g_return_if_fail (JD_IS_MESSAGE_LIST (other));
  g_return_if_fail (self != other);
  g_return_if_fail (G_MAXUINT - self->entries->len >= other->entries->len);

  g_array_append_vals (self->entries, other->entries->data, other->entries->len);
  g_array_set_size (other->entries, 0);

  for (guint i = 0; i < G_N_ELEMENTS (self->severity_counts); i++)
    {
      self->severity_counts[i] += other->severity_counts[i];
      other->severity_counts[i] = 0;
    }

  if (G_MAXUINT - self->n_unreadable >= other->n_unreadable)
    self->n_unreadable += other->n_unreadable;
  else
    self->n_unreadable = G_MAXUINT;
  other->n_unreadable = 0;

  /* the moved entries point into other's texts, which now live here */
  if (self->more_texts == NULL)
    self->more_texts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_string_chunk_free);
  g_ptr_array_add (self->more_texts, g_steal_pointer (&other->texts));
  other->texts = g_string_chunk_new (16 * 1024);
  if (other->more_texts != NULL)
    {
      g_ptr_array_extend_and_steal (self->more_texts, g_steal_pointer (&other->more_texts));
    }
}
