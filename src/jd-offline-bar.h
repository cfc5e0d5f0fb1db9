/* jd-offline-bar.h: a bar under the header that says the computer is
 * offline, shown while the network watch has no network. */
#pragma once

#include <adwaita.h>

#include "jd-network-watch.h"

G_BEGIN_DECLS

#define JD_TYPE_OFFLINE_BAR (jd_offline_bar_get_type ())
G_DECLARE_FINAL_TYPE (JdOfflineBar, jd_offline_bar, JD, OFFLINE_BAR, AdwBin)

GtkWidget      *jd_offline_bar_new       (void);
/* The default watch until set otherwise. */
JdNetworkWatch *jd_offline_bar_get_watch (JdOfflineBar   *self);
void            jd_offline_bar_set_watch (JdOfflineBar   *self,
                                          JdNetworkWatch *watch);
/* Whether the bar is shown (or being shown). */
gboolean        jd_offline_bar_get_shown (JdOfflineBar   *self);

G_END_DECLS
