/* jd-broken-server.c: a deliberately misbehaving HTTP server for tests.
 *
 * Each connection is served by a worker thread of a GThreadedSocketService,
 * which reads one request head (and body) by hand and then plays the
 * scenario chosen by name, writing raw bytes. Nothing here is HTTP-correct
 * on purpose; the client must survive all of it.
 */
#include "config.h"

#include <string.h>
#include <sys/socket.h>

#include "jd-broken-responses.h"
#include "jd-broken-server.h"

struct _JdBrokenServer
{
  GObject                parent_instance;

  GSocketService        *service;
  GCancellable          *stop;
  char                  *base_url;
  GTlsCertificate       *certificate;     /* NULL: plain HTTP */

  GMutex                 lock;
  GCond                  idle;
  guint                  active;          /* handlers running in worker threads */
  char                  *scenario;
  char                  *token_scenario;
  char                  *redirect_target;
  char                  *last_authorization;
  char                  *last_path;
  char                  *job_status;      /* for "job-status" */
  GPtrArray             *queries;         /* of API requests, "" for none */
  guint                  connections;
  guint                  requests;
  guint                  token_requests;
};

G_DEFINE_FINAL_TYPE (JdBrokenServer, jd_broken_server, G_TYPE_OBJECT)

typedef struct
{
  char       *method;
  char       *path;      /* without the query */
  char       *query;
  GHashTable *headers;   /* lower-case name → value */
  GBytes     *body;
} Request;

static void
request_free (Request *request)
{
  g_free (request->method);
  g_free (request->path);
  g_free (request->query);
  g_clear_pointer (&request->headers, g_hash_table_unref);
  g_clear_pointer (&request->body, g_bytes_unref);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Request, request_free)

#define SAMPLE_JOB \
  "{\"id\": \"%s\", \"appId\": \"5f3a0c9e1b2d4e0012345678\", " \
  "\"createDateTime\": \"2024-09-19T10:02:54.589Z\", \"status\": \"Completed\", " \
  "\"disposition\": \"Success\", \"outputs\": [{\"id\": \"o1\", \"availableFormats\": [\"Csv\"], " \
  "\"fileName\": \"out.csv\"}], \"messages\": [{\"status\": 1, \"text\": \"Hello\", \"toolId\": 1}], " \
  "\"priority\": \"Default\", \"workerTag\": \"\", \"runWithE2\": true}"

static const char * const scenario_names[] = {
  "ok",                    /* a valid job for the requested ID */
  "status-400", "status-401", "status-403", "status-404", "status-405",
  "status-500", "status-502", "status-503", "status-504",
  "html-502",              /* a proxy's HTML error page */
  "html-200",              /* a proxy login page with 200 */
  "rate-limited",          /* 429 with Retry-After: 7 */
  "truncated",             /* JSON cut short, honest Content-Length */
  "malformed",             /* not JSON at all */
  "empty",                 /* 200 with an empty body */
  "non-utf8",              /* JSON with invalid UTF-8 in a string */
  "wrong-types",           /* the right members, each of a type that cannot be read */
  "deep-nesting",          /* 100,000 nested arrays */
  "huge-string",           /* one 50 MB string */
  "wrong-content-type",    /* XML */
  "close-mid-body",        /* Content-Length 5000, 100 bytes, close */
  "lying-length",          /* Content-Length larger than the body, then silence */
  "endless",               /* a chunked body that never ends */
  "never-answers",         /* accepts, reads, says nothing */
  "slow",                  /* answers after 3 s */
  "drip",                  /* one byte a second */
  "reset",                 /* TCP reset in the middle of the body */
  "redirect-loop",         /* 302 to itself */
  "redirect-other-host",   /* 302 to the redirect target */
  "redirect-same-host",    /* 302 to another path here, which answers ok */
  "short-length",          /* Content-Length shorter than the JSON */
  "huge-content-length",   /* Content-Length of 2^62, a little body, close */
  "gzip-bomb",             /* 64 MB of JSON white space, gzip-compressed to ~64 KB */
  "not-http",              /* answers with an SSH banner */
  "close-without-answer",  /* reads the request and hangs up */
  "endless-headers",       /* header lines that never end */
  "bad-chunked",           /* a chunk size that is not hexadecimal */
  "wrong-job",             /* a valid job, but not the one asked for */
  "not-a-job",             /* valid JSON, an array */
  "json-null",             /* the JSON value null */
  "deep-objects",          /* 100,000 nested objects inside the job */
  "status-999",            /* a status code outside every class */
  "lone-surrogate",        /* valid JSON whose escapes decode to invalid UTF-8 */
  "redirect-no-host",      /* 302 to "http:/webapi/v3/jobs/x": a scheme, no host */
  "redirect-file",         /* 302 to a file: address */
  "chunk-huge",            /* a chunk of ffffffffffffffff bytes, a little of it, silence */
  "job-status",            /* the sample job in the status set; no messages when not asked for */
  "output-not-found",      /* 200 application/json {"message": "Output not found"} */
  "download-csv",          /* 200 text/csv, 300 KB */
  "download-truncated",    /* text/csv, Content-Length 100,000, 70,000 bytes, close */
  "download-stall",        /* text/csv, Content-Length 100,000, 70,000 bytes, silence */
  NULL
};

const char * const *
jd_broken_server_list_scenarios (void)
{
  return scenario_names;
}

/* ------------------------------------------------------------------ */

static void
play_scenario (JdBrokenServer    *self,
               const char        *scenario,
               Request           *request,
               GIOStream         *stream,
               GSocket           *socket)
{
  GOutputStream *out = g_io_stream_get_output_stream (stream);
  GInputStream *in = g_io_stream_get_input_stream (stream);
  GCancellable *stop = self->stop;
  const char *id = strrchr (request->path, '/') != NULL ? strrchr (request->path, '/') + 1 : "";
  g_autofree char *job = g_strdup_printf (SAMPLE_JOB, id);

  if (g_str_equal (scenario, "ok") || g_str_equal (request->path, "/webapi/landed"))
    {
      if (g_str_equal (request->path, "/webapi/landed"))
        {
          g_free (job);
          job = g_strdup_printf (SAMPLE_JOB, "66ebd18d3d6200007e000d8c");
        }
      jd_broken_respond_json (out, 200, "OK", job, stop);
    }
  else if (g_str_has_prefix (scenario, "status-"))
    {
      guint status = (guint) g_ascii_strtoull (scenario + strlen ("status-"), NULL, 10);

      jd_broken_respond_json (out, status, jd_broken_reason_for (status),
                              "{\"Message\": \"Authorization has been denied for this request.\"}", stop);
    }
  else if (g_str_equal (scenario, "html-502"))
    {
      const char *html = "<html><head><title>502 Bad Gateway</title></head>"
                         "<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>";

      jd_broken_respond (out, 502, "Bad Gateway", "text/html", NULL, html, strlen (html), stop);
    }
  else if (g_str_equal (scenario, "html-200"))
    {
      const char *html = "<!DOCTYPE html><html><head><title>Sign in</title></head>"
                         "<body><form action=\"/login\"><input name=\"user\"></form></body></html>";

      jd_broken_respond (out, 200, "OK", "text/html; charset=utf-8", NULL, html, strlen (html), stop);
    }
  else if (g_str_equal (scenario, "rate-limited"))
    {
      const char *json = "{\"message\": \"Rate limit exceeded.\"}";

      jd_broken_respond (out, 429, "Too Many Requests", "application/json", "Retry-After: 7\r\n", json, strlen (json), stop);
    }
  else if (g_str_equal (scenario, "truncated"))
    jd_broken_respond_json (out, 200, "OK", "{\"id\": \"66ebd18d3d6200007e000d8c\", \"status\": \"Comp", stop);
  else if (g_str_equal (scenario, "malformed"))
    jd_broken_respond_json (out, 200, "OK", "this is not JSON, it only says it is", stop);
  else if (g_str_equal (scenario, "empty"))
    jd_broken_respond (out, 200, "OK", "application/json", NULL, "", 0, stop);
  else if (g_str_equal (scenario, "non-utf8"))
    {
      const char body[] = "{\"id\": \"66ebd18d3d6200007e000d8c\", \"status\": \"Compl\xff\xfe" "eted\"}";

      jd_broken_respond (out, 200, "OK", "application/json", NULL, body, sizeof body - 1, stop);
    }
  else if (g_str_equal (scenario, "wrong-types"))
    {
      g_autofree char *body = g_strdup_printf ("{\"id\": \"%s\", \"appId\": 12, \"createDateTime\": true, "
                                               "\"status\": [1], \"disposition\": {}, \"outputs\": \"none\", "
                                               "\"messages\": 7, \"priority\": null, \"workerTag\": [\"gpu\"], "
                                               "\"runWithE2\": \"maybe\"}", id);

      jd_broken_respond_json (out, 200, "OK", body, stop);
    }
  else if (g_str_equal (scenario, "deep-nesting"))
    {
      gsize depth = 100000;
      g_autofree char *body = g_malloc (depth * 2);

      memset (body, '[', depth);
      memset (body + depth, ']', depth);
      jd_broken_respond (out, 200, "OK", "application/json", NULL, body, depth * 2, stop);
    }
  else if (g_str_equal (scenario, "huge-string"))
    {
      gsize size = 50 * 1024 * 1024;
      g_autoptr(GString) body = g_string_sized_new (size + 128);

      g_string_append_printf (body, "{\"id\": \"%s\", \"status\": \"", id);
      g_string_set_size (body, body->len + size);
      memset (body->str + body->len - size, 'a', size);
      g_string_append (body, "\"}");
      jd_broken_respond (out, 200, "OK", "application/json", NULL, body->str, body->len, stop);
    }
  else if (g_str_equal (scenario, "wrong-content-type"))
    {
      const char *xml = "<?xml version=\"1.0\"?><JobView><Id>66ebd18d3d6200007e000d8c</Id></JobView>";

      jd_broken_respond (out, 200, "OK", "application/xml", NULL, xml, strlen (xml), stop);
    }
  else if (g_str_equal (scenario, "close-mid-body"))
    {
      const char *head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n";
      char part[100];

      memset (part, ' ', sizeof part);
      part[0] = '{';
      if (jd_broken_write_str (out, head, stop))
        jd_broken_write_all (out, part, sizeof part, stop);
    }
  else if (g_str_equal (scenario, "lying-length"))
    {
      g_autofree char *head = g_strdup_printf ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                               "Content-Length: %" G_GSIZE_FORMAT "\r\n\r\n",
                                               strlen (job) + 1000);

      if (jd_broken_write_str (out, head, stop) && jd_broken_write_str (out, job, stop))
        jd_broken_wait_for_hangup (in, stop);
    }
  else if (g_str_equal (scenario, "endless"))
    {
      const char *head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
      g_autofree char *chunk = NULL;
      g_autofree char *filler = g_malloc (1024 * 1024);
      gboolean ok;

      memset (filler, ' ', 1024 * 1024);
      chunk = g_strdup_printf ("%x\r\n", 1024 * 1024);
      ok = jd_broken_write_str (out, head, stop) && jd_broken_write_str (out, "1\r\n[\r\n", stop);
      while (ok)
        ok = jd_broken_write_str (out, chunk, stop) &&
             jd_broken_write_all (out, filler, 1024 * 1024, stop) &&
             jd_broken_write_str (out, "\r\n", stop);
    }
  else if (g_str_equal (scenario, "never-answers"))
    jd_broken_wait_for_hangup (in, stop);
  else if (g_str_equal (scenario, "slow"))
    {
      if (jd_broken_nap (stop, 3000))
        jd_broken_respond_json (out, 200, "OK", job, stop);
    }
  else if (g_str_equal (scenario, "drip"))
    {
      g_autofree char *head = g_strdup_printf ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                               "Content-Length: %" G_GSIZE_FORMAT "\r\n\r\n", strlen (job));

      if (jd_broken_write_str (out, head, stop))
        for (const char *p = job; *p; p++)
          if (!jd_broken_write_all (out, p, 1, stop) || !jd_broken_nap (stop, 1000))
            break;
    }
  else if (g_str_equal (scenario, "reset"))
    {
      struct linger linger = { 1, 0 };
      g_autofree char *head = g_strdup_printf ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                               "Content-Length: %" G_GSIZE_FORMAT "\r\n\r\n", strlen (job));

      if (jd_broken_write_str (out, head, stop))
        jd_broken_write_all (out, job, strlen (job) / 2, stop);
      g_output_stream_flush (out, NULL, NULL);
      jd_broken_nap (stop, 50);
      /* SO_LINGER with zero time turns close () into a TCP reset. */
      setsockopt (g_socket_get_fd (socket), SOL_SOCKET, SO_LINGER, &linger, sizeof linger);
      g_socket_close (socket, NULL);
    }
  else if (g_str_equal (scenario, "redirect-loop"))
    {
      g_autofree char *headers = g_strdup_printf ("Location: %s%s%s\r\n", request->path,
                                                  request->query != NULL ? "?" : "",
                                                  request->query != NULL ? request->query : "");

      jd_broken_respond (out, 302, "Found", "text/plain", headers, "", 0, stop);
    }
  else if (g_str_equal (scenario, "redirect-other-host"))
    {
      g_autofree char *target = NULL;
      g_autofree char *headers = NULL;

      g_mutex_lock (&self->lock);
      target = g_strdup (self->redirect_target);
      g_mutex_unlock (&self->lock);
      headers = g_strdup_printf ("Location: %s\r\n", target != NULL ? target : "https://elsewhere.invalid/");
      jd_broken_respond (out, 302, "Found", "text/plain", headers, "", 0, stop);
    }
  else if (g_str_equal (scenario, "redirect-same-host"))
    jd_broken_respond (out, 301, "Moved Permanently", "text/plain", "Location: /webapi/landed\r\n", "", 0, stop);
  else if (g_str_equal (scenario, "short-length"))
    {
      g_autofree char *head = g_strdup_printf ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                               "Content-Length: %" G_GSIZE_FORMAT "\r\nConnection: close\r\n\r\n",
                                               strlen (job) / 2);

      if (jd_broken_write_str (out, head, stop))
        jd_broken_write_str (out, job, stop);
    }
  else if (g_str_equal (scenario, "huge-content-length"))
    {
      const char *head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                         "Content-Length: 4611686018427387904\r\nConnection: close\r\n\r\n";

      if (jd_broken_write_str (out, head, stop))
        jd_broken_write_str (out, job, stop);
    }
  else if (g_str_equal (scenario, "gzip-bomb"))
    {
      GBytes *bomb = jd_broken_gzip_bomb ();

      jd_broken_respond (out, 200, "OK", "application/json", "Content-Encoding: gzip\r\n",
                         g_bytes_get_data (bomb, NULL), g_bytes_get_size (bomb), stop);
    }
  else if (g_str_equal (scenario, "not-http"))
    {
      jd_broken_write_str (out, "SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n", stop);
      g_output_stream_flush (out, NULL, NULL);
      jd_broken_nap (stop, 50);
    }
  else if (g_str_equal (scenario, "close-without-answer"))
    {
      /* nothing: the connection closes below */
    }
  else if (g_str_equal (scenario, "endless-headers"))
    {
      gboolean ok = jd_broken_write_str (out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n", stop);

      for (guint64 i = 0; ok; i++)
        {
          g_autofree char *line = g_strdup_printf ("X-Filler-%" G_GUINT64_FORMAT ": %0100d\r\n", i, 0);

          ok = jd_broken_write_str (out, line, stop);
        }
    }
  else if (g_str_equal (scenario, "bad-chunked"))
    {
      const char *answer = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                           "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                           "zz\r\n{\"id\": 1}\r\n0\r\n\r\n";

      jd_broken_write_str (out, answer, stop);
    }
  else if (g_str_equal (scenario, "wrong-job"))
    {
      g_autofree char *other = g_strdup_printf (SAMPLE_JOB, "ffffffffffffffffffffffff");

      jd_broken_respond_json (out, 200, "OK", other, stop);
    }
  else if (g_str_equal (scenario, "not-a-job"))
    jd_broken_respond_json (out, 200, "OK", "[{\"id\": \"66ebd18d3d6200007e000d8c\"}]", stop);
  else if (g_str_equal (scenario, "json-null"))
    jd_broken_respond_json (out, 200, "OK", "null", stop);
  else if (g_str_equal (scenario, "deep-objects"))
    {
      gsize depth = 100000;
      g_autoptr(GString) body = g_string_sized_new (depth * 7 + 128);

      g_string_append_printf (body, "{\"id\": \"%s\", \"outputs\": ", id);
      for (gsize i = 0; i < depth; i++)
        g_string_append (body, "{\"a\": ");
      g_string_append (body, "1");
      for (gsize i = 0; i < depth; i++)
        g_string_append_c (body, '}');
      g_string_append_c (body, '}');
      jd_broken_respond (out, 200, "OK", "application/json", NULL, body->str, body->len, stop);
    }
  else if (g_str_equal (scenario, "lone-surrogate"))
    {
      g_autofree char *body = g_strdup_printf ("{\"id\": \"%s\", \"status\": \"Compl\\ud800eted\", "
                                               "\"messages\": [{\"status\": 2, \"text\": \"bad \\udfff text\", "
                                               "\"toolId\": 3}]}", id);

      jd_broken_respond_json (out, 200, "OK", body, stop);
    }
  else if (g_str_equal (scenario, "redirect-no-host"))
    jd_broken_respond (out, 302, "Found", "text/plain", "Location: http:/webapi/v3/jobs/x\r\n", "", 0, stop);
  else if (g_str_equal (scenario, "redirect-file"))
    jd_broken_respond (out, 302, "Found", "text/plain", "Location: file:///etc/passwd\r\n", "", 0, stop);
  else if (g_str_equal (scenario, "chunk-huge"))
    {
      const char *head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                         "ffffffffffffffff\r\n{\"id\": \"";

      if (jd_broken_write_str (out, head, stop))
        {
          g_output_stream_flush (out, NULL, NULL);
          jd_broken_wait_for_hangup (in, stop);
        }
    }
  else if (g_str_equal (scenario, "job-status"))
    {
      g_autofree char *status = NULL;
      g_autofree char *body = NULL;
      gboolean light = request->query != NULL && strstr (request->query, "includeMessages=false") != NULL;

      g_mutex_lock (&self->lock);
      status = g_strdup (self->job_status != NULL ? self->job_status : "Running");
      g_mutex_unlock (&self->lock);
      body = g_strdup_printf ("{\"id\": \"%s\", \"appId\": \"5f3a0c9e1b2d4e0012345678\", "
                              "\"createDateTime\": \"2024-09-19T10:02:54.589Z\", \"status\": \"%s\", "
                              "\"disposition\": \"None\", \"outputs\": [], \"messages\": %s, "
                              "\"priority\": \"Default\", \"workerTag\": \"\", \"runWithE2\": true}",
                              id, status, light ? "[]" : "[{\"status\": 1, \"text\": \"Hello\", \"toolId\": 1}]");
      jd_broken_respond_json (out, 200, "OK", body, stop);
    }
  else if (g_str_equal (scenario, "output-not-found"))
    jd_broken_respond_json (out, 200, "OK", "{\"message\": \"Output not found\"}", stop);
  else if (g_str_equal (scenario, "download-csv") || g_str_equal (scenario, "download-truncated") ||
           g_str_equal (scenario, "download-stall"))
    {
      gboolean truncated = !g_str_equal (scenario, "download-csv");
      gsize size = truncated ? 100000 : 300 * 1024;
      g_autoptr(GString) body = g_string_new ("name,value\n");
      g_autofree char *head = NULL;

      for (guint i = 0; body->len < size; i++)
        g_string_append_printf (body, "row%u,%u\n", i, i * 7);
      g_string_truncate (body, size);
      head = g_strdup_printf ("HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\n"
                              "Content-Length: %" G_GSIZE_FORMAT "\r\nConnection: close\r\n\r\n", size);
      if (jd_broken_write_str (out, head, stop) &&
          jd_broken_write_all (out, body->str, truncated ? 70000 : size, stop) &&
          g_str_equal (scenario, "download-stall"))
        {
          g_output_stream_flush (out, NULL, NULL);
          jd_broken_wait_for_hangup (in, stop);
        }
    }
  else if (g_str_equal (scenario, "status-999"))
    jd_broken_respond_json (out, 999, "Whatever", "{}", stop);
  else
    g_error ("unknown scenario %s", scenario);
}

static void
play_token_scenario (JdBrokenServer    *self,
                     const char        *scenario,
                     Request           *request,
                     GIOStream         *stream,
                     GSocket           *socket)
{
  GOutputStream *out = g_io_stream_get_output_stream (stream);
  GCancellable *stop = self->stop;

  if (g_str_equal (scenario, "ok"))
    jd_broken_respond_json (out, 200, "OK", "{\"access_token\": \"broken-token\", \"token_type\": \"bearer\", \"expires_in\": 3599}", stop);
  else if (g_str_equal (scenario, "no-expires-in"))
    jd_broken_respond_json (out, 200, "OK", "{\"access_token\": \"broken-token\", \"token_type\": \"bearer\"}", stop);
  else if (g_str_equal (scenario, "error-object"))
    jd_broken_respond_json (out, 400, "Bad Request",
                            "{\"error\": \"invalid_client\", \"error_description\": \"The client credentials are invalid.\"}", stop);
  else if (g_str_equal (scenario, "no-token"))
    jd_broken_respond_json (out, 200, "OK", "{\"token_type\": \"bearer\", \"expires_in\": 3599}", stop);
  else
    play_scenario (self, scenario, request, stream, socket);
}

/* ------------------------------------------------------------------ */

static Request *
read_request (GInputStream *in,
              char          first,
              GCancellable *stop)
{
  g_autoptr(GString) head = g_string_new (NULL);
  g_autoptr(Request) request = g_new0 (Request, 1);
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) first_line = NULL;
  const char *length_value;
  char *end;
  char c;

  g_string_append_c (head, first);

  /* One byte at a time: requests are small, and we must not read past
   * the head into a body the scenario reads itself. */
  while (!g_str_has_suffix (head->str, "\r\n\r\n"))
    {
      if (g_input_stream_read (in, &c, 1, stop, NULL) != 1 || head->len > 64 * 1024)
        return NULL;
      g_string_append_c (head, c);
    }

  lines = g_strsplit (head->str, "\r\n", -1);
  first_line = g_strsplit (lines[0], " ", 3);
  if (g_strv_length (first_line) < 2)
    return NULL;

  request->method = g_strdup (first_line[0]);
  end = strchr (first_line[1], '?');
  if (end != NULL)
    {
      request->query = g_strdup (end + 1);
      *end = '\0';
    }
  /* Through a proxy the target is a whole URL: keep only its path. */
  if (g_str_has_prefix (first_line[1], "http://") && strchr (first_line[1] + 7, '/') != NULL)
    request->path = g_strdup (strchr (first_line[1] + 7, '/'));
  else
    request->path = g_strdup (first_line[1]);
  request->headers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 1; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      char *colon = strchr (lines[i], ':');

      if (colon == NULL)
        continue;
      *colon = '\0';
      g_hash_table_insert (request->headers,
                           g_ascii_strdown (lines[i], -1),
                           g_strstrip (g_strdup (colon + 1)));
    }

  length_value = g_hash_table_lookup (request->headers, "content-length");
  if (length_value != NULL)
    {
      guint64 length = 0;
      g_autofree char *body = NULL;
      gsize got = 0;

      if (!g_ascii_string_to_unsigned (length_value, 10, 0, 1024 * 1024, &length, NULL))
        return NULL;
      body = g_malloc (length + 1);
      if (!g_input_stream_read_all (in, body, length, &got, stop, NULL) || got != length)
        return NULL;
      request->body = g_bytes_new_take (g_steal_pointer (&body), length);
    }

  return g_steal_pointer (&request);
}

static void
serve (JdBrokenServer    *self,
       GSocketConnection *connection)
{
  GSocket *socket = g_socket_connection_get_socket (connection);
  g_autoptr(GIOStream) stream = g_object_ref (G_IO_STREAM (connection));
  g_autoptr(Request) request = NULL;
  g_autofree char *scenario = NULL;
  gboolean is_token;
  char first;

  if (self->certificate != NULL)
    {
      g_autoptr(GIOStream) tls = NULL;

      tls = g_tls_server_connection_new (stream, self->certificate, NULL);
      /* A client that refuses the certificate ends here, before it sent
       * a single byte of its request. */
      if (tls == NULL || !g_tls_connection_handshake (G_TLS_CONNECTION (tls), self->stop, NULL))
        return;
      g_set_object (&stream, tls);
    }

  if (g_input_stream_read (g_io_stream_get_input_stream (stream), &first, 1, self->stop, NULL) != 1)
    return;

  /* A TLS handshake record on a plain HTTP port: answer in plain HTTP,
   * as nginx and most servers do. No request was read. */
  if (first == 0x16 && self->certificate == NULL)
    {
      const char *answer = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";

      jd_broken_write_str (g_io_stream_get_output_stream (stream), answer, self->stop);
      return;
    }

  request = read_request (g_io_stream_get_input_stream (stream), first, self->stop);
  if (request == NULL)
    return;

  is_token = g_str_has_suffix (request->path, "/oauth2/token");

  g_mutex_lock (&self->lock);
  if (is_token)
    {
      self->token_requests++;
      scenario = g_strdup (self->token_scenario);
    }
  else
    {
      self->requests++;
      scenario = g_strdup (self->scenario);
      g_ptr_array_add (self->queries, g_strdup (request->query != NULL ? request->query : ""));
    }
  g_free (self->last_authorization);
  self->last_authorization = g_strdup (g_hash_table_lookup (request->headers, "authorization"));
  g_free (self->last_path);
  self->last_path = g_strdup (request->path);
  g_mutex_unlock (&self->lock);

  if (is_token)
    play_token_scenario (self, scenario, request, stream, socket);
  else
    play_scenario (self, scenario, request, stream, socket);

  g_io_stream_close (stream, NULL, NULL);
}

static gboolean
on_run_cb (GThreadedSocketService *service,
           GSocketConnection      *connection,
           GObject                *source_object,
           gpointer                user_data)
{
  JdBrokenServer *self = user_data;

  g_mutex_lock (&self->lock);
  self->active++;
  self->connections++;
  g_mutex_unlock (&self->lock);

  serve (self, connection);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);

  g_mutex_lock (&self->lock);
  if (--self->active == 0)
    g_cond_broadcast (&self->idle);
  g_mutex_unlock (&self->lock);
  return TRUE;
}

/* ------------------------------------------------------------------ */

const char *
jd_broken_server_get_base_url (JdBrokenServer *self)
{
  return self->base_url;
}

void
jd_broken_server_set_scenario (JdBrokenServer *self,
                               const char     *scenario)
{
  g_assert (g_strv_contains (scenario_names, scenario));
  g_mutex_lock (&self->lock);
  g_free (self->scenario);
  self->scenario = g_strdup (scenario);
  g_mutex_unlock (&self->lock);
}

void
jd_broken_server_set_token_scenario (JdBrokenServer *self,
                                     const char     *scenario)
{
  g_mutex_lock (&self->lock);
  g_free (self->token_scenario);
  self->token_scenario = g_strdup (scenario);
  g_mutex_unlock (&self->lock);
}

void
jd_broken_server_set_redirect_target (JdBrokenServer *self,
                                      const char     *url)
{
  g_mutex_lock (&self->lock);
  g_free (self->redirect_target);
  self->redirect_target = g_strdup (url);
  g_mutex_unlock (&self->lock);
}

guint
jd_broken_server_get_request_count (JdBrokenServer *self)
{
  guint count;

  g_mutex_lock (&self->lock);
  count = self->requests;
  g_mutex_unlock (&self->lock);
  return count;
}

guint
jd_broken_server_get_connection_count (JdBrokenServer *self)
{
  guint count;

  g_mutex_lock (&self->lock);
  count = self->connections;
  g_mutex_unlock (&self->lock);
  return count;
}

guint
jd_broken_server_get_token_request_count (JdBrokenServer *self)
{
  guint count;

  g_mutex_lock (&self->lock);
  count = self->token_requests;
  g_mutex_unlock (&self->lock);
  return count;
}

char *
jd_broken_server_dup_last_authorization (JdBrokenServer *self)
{
  char *value;

  g_mutex_lock (&self->lock);
  value = g_strdup (self->last_authorization);
  g_mutex_unlock (&self->lock);
  return value;
}

char *
jd_broken_server_dup_last_path (JdBrokenServer *self)
{
  char *value;

  g_mutex_lock (&self->lock);
  value = g_strdup (self->last_path);
  g_mutex_unlock (&self->lock);
  return value;
}

void
jd_broken_server_set_job_status (JdBrokenServer *self,
                                 const char     *status)
{
  g_mutex_lock (&self->lock);
  g_free (self->job_status);
  self->job_status = g_strdup (status);
  g_mutex_unlock (&self->lock);
}

char **
jd_broken_server_dup_queries (JdBrokenServer *self)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **queries;

  g_mutex_lock (&self->lock);
  for (guint i = 0; i < self->queries->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->queries, i));
  g_mutex_unlock (&self->lock);

  queries = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return queries;
}

void
jd_broken_server_stop (JdBrokenServer *self)
{
  if (self->service == NULL)
    return;

  g_cancellable_cancel (self->stop);
  g_socket_service_stop (self->service);
  g_socket_listener_close (G_SOCKET_LISTENER (self->service));

  /* Handlers hold no reference on us: let them all leave first. */
  g_mutex_lock (&self->lock);
  while (self->active > 0)
    g_cond_wait (&self->idle, &self->lock);
  g_mutex_unlock (&self->lock);

  g_clear_object (&self->service);
}

static void
jd_broken_server_finalize (GObject *object)
{
  JdBrokenServer *self = JD_BROKEN_SERVER (object);

  jd_broken_server_stop (self);
  g_clear_object (&self->stop);
  g_clear_object (&self->certificate);
  g_free (self->base_url);
  g_free (self->scenario);
  g_free (self->token_scenario);
  g_free (self->redirect_target);
  g_free (self->last_authorization);
  g_free (self->last_path);
  g_free (self->job_status);
  g_ptr_array_unref (self->queries);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->idle);

  G_OBJECT_CLASS (jd_broken_server_parent_class)->finalize (object);
}

static void
jd_broken_server_class_init (JdBrokenServerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jd_broken_server_finalize;
}

static void
jd_broken_server_init (JdBrokenServer *self)
{
  g_mutex_init (&self->lock);
  g_cond_init (&self->idle);
  self->stop = g_cancellable_new ();
  self->scenario = g_strdup ("ok");
  self->token_scenario = g_strdup ("ok");
  self->queries = g_ptr_array_new_with_free_func (g_free);
}

static JdBrokenServer *
broken_server_new (const char      *address,
                   GTlsCertificate *certificate)
{
  JdBrokenServer *self = g_object_new (JD_TYPE_BROKEN_SERVER, NULL);
  g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (address != NULL ? address : "127.0.0.1");
  g_autoptr(GSocketAddress) wanted = NULL;
  g_autoptr(GSocketAddress) effective = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *host = NULL;

  g_assert (inet != NULL);
  wanted = g_inet_socket_address_new (inet, 0);
  g_set_object (&self->certificate, certificate);

  self->service = g_threaded_socket_service_new (32);
  if (!g_socket_listener_add_address (G_SOCKET_LISTENER (self->service), wanted,
                                      G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                      NULL, &effective, &error))
    g_error ("broken server cannot listen: %s", error->message);

  g_signal_connect (self->service, "run", G_CALLBACK (on_run_cb), self);
  g_socket_service_start (self->service);

  host = g_inet_address_to_string (inet);
  self->base_url = g_strdup_printf ("%s://%s%s%s:%u/webapi",
                                    certificate != NULL ? "https" : "http",
                                    g_inet_address_get_family (inet) == G_SOCKET_FAMILY_IPV6 ? "[" : "",
                                    host,
                                    g_inet_address_get_family (inet) == G_SOCKET_FAMILY_IPV6 ? "]" : "",
                                    g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective)));
  return self;
}

JdBrokenServer *
jd_broken_server_new (const char *address)
{
  return broken_server_new (address, NULL);
}

JdBrokenServer *
jd_broken_server_new_tls (const char      *address,
                          GTlsCertificate *certificate)
{
  g_return_val_if_fail (G_IS_TLS_CERTIFICATE (certificate), NULL);

  return broken_server_new (address, certificate);
}

GTlsCertificate *
jd_broken_server_load_test_certificate (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "test-only-self-signed.pem", NULL);
  g_autoptr(GError) error = NULL;
  GTlsCertificate *certificate = g_tls_certificate_new_from_file (path, &error);

  g_assert_no_error (error);
  return certificate;
}
