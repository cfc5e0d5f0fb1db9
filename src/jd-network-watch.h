/* jd-network-watch.h: whether the network is there, and when it comes back.
 *
 * Wraps a GNetworkMonitor (the system's, or any other implementation a
 * test hands in): "available" follows its network-available, and
 * "network-back" is emitted once each time it turns from unavailable to
 * available, so that whatever failed for lack of network can try again.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define JD_TYPE_NETWORK_WATCH (jd_network_watch_get_type ())
G_DECLARE_FINAL_TYPE (JdNetworkWatch, jd_network_watch, JD, NETWORK_WATCH, GObject)

JdNetworkWatch  *jd_network_watch_new         (GNetworkMonitor *monitor);
/* The one the app's windows and followers use: the system's monitor,
 * unless jd_network_watch_set_default () replaced it. */
JdNetworkWatch  *jd_network_watch_get_default (void);
/* For tests: a watch of their own monitor (NULL: back to the system's). */
void             jd_network_watch_set_default (JdNetworkWatch  *watch);

GNetworkMonitor *jd_network_watch_get_monitor   (JdNetworkWatch *self);
gboolean         jd_network_watch_get_available (JdNetworkWatch *self);

G_END_DECLS
