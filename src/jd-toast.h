/* jd-toast.h: one way to show a short sentence as a toast. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Shows text (plain text, not markup) in the toast overlay around widget;
 * nothing when there is none (a widget not in a window yet). */
void jd_toast_show    (GtkWidget       *widget,
                       const char      *text);
/* The same, in this overlay. */
void jd_toast_show_in (AdwToastOverlay *overlay,
                       const char      *text);

G_END_DECLS
