/* jd-test-demo.h: a JdDemoServer in a thread of its own, a session and a
 * Curator's token, shared by the test-demo-server*.c programs; each test
 * reads top to bottom like a curl session. */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "jd-demo-server.h"
#include "jd-test-util.h"

G_BEGIN_DECLS

#define JSON_CONTENT_TYPE "application/json; charset=utf-8"
#define DENIED            "Authorization has been denied for this request."

typedef struct
{
  JdDemoServer *server;
  SoupSession  *session;
  char         *token;   /* the Curator's */
} Harness;

typedef JdTestReply Reply;

Harness    *harness_new              (void);
void        harness_free             (Harness    *h);
/* method path, with a bearer token when not NULL and a form body when
 * not NULL; asserts that an answer came */
Reply      *harness_send             (Harness    *h,
                                      const char *method,
                                      const char *path,
                                      const char *token,
                                      const char *form);
Reply      *harness_get              (Harness    *h,
                                      const char *path,
                                      const char *token);
/* GET with the Curator's token; asserts 200 and JSON */
JsonNode   *harness_get_json         (Harness    *h,
                                      const char *path);
char       *harness_request_token    (Harness    *h,
                                      const char *key,
                                      const char *secret);

/* the body, which must be JSON with our content type */
JsonNode   *reply_json               (Reply      *reply);
JsonObject *node_object              (JsonNode   *node);
JsonArray  *node_array               (JsonNode   *node);
/* the status, and the "message" of an error answer */
void        reply_assert_message     (Reply      *reply,
                                      guint       status,
                                      const char *message);
void        reply_assert_has_message (Reply      *reply,
                                      guint       status);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Harness, harness_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Reply, jd_test_reply_free)

G_END_DECLS
