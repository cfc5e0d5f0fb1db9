/* jd-application-private.h: shortcuts for the tests and the benchmark
 * only; the app itself goes through jd_application_get_session (). */
#pragma once

#include "jd-application.h"

G_BEGIN_DECLS

/* The session's client. */
JdClient *jd_application_get_client (JdApplication *self);
void      jd_application_set_client (JdApplication *self,
                                     JdClient      *client);

G_END_DECLS
