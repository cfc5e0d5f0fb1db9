/* jd-text-dialog.h: a window with the whole of a text too long for a
 * row (a message, a file name), read-only and scrollable. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define JD_TYPE_TEXT_DIALOG (jd_text_dialog_get_type ())
G_DECLARE_FINAL_TYPE (JdTextDialog, jd_text_dialog, JD, TEXT_DIALOG, AdwWindow)

/* title is the window's ("Message"); text is kept exactly as given:
 * the view shows hidden characters as symbols, "Copy" copies text. */
GtkWidget  *jd_text_dialog_new      (GtkWindow    *parent,
                                     const char   *title,
                                     const char   *text);
const char *jd_text_dialog_get_text (JdTextDialog *self);

G_END_DECLS
