/* jd-error-text.h: the words the UI puts on a JD_CLIENT_ERROR. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A short headline for a status page ("Job Not Found"). The sentence that
 * explains it is the error's own message. */
const char *jd_error_title     (const GError *error);
/* The icon a status page shows for it. */
const char *jd_error_icon_name (const GError *error);
/* What the library or the system said (English, technical), for a
 * details area under our sentence; NULL when it said nothing. */
const char *jd_error_details   (const GError *error);
/* A closed "Details" expander with those words, selectable so that they
 * can be copied into a bug report; NULL when there are none. */
GtkWidget  *jd_error_details_new (const GError *error);

G_END_DECLS
