/* jd-call-wording.h: what a failed call tells the user, in words.
 *
 * Private to the API layer. Each function builds a JD_CLIENT_ERROR whose
 * message is a sentence of our own (what happened, what to do); what a
 * library or the system said goes into the error's detail
 * (jd_client_error_get_detail ()), never into the sentence.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What a call is about, so that 403 and 404 can be told in words. */
typedef enum
{
  JD_CALL_SUBJECT_NONE,
  JD_CALL_SUBJECT_JOB,
  JD_CALL_SUBJECT_MESSAGES,
  JD_CALL_SUBJECT_WORKFLOW,
  JD_CALL_SUBJECT_WORKFLOWS,
  JD_CALL_SUBJECT_OUTPUT,
  JD_CALL_SUBJECT_RECENT_JOBS,
  JD_CALL_SUBJECT_CANCEL_JOB,
} JdCallSubject;

gboolean jd_call_wording_body_is_html       (GBytes               *bytes);

GError  *jd_call_wording_cancelled          (void);
GError  *jd_call_wording_timeout            (guint                 seconds);
GError  *jd_call_wording_invalid_address    (const GError         *cause);
/* A failure below HTTP: cause is GIO's, TLS's or libsoup's error. */
GError  *jd_call_wording_transport          (const GError         *cause,
                                             const char           *host,
                                             GTlsCertificateFlags  tls_flags);
/* A status outside 2xx; retry_after is the Retry-After header or NULL. */
GError  *jd_call_wording_status             (guint                 status,
                                             JdCallSubject         subject,
                                             const char           *subject_id,
                                             gboolean              pasted_token,
                                             const char           *retry_after,
                                             GBytes               *body);
GError  *jd_call_wording_token_refused      (GBytes               *body);
GError  *jd_call_wording_no_web_api         (void);
GError  *jd_call_wording_no_token           (void);
/* token_endpoint: the sign-in itself met a web page. */
GError  *jd_call_wording_web_page           (gboolean              token_endpoint);
/* NULL when an answer of this Content-Type may be JSON. */
GError  *jd_call_wording_not_json           (const char           *type);
GError  *jd_call_wording_cut_off            (void);
GError  *jd_call_wording_too_large          (gsize                 limit);
/* The JSON reader's own sentence, and what to do about it. */
GError  *jd_call_wording_unreadable         (const GError         *reader_error);

GError  *jd_call_wording_redirect_nowhere   (guint                 status);
GError  *jd_call_wording_redirect_elsewhere (GUri                 *target,
                                             const char           *location);
GError  *jd_call_wording_redirect_loop      (void);

/* Downloads. */
GError  *jd_call_wording_download_cut_off   (void);
GError  *jd_call_wording_download_web_page  (void);
/* A JSON error answer where a file was due; said is the Server's words. */
GError  *jd_call_wording_download_json_error (const char          *said);
GError  *jd_call_wording_file               (const GError         *cause);

G_END_DECLS
