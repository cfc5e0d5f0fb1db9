/* jd-message-filter-model.c: a job's messages, narrowed by severity and
 * by a search text.
 *
 * Why not GtkFilterListModel: its filter sees items, not positions, so
 * every refilter makes (and frees) one JdJobMessage per message. With
 * 100,000 messages that costs 60 to 90 ms a keystroke here. This model
 * reads the compact JdMessageList in place instead (jd-message-matcher.c):
 * a refilter of 100,000 messages is a few milliseconds, and a search of a
 * million runs on a worker thread, so the window never waits for it.
 */
#define G_LOG_DOMAIN "jd-message-filter-model"

#include "config.h"

#include <string.h>

#include "jd-memory.h"
#include "jd-message-filter-model.h"
#include "jd-message-list.h"
#include "jd-message-matcher.h"

struct _JdMessageFilterModel
{
  GObject              parent_instance;

  GListModel          *model;
  /* model itself when it is a JdMessageList, otherwise a copy read once */
  JdMessageList       *list;
  JdMessageFilterKind  kind;
  char                *search;
  /* the search trimmed and folded; NULL when not searching */
  char                *needle;
  gsize                needle_length;
  gboolean             needle_is_ascii;
  /* positions in model that match, ascending; NULL: all of them */
  GArray              *positions;
  guint                n_items;
  /* a search running on a worker thread ("busy"), or NULL */
  GCancellable        *cancellable;
};

/* A search with more messages than this to look at runs on a worker
 * thread: a million take 40 to 150 ms here, 100,000 a tenth of that. */
#define THREAD_MIN 200000

typedef struct
{
  JdMessageMatcher *matcher;
  GArray           *among;
} MatchWork;

enum {
  PROP_0,
  PROP_MODEL,
  PROP_KIND,
  PROP_SEARCH,
  PROP_N_ITEMS,
  PROP_BUSY,
  N_PROPS
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (JdMessageFilterModel, jd_message_filter_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GParamSpec *properties[N_PROPS];

static gboolean
is_ascii (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      if (*p >= 0x80)
        return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Refiltering                                                         */

static inline guint
position_at (GArray *positions,
             guint   index)
{
  return positions != NULL ? g_array_index (positions, guint, index) : index;
}

static guint
count_total (JdMessageFilterModel *self)
{
  return self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
}

/* Emits one items-changed for the part that differs: the matches before
 * and after it stay, so the view keeps those rows. */
static void
emit_changes (JdMessageFilterModel *self,
              GArray               *old_positions,
              guint                 old_n_items,
              gboolean              same_model)
{
  guint new_n_items = self->n_items;
  guint prefix = 0;
  guint suffix = 0;

  if (same_model)
    {
      while (prefix < old_n_items && prefix < new_n_items &&
             position_at (old_positions, prefix) == position_at (self->positions, prefix))
        prefix++;

      while (suffix < old_n_items - prefix && suffix < new_n_items - prefix &&
             position_at (old_positions, old_n_items - 1 - suffix) ==
             position_at (self->positions, new_n_items - 1 - suffix))
        suffix++;
    }

  if (prefix == old_n_items && prefix == new_n_items)
    return;

  g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                              old_n_items - prefix - suffix,
                              new_n_items - prefix - suffix);

  if (old_n_items != new_n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* Shows positions (NULL: all of the model) as the n_items matches. */
static void
apply (JdMessageFilterModel *self,
       GArray               *positions,
       guint                 n_items,
       gboolean              same_model)
{
  g_autoptr(GArray) old_positions = g_steal_pointer (&self->positions);
  guint old_n_items = self->n_items;

  self->positions = positions;
  self->n_items = n_items;
  emit_changes (self, old_positions, old_n_items, same_model);
}

/* "busy" is whether a search runs: notified when that changed since. */
static void
notify_busy (JdMessageFilterModel *self,
             gboolean              was_busy)
{
  if (was_busy != (self->cancellable != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
match_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  MatchWork *work = task_data;
  GArray *positions = jd_message_matcher_run (work->matcher, work->among, cancellable);

  if (positions == NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
  else
    g_task_return_pointer (task, positions, (GDestroyNotify) g_array_unref);
}

static void
on_matched_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  JdMessageFilterModel *self = JD_MESSAGE_FILTER_MODEL (source);
  GTask *task = G_TASK (result);
  GArray *positions = g_task_propagate_pointer (task, NULL);

  /* a newer filter was asked for meanwhile: it is running, or shown */
  if (positions == NULL || g_task_get_cancellable (task) != self->cancellable)
    {
      g_clear_pointer (&positions, g_array_unref);
      return;
    }

  g_clear_object (&self->cancellable);
  apply (self, positions, positions->len, TRUE);
  notify_busy (self, TRUE);
}

static void
match_work_free (MatchWork *work)
{
  jd_message_matcher_free (work->matcher);
  g_clear_pointer (&work->among, g_array_unref);
  g_free (work);
}

/* more_strict: the new filter matches a subset of what the old one did,
 * so only the current matches need a look. A search that has more than
 * THREAD_MIN messages to look at runs on a worker thread: the rows shown
 * stay until its matches come ("busy" meanwhile), and the main loop goes
 * on drawing and taking keystrokes; each newer filter cancels it. */
static void
refilter (JdMessageFilterModel *self,
          gboolean              more_strict,
          gboolean              same_model)
{
  g_autoptr(JdMessageMatcher) matcher = NULL;
  guint total = count_total (self);
  gboolean was_busy = self->cancellable != NULL;
  GArray *among = NULL;
  guint to_look_at;
  GTask *task;
  MatchWork *work;

  if (self->cancellable != NULL)
    {
      /* the rows shown are not of the filter asked for last */
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      more_strict = FALSE;
    }

  if (self->list == NULL || !jd_message_filter_model_is_filtering (self))
    {
      apply (self, NULL, total, same_model);
      notify_busy (self, was_busy);
      return;
    }

  if (more_strict && same_model)
    among = self->positions;
  to_look_at = among != NULL ? among->len : total;
  matcher = jd_message_matcher_new (self->list, self->kind, self->needle, self->needle_is_ascii);

  if (self->needle == NULL || to_look_at < THREAD_MIN)
    {
      GArray *positions = jd_message_matcher_run (matcher, among, NULL);

      apply (self, positions, positions->len, same_model);
      notify_busy (self, was_busy);
      return;
    }

  work = g_new0 (MatchWork, 1);
  work->matcher = g_steal_pointer (&matcher);
  /* arrays of positions never change once made */
  work->among = among != NULL ? g_array_ref (among) : NULL;
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, on_matched_cb, NULL);
  g_task_set_source_tag (task, refilter);
  g_task_set_task_data (task, work, (GDestroyNotify) match_work_free);
  g_task_run_in_thread (task, match_in_thread);
  g_object_unref (task);
  notify_busy (self, was_busy);
}

/* A model that is not a JdMessageList is read once into one, so matching
 * stays position-wise. */
static void
read_model (JdMessageFilterModel *self)
{
  guint n;

  g_clear_object (&self->list);

  if (self->model == NULL)
    return;

  if (JD_IS_MESSAGE_LIST (self->model))
    {
      self->list = g_object_ref (JD_MESSAGE_LIST (self->model));
      return;
    }

  self->list = jd_message_list_new ();
  n = g_list_model_get_n_items (self->model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JdJobMessage) message = g_list_model_get_item (self->model, i);

      jd_message_list_append (self->list,
                              jd_job_message_get_code (message),
                              jd_job_message_get_text (message),
                              jd_job_message_get_tool_id (message));
    }
}

static void
on_model_items_changed_cb (JdMessageFilterModel *self,
                           guint                 position,
                           guint                 removed,
                           guint                 added,
                           GListModel           *model)
{
  read_model (self);
  refilter (self, FALSE, FALSE);
}

static void
prepare_needle (JdMessageFilterModel *self)
{
  g_autofree char *trimmed = NULL;

  g_clear_pointer (&self->needle, g_free);
  self->needle_length = 0;
  self->needle_is_ascii = TRUE;

  if (self->search == NULL)
    return;

  trimmed = g_strstrip (g_strdup (self->search));
  if (trimmed[0] == '\0')
    return;

  self->needle_is_ascii = is_ascii (trimmed);
  if (self->needle_is_ascii)
    self->needle = g_ascii_strdown (trimmed, -1);
  else
    self->needle = g_utf8_casefold (trimmed, -1);
  self->needle_length = strlen (self->needle);
}

/* ------------------------------------------------------------------ */
/* GListModel                                                          */

static GType
jd_message_filter_model_get_item_type (GListModel *model)
{
  return JD_TYPE_JOB_MESSAGE;
}

static guint
jd_message_filter_model_get_n_items (GListModel *model)
{
  return JD_MESSAGE_FILTER_MODEL (model)->n_items;
}

static gpointer
jd_message_filter_model_get_item (GListModel *model,
                                  guint       position)
{
  JdMessageFilterModel *self = JD_MESSAGE_FILTER_MODEL (model);

  if (position >= self->n_items || self->model == NULL)
    return NULL;

  return g_list_model_get_item (self->model, position_at (self->positions, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = jd_message_filter_model_get_item_type;
  iface->get_n_items = jd_message_filter_model_get_n_items;
  iface->get_item = jd_message_filter_model_get_item;
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
jd_message_filter_model_dispose (GObject *object)
{
  JdMessageFilterModel *self = (JdMessageFilterModel *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_model_items_changed_cb, self);
  /* a closed tab's messages */
  if (self->list != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->list)) >= JD_MEMORY_BIG_LIST)
    jd_memory_trim_soon ();
  g_clear_object (&self->model);
  g_clear_object (&self->list);

  G_OBJECT_CLASS (jd_message_filter_model_parent_class)->dispose (object);
}

static void
jd_message_filter_model_finalize (GObject *object)
{
  JdMessageFilterModel *self = (JdMessageFilterModel *)object;

  g_clear_pointer (&self->positions, g_array_unref);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->needle, g_free);

  G_OBJECT_CLASS (jd_message_filter_model_parent_class)->finalize (object);
}

static void
jd_message_filter_model_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  JdMessageFilterModel *self = JD_MESSAGE_FILTER_MODEL (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->cancellable != NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_message_filter_model_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  JdMessageFilterModel *self = JD_MESSAGE_FILTER_MODEL (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      jd_message_filter_model_set_model (self, g_value_get_object (value));
      break;

    case PROP_KIND:
      jd_message_filter_model_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_SEARCH:
      jd_message_filter_model_set_search (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_message_filter_model_class_init (JdMessageFilterModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jd_message_filter_model_dispose;
  object_class->finalize = jd_message_filter_model_finalize;
  object_class->get_property = jd_message_filter_model_get_property;
  object_class->set_property = jd_message_filter_model_set_property;

  /* a GListModel of JdJobMessage; a JdMessageList is read in place */
  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       JD_TYPE_MESSAGE_FILTER_KIND,
                       JD_MESSAGE_FILTER_ALL,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* matched without regard to case against the text and the tool label */
  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /* TRUE while a search runs on a worker thread */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jd_message_filter_model_init (JdMessageFilterModel *self)
{
  self->needle_is_ascii = TRUE;
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */

/**
 * jd_message_filter_model_new:
 * @model: (nullable): a #GListModel of #JdJobMessage
 *
 * Returns: (transfer full): a new #JdMessageFilterModel showing all of
 *   @model
 */
JdMessageFilterModel *
jd_message_filter_model_new (GListModel *model)
{
  g_return_val_if_fail (model == NULL || G_IS_LIST_MODEL (model), NULL);

  return g_object_new (JD_TYPE_MESSAGE_FILTER_MODEL, "model", model, NULL);
}

GListModel *
jd_message_filter_model_get_model (JdMessageFilterModel *self)
{
  g_return_val_if_fail (JD_IS_MESSAGE_FILTER_MODEL (self), NULL);

  return self->model;
}

void
jd_message_filter_model_set_model (JdMessageFilterModel *self,
                                   GListModel           *model)
{
  g_return_if_fail (JD_IS_MESSAGE_FILTER_MODEL (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_model_items_changed_cb, self);

  /* the messages of the job before, looked up again or replaced */
  if (self->list != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->list)) >= JD_MEMORY_BIG_LIST)
    jd_memory_trim_soon ();

  g_set_object (&self->model, model);

  /* A JdMessageList fills before anyone sees it and never changes. */
  if (model != NULL && !JD_IS_MESSAGE_LIST (model))
    g_signal_connect_object (model, "items-changed",
                             G_CALLBACK (on_model_items_changed_cb), self,
                             G_CONNECT_SWAPPED);

  read_model (self);
  refilter (self, FALSE, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

JdMessageFilterKind
jd_message_filter_model_get_kind (JdMessageFilterModel *self)
{
  g_return_val_if_fail (JD_IS_MESSAGE_FILTER_MODEL (self), JD_MESSAGE_FILTER_ALL);

  return self->kind;
}

void
jd_message_filter_model_set_kind (JdMessageFilterModel *self,
                                  JdMessageFilterKind   kind)
{
  gboolean more_strict;

  g_return_if_fail (JD_IS_MESSAGE_FILTER_MODEL (self));
  g_return_if_fail (kind <= JD_MESSAGE_FILTER_INFO);

  if (self->kind == kind)
    return;

  more_strict = self->kind == JD_MESSAGE_FILTER_ALL;
  self->kind = kind;
  refilter (self, more_strict, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
jd_message_filter_model_get_search (JdMessageFilterModel *self)
{
  g_return_val_if_fail (JD_IS_MESSAGE_FILTER_MODEL (self), NULL);

  return self->search;
}

void
jd_message_filter_model_set_search (JdMessageFilterModel *self,
                                    const char           *search)
{
  g_autofree char *old_needle = NULL;
  gboolean old_is_ascii;
  gboolean more_strict;

  g_return_if_fail (JD_IS_MESSAGE_FILTER_MODEL (self));

  if (g_strcmp0 (self->search, search) == 0)
    return;

  g_free (self->search);
  self->search = g_strdup (search);

  old_needle = g_steal_pointer (&self->needle);
  old_is_ascii = self->needle_is_ascii;
  prepare_needle (self);

  if (g_strcmp0 (old_needle, self->needle) != 0)
    {
      /* A longer search that holds the old one can only match fewer;
       * the two ways of matching fold case a little differently, so
       * only within one of them. */
      more_strict = self->needle != NULL &&
                    (old_needle == NULL ||
                     (old_is_ascii == self->needle_is_ascii &&
                      strstr (self->needle, old_needle) != NULL));
      refilter (self, more_strict, TRUE);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
}

guint
jd_message_filter_model_get_n_total (JdMessageFilterModel *self)
{
  g_return_val_if_fail (JD_IS_MESSAGE_FILTER_MODEL (self), 0);

  return count_total (self);
}

guint
jd_message_filter_model_count_severity (JdMessageFilterModel *self,
                                        JdMessageSeverity     severity)
{
  g_return_val_if_fail (JD_IS_MESSAGE_FILTER_MODEL (self), 0);

  if (self->list == NULL)
    return 0;

  return jd_message_list_count_severity (self->list, severity);
}

gboolean
jd_message_filter_model_get_busy (JdMessageFilterModel *self)
{
  g_return_val_if_fail (JD_IS_MESSAGE_FILTER_MODEL (self), FALSE);

  return self->cancellable != NULL;
}

gboolean
jd_message_filter_model_is_filtering (JdMessageFilterModel *self)
{
  g_return_val_if_fail (JD_IS_MESSAGE_FILTER_MODEL (self), FALSE);

  return self->kind != JD_MESSAGE_FILTER_ALL || self->needle != NULL;
}
