/* jd-broken-responses.c: raw HTTP writing for the broken servers.
 *
 * Blocking writes from the server's worker threads, each of which gives up
 * when the server stops; nothing here checks that what it writes is valid
 * HTTP, on purpose.
 */
#include "config.h"

#include <string.h>

#include "jd-broken-responses.h"

gboolean
jd_broken_write_all (GOutputStream *out,
                     const void    *data,
                     gsize          size,
                     GCancellable  *stop)
{
  return g_output_stream_write_all (out, data, size, NULL, stop, NULL);
}

gboolean
jd_broken_write_str (GOutputStream *out,
                     const char    *text,
                     GCancellable  *stop)
{
  return jd_broken_write_all (out, text, strlen (text), stop);
}

/* Sleeps, but wakes when the server stops. */
gboolean
jd_broken_nap (GCancellable *stop,
               guint         milliseconds)
{
  gint64 end = g_get_monotonic_time () + milliseconds * 1000;

  while (g_get_monotonic_time () < end)
    {
      if (g_cancellable_is_cancelled (stop))
        return FALSE;
      g_usleep (10 * 1000);
    }

  return !g_cancellable_is_cancelled (stop);
}

void
jd_broken_respond (GOutputStream *out,
                   guint          status,
                   const char    *reason,
                   const char    *content_type,
                   const char    *extra_headers,
                   const char    *body,
                   gsize          body_size,
                   GCancellable  *stop)
{
  g_autoptr(GString) head = g_string_new (NULL);

  g_string_append_printf (head, "HTTP/1.1 %u %s\r\n", status, reason);
  if (content_type != NULL)
    g_string_append_printf (head, "Content-Type: %s\r\n", content_type);
  g_string_append_printf (head, "Content-Length: %" G_GSIZE_FORMAT "\r\n", body_size);
  g_string_append (head, "Connection: close\r\n");
  if (extra_headers != NULL)
    g_string_append (head, extra_headers);
  g_string_append (head, "\r\n");

  if (jd_broken_write_all (out, head->str, head->len, stop) && body_size > 0)
    jd_broken_write_all (out, body, body_size, stop);
}

void
jd_broken_respond_json (GOutputStream *out,
                        guint          status,
                        const char    *reason,
                        const char    *json,
                        GCancellable  *stop)
{
  jd_broken_respond (out, status, reason, "application/json; charset=utf-8", NULL, json, strlen (json), stop);
}

/* Waits until the client goes away (or the server stops). */
void
jd_broken_wait_for_hangup (GInputStream *in,
                           GCancellable *stop)
{
  char byte[256];

  while (g_input_stream_read (in, byte, sizeof byte, stop, NULL) > 0)
    ;
}

const char *
jd_broken_reason_for (guint status)
{
  switch (status)
    {
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default:  return "Status";
    }
}

/* The gzip bomb is made once per process: 64 MB of JSON white space after
 * an opening '[', which gzip shrinks to some 64 KB. */
GBytes *
jd_broken_gzip_bomb (void)
{
  static GBytes *bomb;

  if (g_once_init_enter (&bomb))
    {
      g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
      g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
      g_autoptr(GOutputStream) zipped = g_converter_output_stream_new (memory, G_CONVERTER (compressor));
      g_autofree char *filler = g_malloc (1024 * 1024);

      memset (filler, ' ', 1024 * 1024);
      g_output_stream_write_all (zipped, "[", 1, NULL, NULL, NULL);
      for (guint i = 0; i < 64; i++)
        g_output_stream_write_all (zipped, filler, 1024 * 1024, NULL, NULL, NULL);
      g_output_stream_close (zipped, NULL, NULL);
      g_once_init_leave (&bomb, g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory)));
    }

  return bomb;
}

