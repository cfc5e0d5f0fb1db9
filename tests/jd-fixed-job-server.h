/* jd-fixed-job-server.h: a SoupServer that answers every job lookup
 * with one JobView a test made (a 60,000-character word, a file name
 * with bidi controls), and every output download with a few bytes. It
 * serves from the thread-default main context of its caller. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _JdFixedJobServer JdFixedJobServer;

/* job_json: the body of GET /webapi/v3/jobs/{id}, whatever the id and
 * includeMessages (the server's job, as the Server's schema has it). */
JdFixedJobServer *jd_fixed_job_server_new          (const char       *job_json);
const char       *jd_fixed_job_server_get_base_url (JdFixedJobServer *self);
guint             jd_fixed_job_server_get_job_requests (JdFixedJobServer *self);
void              jd_fixed_job_server_free         (JdFixedJobServer *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdFixedJobServer, jd_fixed_job_server_free)

G_END_DECLS
