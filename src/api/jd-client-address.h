/* jd-client-address.h: the Server's Web API address, as a user types it. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Returns the base URL without a trailing slash, or NULL with
 * INVALID_INPUT. When the address looks like a bare host, *suggestion
 * (if given) receives the same address with "/webapi" appended. */
char        *jd_client_normalize_base_url (const char  *address,
                                           char       **suggestion,
                                           GError     **error);
gboolean     jd_client_is_loopback_url    (const char  *url);
/* Whether a redirect from base to target stays with the same server:
 * scheme, host and port (a missing port is the scheme's own). A target
 * without a host never does. */
gboolean     jd_client_address_same_origin (GUri *base,
                                            GUri *target);

G_END_DECLS
