/* jd-fixed-job-server.c: one made-up job over real HTTP (see the header). */
#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "jd-fixed-job-server.h"
#include "jd-test-util.h"

struct _JdFixedJobServer
{
  SoupServer *server;
  GBytes     *job;
  char       *base_url;
  guint       job_requests;
};

static void
on_request_cb (SoupServer        *server,
               SoupServerMessage *message,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  JdFixedJobServer *self = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (message);

  if (g_str_has_prefix (path, "/webapi/v3/jobs/") && strchr (path + strlen ("/webapi/v3/jobs/"), '/') == NULL)
    {
      self->job_requests++;
      soup_message_headers_set_content_type (headers, "application/json", NULL);
      soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (self->job, NULL),
                                        g_bytes_get_size (self->job));
      soup_server_message_set_status (message, 200, NULL);
      return;
    }

  if (g_str_has_prefix (path, "/webapi/v1/jobs/") && strstr (path, "/output/") != NULL)
    {
      static const char csv[] = "a,b\n1,2\n";

      soup_server_message_set_response (message, "application/octet-stream", SOUP_MEMORY_STATIC,
                                        csv, sizeof csv - 1);
      soup_server_message_set_status (message, 200, NULL);
      return;
    }

  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_STATIC,
                                    "{\"message\": \"Not found\"}", strlen ("{\"message\": \"Not found\"}"));
  soup_server_message_set_status (message, 404, NULL);
}

JdFixedJobServer *
jd_fixed_job_server_new (const char *job_json)
{
  JdFixedJobServer *self = g_new0 (JdFixedJobServer, 1);

  self->job = g_bytes_new (job_json, strlen (job_json));
  self->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (self->server, NULL, on_request_cb, self, NULL);
  /* a socket of its own (jd_test_listen_loopback: libsoup 3.2 leaks
   * the address listen_local reads) */
  self->base_url = g_strdup_printf ("http://127.0.0.1:%u/webapi", jd_test_listen_loopback (self->server));

  return self;
}

const char *
jd_fixed_job_server_get_base_url (JdFixedJobServer *self)
{
  return self->base_url;
}

guint
jd_fixed_job_server_get_job_requests (JdFixedJobServer *self)
{
  return self->job_requests;
}

void
jd_fixed_job_server_free (JdFixedJobServer *self)
{
  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  g_clear_pointer (&self->job, g_bytes_unref);
  g_free (self->base_url);
  g_free (self);
}
