/* jd-client-parsers.h: the client's parsers (JdCallParser), one per kind
 * of answer. Private to the API layer; data is what the call was given
 * with jd_call_set_parser (): the ID asked for, or the result code. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gpointer jd_client_parse_job (GBytes   *bytes,
                              gpointer  data,
                              GError  **error);
gpointer jd_client_parse_messages (GBytes   *bytes,
                                   gpointer  data,
                                   GError  **error);
gpointer jd_client_parse_job_cut_off (GBytes   *bytes,
                                      gpointer  data,
                                      GError  **error);
gpointer jd_client_parse_messages_cut_off (GBytes   *bytes,
                                           gpointer  data,
                                           GError  **error);
gpointer jd_client_parse_workflow_jobs (GBytes   *bytes,
                                        gpointer  data,
                                        GError  **error);
gpointer jd_client_parse_job_page (GBytes   *bytes,
                                   gpointer  data,
                                   GError  **error);
gpointer jd_client_parse_workflows (GBytes   *bytes,
                                    gpointer  data,
                                    GError  **error);
gpointer jd_client_parse_workflow (GBytes   *bytes,
                                   gpointer  data,
                                   GError  **error);

G_END_DECLS
