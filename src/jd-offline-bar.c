/* jd-offline-bar.c: "No network", under the window's header.
 *
 * AdwBanner would do this, but it needs libadwaita 1.3; a revealer with
 * an infobar-like box does the same on 1.2.
 */
#define G_LOG_DOMAIN "jd-offline-bar"

#include "config.h"

#include "jd-offline-bar.h"

struct _JdOfflineBar
{
  AdwBin          parent_instance;

  GtkRevealer    *revealer;
  GtkLabel       *label;

  JdNetworkWatch *watch;
  GBinding       *binding;
};

G_DEFINE_FINAL_TYPE (JdOfflineBar, jd_offline_bar, ADW_TYPE_BIN)

static void
jd_offline_bar_dispose (GObject *object)
{
  JdOfflineBar *self = JD_OFFLINE_BAR (object);

  /* AdwBin drops its child, the revealer, itself: no template disposal,
   * which would unparent it a second time. */
  jd_offline_bar_set_watch (self, NULL);

  G_OBJECT_CLASS (jd_offline_bar_parent_class)->dispose (object);
}

static void
jd_offline_bar_class_init (JdOfflineBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_offline_bar_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jobdesk/JobDesk/jd-offline-bar.ui");
  /* a box of ours, not a "filler" read by its type name */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
  gtk_widget_class_bind_template_child (widget_class, JdOfflineBar, revealer);
  gtk_widget_class_bind_template_child (widget_class, JdOfflineBar, label);
}

static void
jd_offline_bar_init (JdOfflineBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  jd_offline_bar_set_watch (self, jd_network_watch_get_default ());
}

GtkWidget *
jd_offline_bar_new (void)
{
  return g_object_new (JD_TYPE_OFFLINE_BAR, NULL);
}

JdNetworkWatch *
jd_offline_bar_get_watch (JdOfflineBar *self)
{
  g_return_val_if_fail (JD_IS_OFFLINE_BAR (self), NULL);
  return self->watch;
}

void
jd_offline_bar_set_watch (JdOfflineBar   *self,
                          JdNetworkWatch *watch)
{
  g_return_if_fail (JD_IS_OFFLINE_BAR (self));
  g_return_if_fail (watch == NULL || JD_IS_NETWORK_WATCH (watch));

  if (self->watch == watch)
    return;

  if (self->binding != NULL)
    g_binding_unbind (self->binding);
  self->binding = NULL;
  g_set_object (&self->watch, watch);

  if (watch != NULL)
    self->binding = g_object_bind_property (watch, "available", self->revealer, "reveal-child",
                                            G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  else
    gtk_revealer_set_reveal_child (self->revealer, FALSE);
}

gboolean
jd_offline_bar_get_shown (JdOfflineBar *self)
{
  g_return_val_if_fail (JD_IS_OFFLINE_BAR (self), FALSE);
  return gtk_revealer_get_reveal_child (self->revealer);
}
