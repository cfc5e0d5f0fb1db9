/* jd-test-util.c: small helpers shared by the test programs. */
#include "config.h"

#include "jd-test-util.h"

static gboolean
on_timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
jd_test_spin_until (const gboolean *flag,
                    guint           timeout_ms)
{
  GMainContext *context = g_main_context_get_thread_default ();
  gboolean timed_out = FALSE;
  GSource *source;

  source = g_timeout_source_new (timeout_ms);
  g_source_set_callback (source, on_timeout_cb, &timed_out, NULL);
  g_source_attach (source, context);

  while (!*flag && !timed_out)
    g_main_context_iteration (context, TRUE);

  g_source_destroy (source);
  g_source_unref (source);

  return *flag;
}

void
jd_test_spin_for (guint milliseconds)
{
  gboolean never = FALSE;

  jd_test_spin_until (&never, milliseconds);
}

void
jd_test_async_ready_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  JdTestAsync *async = user_data;

  g_assert_false (async->done);
  async->result = g_object_ref (result);
  async->done = TRUE;
}

guint
jd_test_slowdown (void)
{
  const char *value = g_getenv ("JD_TEST_SLOWDOWN");
  guint64 factor = 1;

  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 1, 100, &factor, NULL))
    return 1;

  return (guint) factor;
}

GAsyncResult *
jd_test_wait_result (JdTestAsync *async,
                     guint        timeout_ms)
{
  timeout_ms *= jd_test_slowdown ();
  if (!jd_test_spin_until (&async->done, timeout_ms))
    g_error ("no answer within %u ms", timeout_ms);

  return async->result;
}

void
jd_test_async_clear (JdTestAsync *async)
{
  g_clear_object (&async->result);
  async->done = FALSE;
}

GBytes *
jd_test_load_data (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("%s", error->message);

  return g_bytes_new_take (contents, length);
}
