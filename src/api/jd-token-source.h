/* jd-token-source.h: the credentials of one client, and its access token.
 *
 * Shared by a JdClient and its calls. It holds the API key and secret or
 * a pasted token, the current token and when to renew it, and the queue of
 * calls that wait while one token request is in flight (single flight:
 * however many calls need a token at once, one request is sent). It does
 * not send that request itself: its owner gives it a fetch function, so
 * that the token request goes through the same call machinery as any
 * other, without the token source knowing it.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  JD_AUTH_NONE,
  JD_AUTH_API_KEY,
  JD_AUTH_ACCESS_TOKEN,
} JdAuthKind;

/* What a token request returns. */
typedef struct
{
  char   *access_token;
  gint64  expires_in;
} JdTokenAnswer;

void    jd_token_answer_free (JdTokenAnswer *answer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdTokenAnswer, jd_token_answer_free)

#define JD_TYPE_TOKEN_SOURCE (jd_token_source_get_type ())
G_DECLARE_FINAL_TYPE (JdTokenSource, jd_token_source, JD, TOKEN_SOURCE, GObject)

/* Starts one token request; callback's result must be a GTask that
 * returns a JdTokenAnswer (g_task_return_pointer) or an error. */
typedef void (*JdTokenFetchFunc) (JdTokenSource       *source,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data,
                                  gpointer             fetch_data);

/* A waiting call hears once: a token, or why there is none. */
typedef void (*JdTokenReadyFunc) (const char   *token,
                                  const GError *error,
                                  gpointer      user_data);

/* fetch_data is not referenced: its owner outlives the source's use. */
JdTokenSource *jd_token_source_new             (JdTokenFetchFunc  fetch,
                                                gpointer          fetch_data);

JdAuthKind     jd_token_source_get_auth_kind   (JdTokenSource    *self);
void           jd_token_source_set_api_key     (JdTokenSource    *self,
                                                const char       *key,
                                                const char       *secret);
void           jd_token_source_set_access_token (JdTokenSource   *self,
                                                 const char      *token);
void           jd_token_source_clear           (JdTokenSource    *self);
/* For the token request only; valid until the credentials change. */
void           jd_token_source_get_key_pair    (JdTokenSource    *self,
                                                const char      **key,
                                                const char      **secret);

/* The token request's form (grant type, with the key and secret unless
 * they go as HTTP Basic), and that Basic header. */
GBytes        *jd_token_source_dup_request_form (JdTokenSource  *self,
                                                 gboolean        with_key);
char          *jd_token_source_dup_basic_header (JdTokenSource  *self);

/* Returns TRUE with *token set when one is ready now. Otherwise ready is
 * called later (never from inside this call), unless the wait is
 * cancelled with the *wait_id returned, and FALSE is returned; with
 * *error set instead when there can be no token (not signed in). */
gboolean       jd_token_source_acquire         (JdTokenSource    *self,
                                                gboolean          force_new,
                                                char            **token,
                                                JdTokenReadyFunc  ready,
                                                gpointer          user_data,
                                                guint            *wait_id,
                                                GError          **error);
void           jd_token_source_cancel_wait     (JdTokenSource    *self,
                                                guint             wait_id);
/* A 401 says this token is dead; forgotten unless a newer one replaced it. */
void           jd_token_source_reject          (JdTokenSource    *self,
                                                const char       *token);
/* Ends a token request in flight and fails its waiters (dispose). */
void           jd_token_source_shutdown        (JdTokenSource    *self);

G_END_DECLS
