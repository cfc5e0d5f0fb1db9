/* jd-error-text.h: the words the UI puts on a JD_CLIENT_ERROR. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A short headline for a status page ("Job Not Found"). The sentence that
 * explains it is the error's own message. */
const char *jd_error_title     (const GError *error);
/* The icon a status page shows for it. */
const char *jd_error_icon_name (const GError *error);

G_END_DECLS
