/* jd-json-slices.c: a big array of messages read in slices on a thread
 * pool.
 *
 * json-glib parses on one thread and builds a tree of the whole answer;
 * at 100,000 messages (11 MB) that parse is most of the time from the
 * answer to the first frame. The scan in jd-json-document.c already walks
 * every byte, so it notes where the messages array's elements are
 * separated; here each slice of elements is copied between brackets,
 * parsed by a JsonParser of its own (by the reader that jd-json-document.c
 * passes in: the same reading of each message, without scanning again),
 * read into a JdMessageList and freed at once, so no more than one
 * slice's tree per thread exists at any time. The lists are joined in the order of the
 * slices, so the result is the one a single parser gives.
 *
 * The pool has as many threads as the machine has processors (or
 * JD_PARSE_THREADS, for measuring how it scales); the calling thread takes
 * slices too, so with one thread everything runs on the caller.
 */
#define G_LOG_DOMAIN "jd-json-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jd-client-error.h"
#include "jd-json-slices.h"

/* More threads than this do not help: the joining is sequential. */
#define MAX_THREADS 64

/* Shared by the caller and the pool's tasks; reference counted, as a task
 * that finds no slice left may still hold it after the caller returned. */
struct _JdJsonSlices
{
  const char        *data;
  gsize             *bounds;      /* n_slices + 1 */
  JdJsonSliceReader  read;
  guint              n_slices;
  JdMessageList    **lists;       /* n_slices; NULL until read */

  gint               next;        /* atomic: the next slice to take */
  gint               failed;      /* atomic: a slice was not JSON */

  GMutex             mutex;
  GCond              done_cond;
  guint              n_done;      /* with mutex */
};

static void
slices_clear (gpointer data)
{
  JdJsonSlices *slices = data;

  for (guint i = 0; i < slices->n_slices; i++)
    g_clear_object (&slices->lists[i]);
  g_free (slices->lists);
  g_free (slices->bounds);
  g_mutex_clear (&slices->mutex);
  g_cond_clear (&slices->done_cond);
}

static void
slices_unref (JdJsonSlices *slices)
{
  g_atomic_rc_box_release_full (slices, slices_clear);
}

/* Slice k as an array of its own: "[" elements "]". */
static JdMessageList *
read_slice (JdJsonSlices *slices,
            guint         k)
{
  gsize start = slices->bounds[k] + 1;
  gsize end = slices->bounds[k + 1];
  g_autofree char *copy = NULL;
  gsize i;

  /* "[]" would read as no elements where the whole array has a stray
   * comma ("[1,,2]", "[1,]"), which json-glib refuses */
  for (i = start; i < end && g_ascii_isspace (slices->data[i]); i++)
    ;
  if (i == end)
    return NULL;

  copy = g_malloc (end - start + 2);
  copy[0] = '[';
  memcpy (copy + 1, slices->data + start, end - start);
  copy[end - start + 1] = ']';

  return slices->read (copy, end - start + 2);
}

/* Takes slices until none is left. */
static void
work (JdJsonSlices *slices)
{
  for (;;)
    {
      guint k = (guint) g_atomic_int_add (&slices->next, 1);
      JdMessageList *list = NULL;

      if (k >= slices->n_slices)
        break;

      /* after a failure the answer is refused anyway */
      if (!g_atomic_int_get (&slices->failed))
        list = read_slice (slices, k);

      if (list == NULL)
        g_atomic_int_set (&slices->failed, TRUE);

      g_mutex_lock (&slices->mutex);
      slices->lists[k] = list;
      if (++slices->n_done == slices->n_slices)
        g_cond_broadcast (&slices->done_cond);
      g_mutex_unlock (&slices->mutex);
    }
}

static void
pool_task (gpointer data,
           gpointer user_data)
{
  JdJsonSlices *slices = data;

  work (slices);
  slices_unref (slices);
}

static GThreadPool *
get_pool (void)
{
  static GThreadPool *pool;

  if (g_once_init_enter (&pool))
    {
      /* shared: its threads end when idle, and are not ours to wait for */
      GThreadPool *new_pool = g_thread_pool_new (pool_task, NULL, MAX_THREADS, FALSE, NULL);

      g_once_init_leave (&pool, new_pool);
    }

  return pool;
}

/* Threads to read with, the caller's included. */
static guint
get_n_threads (void)
{
  const char *setting = g_getenv ("JD_PARSE_THREADS");
  guint64 n = 0;

  if (setting == NULL || !g_ascii_string_to_unsigned (setting, 10, 1, MAX_THREADS, &n, NULL))
    n = g_get_num_processors ();

  return CLAMP ((guint) n, 1, MAX_THREADS);
}

JdJsonSlices *
jd_json_slices_start (const char        *data,
                      const gsize       *bounds,
                      guint              n_slices,
                      JdJsonSliceReader  reader)
{
  JdJsonSlices *slices = g_atomic_rc_box_new0 (JdJsonSlices);
  guint n_tasks;

  g_return_val_if_fail (n_slices > 0, NULL);
  g_return_val_if_fail (reader != NULL, NULL);

  slices->data = data;
  slices->bounds = g_memdup2 (bounds, (n_slices + 1) * sizeof (gsize));
  slices->n_slices = n_slices;
  slices->read = reader;
  slices->lists = g_new0 (JdMessageList *, n_slices);
  g_mutex_init (&slices->mutex);
  g_cond_init (&slices->done_cond);

  /* the caller reads too, in jd_json_slices_finish () */
  n_tasks = MIN (get_n_threads (), n_slices) - 1;
  for (guint i = 0; i < n_tasks; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!g_thread_pool_push (get_pool (), g_atomic_rc_box_acquire (slices), &error))
        {
          /* no thread: the caller reads that share itself */
          g_debug ("No thread for a slice: %s", error->message);
          slices_unref (slices);
          break;
        }
    }

  return slices;
}

JdMessageList *
jd_json_slices_finish (JdJsonSlices  *slices,
                       GError       **error)
{
  JdMessageList *joined = NULL;
  gboolean failed;

  work (slices);

  g_mutex_lock (&slices->mutex);
  while (slices->n_done < slices->n_slices)
    g_cond_wait (&slices->done_cond, &slices->mutex);
  g_mutex_unlock (&slices->mutex);

  failed = g_atomic_int_get (&slices->failed);
  if (!failed)
    {
      joined = g_steal_pointer (&slices->lists[0]);
      for (guint i = 1; i < slices->n_slices; i++)
        {
          jd_message_list_take_all (joined, slices->lists[i]);
          g_clear_object (&slices->lists[i]);
        }
    }

  slices_unref (slices);

  if (failed)
    {
      g_set_error_literal (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE,
                           _("The server’s answer is not valid JSON."));
      return NULL;
    }

  return joined;
}
