/* jd-accessible.h: names for screen readers where GTK 4.8 garbles them. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Gives every button below root that shows a label with an underlined
 * mnemonic ("_Look Up") one accessible name, that label's text. */
void jd_accessible_fix_mnemonic_buttons (GtkWidget *root);

G_END_DECLS
