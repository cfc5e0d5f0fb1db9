/* jd-client-call.h: one request of a JdClient, from token to parsed answer.
 *
 * Private to the API layer. A JdCall is the task data of the GTask that
 * jd_client_*_async () returns through; it owns the message, the body, the
 * deadline, and the link to the caller's cancellable. It knows nothing of
 * the client: what it needs (session, address, limits, the token source)
 * comes in a JdCallContext.
 */
#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "jd-call-wording.h"
#include "jd-token-source.h"

G_BEGIN_DECLS

typedef enum
{
  JD_CALL_JSON,            /* read JSON, parse it on a worker thread */
  JD_CALL_DOWNLOAD,        /* stream the body into a file */
  JD_CALL_NO_BODY,         /* 2xx is all we need (DELETE) */
  JD_CALL_TOKEN,           /* POST /oauth2/token: form body, then HTTP Basic */
  JD_CALL_SIGN_IN_KEY,     /* verify a key and secret: a fresh token */
  JD_CALL_SIGN_IN_TOKEN,   /* verify a pasted token: 404 for a made-up job is fine */
} JdCallKind;

/* What a call works with, taken (and referenced) at its start. */
typedef struct
{
  SoupSession   *session;
  const char    *base_url;           /* no trailing slash */
  guint          timeout;            /* whole-call deadline, seconds */
  gsize          max_response_size;  /* the largest JSON answer read */
  JdTokenSource *tokens;
} JdCallContext;

/* Runs on a worker thread: must only read bytes and data. */
typedef gpointer (*JdCallParser) (GBytes   *bytes,
                                  gpointer  data,
                                  GError  **error);

typedef struct _JdCall JdCall;

JdCall *jd_call_new           (JdCallKind             kind,
                               const char            *method,
                               const char            *path);
/* Only for a call that was never started. */
void    jd_call_free          (JdCall                *call);
void    jd_call_set_parser    (JdCall                *call,
                               JdCallParser           parser,
                               gpointer               data,
                               GDestroyNotify         data_free);
/* For an answer larger than max_response_size: its first bytes, up to
 * that size, go to this parser (with the same data) instead of failing
 * the call; where it fails, the call fails as too large. */
void    jd_call_set_cut_off_parser (JdCall           *call,
                                    JdCallParser      parser);
void    jd_call_set_subject   (JdCall                *call,
                               JdCallSubject          subject,
                               const char            *id);
void    jd_call_set_download  (JdCall                *call,
                               GFile                 *destination,
                               const char            *format,
                               GFileProgressCallback  progress,
                               gpointer               progress_data);
/* Takes both the call and the (only) reference to the task. */
void    jd_call_start         (JdCall                *call,
                               const JdCallContext   *context,
                               GTask                 *task);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdCall, jd_call_free)

G_END_DECLS
