/* jd-network-watch.c: whether the network is there, and when it comes back.
 *
 * GNetworkMonitor may emit network-changed many times in a row (each
 * route that comes and goes); only the turn from unavailable to available
 * is a reason to try again, so that is what "network-back" says.
 */
#define G_LOG_DOMAIN "jd-network-watch"

#include "config.h"

#include "jd-network-watch.h"

struct _JdNetworkWatch
{
  GObject          parent_instance;

  GNetworkMonitor *monitor;
  gboolean         available;
};

enum {
  PROP_0,
  PROP_MONITOR,
  PROP_AVAILABLE,
  N_PROPS
};

enum {
  NETWORK_BACK,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (JdNetworkWatch, jd_network_watch, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];
static JdNetworkWatch *default_watch;

static void
update_available (JdNetworkWatch *self)
{
  gboolean available = g_network_monitor_get_network_available (self->monitor);

  if (available == self->available)
    return;

  self->available = available;
  g_debug ("Network %s", available ? "available" : "unavailable");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AVAILABLE]);

  if (available)
    g_signal_emit (self, signals[NETWORK_BACK], 0);
}

static void
on_network_changed_cb (JdNetworkWatch *self)
{
  update_available (self);
}

static void
jd_network_watch_constructed (GObject *object)
{
  JdNetworkWatch *self = JD_NETWORK_WATCH (object);

  G_OBJECT_CLASS (jd_network_watch_parent_class)->constructed (object);

  if (self->monitor == NULL)
    self->monitor = g_object_ref (g_network_monitor_get_default ());

  self->available = g_network_monitor_get_network_available (self->monitor);
  /* network-changed comes with the property already changed; the notify
   * covers implementations that only change the property. */
  g_signal_connect_object (self->monitor, "network-changed", G_CALLBACK (on_network_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->monitor, "notify::network-available", G_CALLBACK (on_network_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
jd_network_watch_finalize (GObject *object)
{
  JdNetworkWatch *self = JD_NETWORK_WATCH (object);

  g_clear_object (&self->monitor);

  G_OBJECT_CLASS (jd_network_watch_parent_class)->finalize (object);
}

static void
jd_network_watch_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  JdNetworkWatch *self = JD_NETWORK_WATCH (object);

  switch (prop_id)
    {
    case PROP_MONITOR:
      g_value_set_object (value, self->monitor);
      break;

    case PROP_AVAILABLE:
      g_value_set_boolean (value, self->available);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_network_watch_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  JdNetworkWatch *self = JD_NETWORK_WATCH (object);

  switch (prop_id)
    {
    case PROP_MONITOR:
      self->monitor = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_network_watch_class_init (JdNetworkWatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = jd_network_watch_constructed;
  object_class->finalize = jd_network_watch_finalize;
  object_class->get_property = jd_network_watch_get_property;
  object_class->set_property = jd_network_watch_set_property;

  properties[PROP_MONITOR] =
    g_param_spec_object ("monitor", NULL, NULL,
                         G_TYPE_NETWORK_MONITOR,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AVAILABLE] =
    g_param_spec_boolean ("available", NULL, NULL,
                          TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[NETWORK_BACK] =
    g_signal_new ("network-back",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
jd_network_watch_init (JdNetworkWatch *self)
{
  self->available = TRUE;
}

JdNetworkWatch *
jd_network_watch_new (GNetworkMonitor *monitor)
{
  g_return_val_if_fail (monitor == NULL || G_IS_NETWORK_MONITOR (monitor), NULL);

  return g_object_new (JD_TYPE_NETWORK_WATCH, "monitor", monitor, NULL);
}

JdNetworkWatch *
jd_network_watch_get_default (void)
{
  if (default_watch == NULL)
    default_watch = jd_network_watch_new (NULL);

  return default_watch;
}

void
jd_network_watch_set_default (JdNetworkWatch *watch)
{
  g_return_if_fail (watch == NULL || JD_IS_NETWORK_WATCH (watch));

  if (watch != NULL)
    g_object_ref (watch);
  g_clear_object (&default_watch);
  default_watch = watch;
}

GNetworkMonitor *
jd_network_watch_get_monitor (JdNetworkWatch *self)
{
  g_return_val_if_fail (JD_IS_NETWORK_WATCH (self), NULL);
  return self->monitor;
}

gboolean
jd_network_watch_get_available (JdNetworkWatch *self)
{
  g_return_val_if_fail (JD_IS_NETWORK_WATCH (self), TRUE);
  return self->available;
}
