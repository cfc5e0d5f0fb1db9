/* jd-bench-report.h: the benchmark's options, its series of figures and
 * the report (jd-bench-report.c), which jd-bench.c fills in. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* the options, parsed by jd-bench.c */
extern int   n_runs;
extern char *jobdesk_path;
extern char *minimal_path;
extern char *json_path;

/* One figure, measured n_runs times. */
typedef struct
{
  const char *key;
  const char *label;
  const char *unit;
  GArray     *values;   /* double */
} Series;

/* every series, in the order they were made; the report lists them so */
extern GPtrArray *all_series;
/* the machine's load when the benchmark started */
extern char      *load_at_start;

Series *series_new        (const char *key,
                           const char *label,
                           const char *unit);
void    series_free       (gpointer    data);
void    series_add        (Series     *series,
                           double      value);
/* "min", "max" or "median" */
double  series_stat       (Series     *series,
                           const char *what);
Series *find_series       (const char *key);

G_GNUC_NORETURN G_GNUC_PRINTF (1, 2)
void    die               (const char *format,
                           ...);

char   *read_load_average (void);
/* exec to first frame of jobdesk (twice) and of the minimal window */
void    bench_startup     (void);
/* prints the figures with their targets; writes them to json_path */
void    report            (void);

static inline double
ms_since (gint64 start,
          gint64 end)
{
  return (end - start) / 1000.0;
}

G_END_DECLS
