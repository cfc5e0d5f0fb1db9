/* jd-list-pacer.c: hands a list view the items of a model a few at a time.
 *
 * The pacer shows a prefix of its model: items [0, n_shown). A change
 * the view can take in one frame passes through as it is. A large one (a
 * new job's 100,000 messages, a search that changes the list from its top)
 * becomes a few items now, then a few more each frame, until the view has
 * a widget for every row it keeps (a GtkGridView of one column keeps about
 * 30); the rest follows in one step, which costs the view nothing but a
 * longer scroll bar.
 *
 * Why a step at a time: GTK 4.8 makes, binds and measures the new rows in
 * the frame after the change, and when the change removes the row the view
 * is anchored to, it also asks the model for every added item once. Both
 * are what kept the main loop busy for hundreds of milliseconds when a job
 * with 100,000 messages arrived.
 */
#define G_LOG_DOMAIN "jd-list-pacer"

#include "config.h"

#include "jd-list-pacer.h"

/* Items per frame: each is a new row to make and measure, well under a
 * millisecond each on a slow machine. */
#define STEP 8
/* Past this many, the rest at once: a view keeps rows only near the top
 * (GtkGridView: 30 rows and a few more). */
#define LIMIT 40
/* How often to look whether the view has shown the last step: a step
 * waits for the frame that shows the one before (a frame is about 16 ms),
 * but not longer than STALL_MS, as for a view that is not on screen. */
#define POLL_MS 8
#define STALL_MS 100

struct _JdListPacer
{
  GObject     parent_instance;

  GListModel *model;
  GtkWidget  *widget;        /* weak */
  guint       n_shown;
  guint       source_id;
  gint64      last_frame;    /* the view's frame counter at the last step */
  gint64      last_step;     /* monotonic time of the last step */
};

enum {
  PROP_0,
  PROP_MODEL,
  PROP_WIDGET,
  N_PROPS
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (JdListPacer, jd_list_pacer, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GParamSpec *properties[N_PROPS];

static guint
count_model (JdListPacer *self)
{
  return self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
}

static gint64
frame_counter (JdListPacer *self)
{
  GdkFrameClock *clock;

  if (self->widget == NULL || !gtk_widget_get_mapped (self->widget))
    return -1;

  clock = gtk_widget_get_frame_clock (self->widget);
  return clock != NULL ? gdk_frame_clock_get_frame_counter (clock) : -1;
}

/* Shows up to n more items. */
static void
grow (JdListPacer *self,
      guint        n)
{
  guint position = self->n_shown;

  n = MIN (n, count_model (self) - self->n_shown);
  if (n == 0)
    return;

  self->n_shown += n;
  self->last_frame = frame_counter (self);
  self->last_step = g_get_monotonic_time ();
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, n);
}

static gboolean
on_step_cb (gpointer user_data)
{
  JdListPacer *self = user_data;
  gint64 frame = frame_counter (self);

  /* Not before the view has shown the last step, unless it shows nothing. */
  if (frame >= 0 && frame == self->last_frame &&
      g_get_monotonic_time () - self->last_step < STALL_MS * 1000)
    return G_SOURCE_CONTINUE;

  grow (self, self->n_shown < LIMIT ? STEP : G_MAXUINT);

  if (self->n_shown < count_model (self))
    return G_SOURCE_CONTINUE;

  self->source_id = 0;
  return G_SOURCE_REMOVE;
}

static void
schedule_steps (JdListPacer *self)
{
  if (self->source_id != 0 || self->n_shown >= count_model (self))
    return;

  /* After the frame: below the priority at which GTK lays out and paints. */
  self->source_id = g_timeout_add_full (GDK_PRIORITY_REDRAW + 10, POLL_MS,
                                        on_step_cb, self, NULL);
}

static void
on_model_items_changed_cb (JdListPacer *self,
                           guint        position,
                           guint        removed,
                           guint        added,
                           GListModel  *model)
{
  guint total = count_model (self);
  guint old_total = total - added + removed;
  guint old_shown = self->n_shown;

  /* Beyond what the view has: it sees nothing of it yet. */
  if (position >= old_shown)
    {
      schedule_steps (self);
      return;
    }

  /* Small, in a list the view has whole: as it is. */
  if (old_shown == old_total && added <= STEP)
    {
      self->n_shown = total;
      g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
      return;
    }

  /* Large: what the view has from position on goes, a step comes. */
  self->n_shown = position + MIN (added, STEP);
  self->n_shown = MIN (self->n_shown, total);
  self->last_frame = frame_counter (self);
  self->last_step = g_get_monotonic_time ();
  g_list_model_items_changed (G_LIST_MODEL (self), position,
                              old_shown - position, self->n_shown - position);
  schedule_steps (self);
}

/* ------------------------------------------------------------------ */
/* GListModel                                                          */

static GType
jd_list_pacer_get_item_type (GListModel *model)
{
  JdListPacer *self = JD_LIST_PACER (model);

  return self->model != NULL ? g_list_model_get_item_type (self->model) : G_TYPE_OBJECT;
}

static guint
jd_list_pacer_get_n_items (GListModel *model)
{
  return JD_LIST_PACER (model)->n_shown;
}

static gpointer
jd_list_pacer_get_item (GListModel *model,
                        guint       position)
{
  JdListPacer *self = JD_LIST_PACER (model);

  if (position >= self->n_shown)
    return NULL;

  return g_list_model_get_item (self->model, position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = jd_list_pacer_get_item_type;
  iface->get_n_items = jd_list_pacer_get_n_items;
  iface->get_item = jd_list_pacer_get_item;
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
jd_list_pacer_dispose (GObject *object)
{
  JdListPacer *self = JD_LIST_PACER (object);

  g_clear_handle_id (&self->source_id, g_source_remove);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_model_items_changed_cb, self);
  g_clear_object (&self->model);
  g_clear_weak_pointer (&self->widget);

  G_OBJECT_CLASS (jd_list_pacer_parent_class)->dispose (object);
}

static void
jd_list_pacer_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  JdListPacer *self = JD_LIST_PACER (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    case PROP_WIDGET:
      g_value_set_object (value, self->widget);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_list_pacer_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  JdListPacer *self = JD_LIST_PACER (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      jd_list_pacer_set_model (self, g_value_get_object (value));
      break;

    case PROP_WIDGET:
      jd_list_pacer_set_widget (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_list_pacer_class_init (JdListPacerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jd_list_pacer_dispose;
  object_class->get_property = jd_list_pacer_get_property;
  object_class->set_property = jd_list_pacer_set_property;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* the view: a step waits for the frame that shows the one before */
  properties[PROP_WIDGET] =
    g_param_spec_object ("widget", NULL, NULL,
                         GTK_TYPE_WIDGET,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jd_list_pacer_init (JdListPacer *self)
{
  self->last_frame = -1;
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */

JdListPacer *
jd_list_pacer_new (GListModel *model)
{
  g_return_val_if_fail (model == NULL || G_IS_LIST_MODEL (model), NULL);

  return g_object_new (JD_TYPE_LIST_PACER, "model", model, NULL);
}

GListModel *
jd_list_pacer_get_model (JdListPacer *self)
{
  g_return_val_if_fail (JD_IS_LIST_PACER (self), NULL);

  return self->model;
}

void
jd_list_pacer_set_model (JdListPacer *self,
                         GListModel  *model)
{
  guint old_shown;

  g_return_if_fail (JD_IS_LIST_PACER (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_model_items_changed_cb, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    g_signal_connect_object (model, "items-changed",
                             G_CALLBACK (on_model_items_changed_cb), self,
                             G_CONNECT_SWAPPED);

  old_shown = self->n_shown;
  self->n_shown = MIN (count_model (self), STEP);
  self->last_frame = frame_counter (self);
  self->last_step = g_get_monotonic_time ();
  if (old_shown != 0 || self->n_shown != 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_shown, self->n_shown);
  schedule_steps (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

GtkWidget *
jd_list_pacer_get_widget (JdListPacer *self)
{
  g_return_val_if_fail (JD_IS_LIST_PACER (self), NULL);

  return self->widget;
}

void
jd_list_pacer_set_widget (JdListPacer *self,
                          GtkWidget   *widget)
{
  g_return_if_fail (JD_IS_LIST_PACER (self));
  g_return_if_fail (widget == NULL || GTK_IS_WIDGET (widget));

  if (g_set_weak_pointer (&self->widget, widget))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WIDGET]);
}

gboolean
jd_list_pacer_is_caught_up (JdListPacer *self)
{
  g_return_val_if_fail (JD_IS_LIST_PACER (self), TRUE);

  return self->n_shown == count_model (self);
}
