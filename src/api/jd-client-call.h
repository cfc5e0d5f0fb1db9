/* jd-client-call.h: one request of a JdClient, from token to parsed answer.
 *
 * Private to the API layer. A JdCall is the task data of the GTask that
 * jd_client_*_async () returns through; it owns the message, the body, the
 * deadline, and the link to the caller's cancellable.
 */
#pragma once

#include <gio/gio.h>

#include "jd-client.h"

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

/* Runs on a worker thread: must only read bytes and data. */
typedef gpointer (*JdCallParser) (GBytes   *bytes,
                                  gpointer  data,
                                  GError  **error);

/* What a JD_CALL_TOKEN task returns. */
typedef struct
{
  char   *access_token;
  gint64  expires_in;
} JdTokenAnswer;

void    jd_token_answer_free (JdTokenAnswer *answer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdTokenAnswer, jd_token_answer_free)

typedef struct _JdCall JdCall;

JdCall *jd_call_new           (JdCallKind             kind,
                               const char            *method,
                               const char            *path);
void    jd_call_set_parser    (JdCall                *call,
                               JdCallParser           parser,
                               gpointer               data,
                               GDestroyNotify         data_free);
void    jd_call_set_subject   (JdCall                *call,
                               JdCallSubject          subject,
                               const char            *id);
void    jd_call_set_download  (JdCall                *call,
                               GFile                 *destination,
                               GFileProgressCallback  progress,
                               gpointer               progress_data);
/* Takes both the call and the (only) reference to the task. */
void    jd_call_start         (JdCall                *call,
                               GTask                 *task);

/* From the client's token queue. */
void    jd_call_token_ready   (GTask                 *task,
                               const char            *token);
void    jd_call_token_failed  (GTask                 *task,
                               const GError          *error);

/* The client's side of the token queue (jd-client.c). */
gboolean jd_client_acquire_token  (JdClient     *self,
                                   GTask        *task,
                                   gboolean      force_new,
                                   char        **token);
void     jd_client_forget_waiter  (JdClient     *self,
                                   GTask        *task);
void     jd_client_token_rejected (JdClient     *self,
                                   const char   *token);
void     jd_client_set_retry_after (JdClient    *self,
                                    guint        seconds);
void     jd_client_get_key_pair   (JdClient     *self,
                                   const char  **key,
                                   const char  **secret);

G_END_DECLS
