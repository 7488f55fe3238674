/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "bench-util.h"
#include "pv-test-async.h"

static void
sandbox_start (BenchSandbox *sandbox,
               const char   *seed_path,
               guint         generated_users,
               guint         generated_numbers)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *state = NULL;
  gint64 start;

  sandbox->folder = g_dir_make_tmp ("pv-bench-XXXXXX", &error);
  g_assert_no_error (error);
  state = g_build_filename (sandbox->folder, "sandbox.db", NULL);
  sandbox->server = pv_sandbox_server_new (state, seed_path, &error);
  g_assert_no_error (error);
  pv_sandbox_server_set_generated_users (sandbox->server, generated_users);
  pv_sandbox_server_set_generated_numbers (sandbox->server, generated_numbers);

  start = g_get_monotonic_time ();
  if (!pv_sandbox_server_start (sandbox->server, 0, &error))
    g_error ("The sandbox did not start: %s", error->message);
  sandbox->seed_seconds = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
}

void
bench_sandbox_start (BenchSandbox *sandbox,
                     const char   *seed_path,
                     guint         generated_users)
{
  sandbox_start (sandbox, seed_path, generated_users, 0);
}

void
bench_sandbox_start_numbers (BenchSandbox *sandbox,
                             const char   *seed_path,
                             guint         generated_numbers)
{
  sandbox_start (sandbox, seed_path, 0, generated_numbers);
}

void
bench_sandbox_stop (BenchSandbox *sandbox)
{
  if (sandbox->server != NULL)
    pv_sandbox_server_stop (sandbox->server);
  g_clear_object (&sandbox->server);
  if (sandbox->folder != NULL)
    pv_test_remove_tree (sandbox->folder);
  g_clear_pointer (&sandbox->folder, g_free);
}

static gint64
status_kb (const char *key)
{
  g_autofree char *contents = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &contents, NULL, NULL))
    return -1;
  line = strstr (contents, key);
  if (line == NULL)
    return -1;
  return g_ascii_strtoll (line + strlen (key), NULL, 10);
}

gint64
bench_rss_kb (void)
{
  return status_kb ("VmRSS:");
}

gint64
bench_peak_rss_kb (void)
{
  return status_kb ("VmHWM:");
}

gboolean
bench_reset_peak_rss (void)
{
  FILE *file = fopen ("/proc/self/clear_refs", "w");
  gboolean done;

  if (file == NULL)
    return FALSE;
  /* "5" resets the peak resident set size (Linux 4.0 and later). */
  done = fputs ("5", file) >= 0;
  done = fclose (file) == 0 && done;
  return done;
}

struct _BenchStallWatch
{
  GSource  source;
  gint64   last_check;
  GArray  *busy;   /* gint64 µs per iteration */
};

static gboolean
stall_prepare (GSource *source,
               gint    *timeout)
{
  BenchStallWatch *watch = (BenchStallWatch *) source;

  if (watch->last_check != 0)
    {
      gint64 busy = g_get_monotonic_time () - watch->last_check;

      g_array_append_val (watch->busy, busy);
      watch->last_check = 0;
    }
  *timeout = -1;
  return FALSE;
}

static gboolean
stall_check (GSource *source)
{
  BenchStallWatch *watch = (BenchStallWatch *) source;

  watch->last_check = g_get_monotonic_time ();
  return FALSE;
}

static gboolean
stall_dispatch (GSource     *source,
                GSourceFunc  callback,
                gpointer     user_data)
{
  return G_SOURCE_CONTINUE;
}

static void
stall_finalize (GSource *source)
{
  g_array_unref (((BenchStallWatch *) source)->busy);
}

static GSourceFuncs stall_funcs = {
  stall_prepare, stall_check, stall_dispatch, stall_finalize, NULL, NULL
};

BenchStallWatch *
bench_stall_watch_new (void)
{
  GSource *source = g_source_new (&stall_funcs, sizeof (BenchStallWatch));
  BenchStallWatch *watch = (BenchStallWatch *) source;

  watch->busy = g_array_new (FALSE, FALSE, sizeof (gint64));
  /* Above everything, so that it is prepared first and always checked. */
  g_source_set_priority (source, G_MININT / 2);
  g_source_set_name (source, "bench-stall-watch");
  g_source_attach (source, NULL);
  return watch;
}

void
bench_stall_watch_reset (BenchStallWatch *watch)
{
  g_array_set_size (watch->busy, 0);
  watch->last_check = 0;
}

void
bench_stall_watch_free (BenchStallWatch *watch)
{
  g_source_destroy ((GSource *) watch);
  g_source_unref ((GSource *) watch);
}

guint
bench_stall_watch_count (BenchStallWatch *watch)
{
  return watch->busy->len;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

double
bench_quantile_ms (GArray *samples,
                   double  fraction)
{
  g_autoptr(GArray) sorted = NULL;
  double rank;
  guint index;

  if (samples->len == 0)
    return 0;
  sorted = g_array_copy (samples);
  g_array_sort (sorted, compare_gint64);
  /* The nearest-rank quantile: the smallest sample with at least that
   * fraction of the samples at or below it. */
  rank = fraction * sorted->len;
  index = (guint) rank;
  if (index < rank)
    index++;
  index = index == 0 ? 0 : MIN (index - 1, sorted->len - 1);
  return g_array_index (sorted, gint64, index) / 1000.0;
}

double
bench_stall_watch_quantile (BenchStallWatch *watch,
                            double           fraction)
{
  return bench_quantile_ms (watch->busy, fraction);
}

guint
bench_stall_watch_n_over (BenchStallWatch *watch,
                          double           ms)
{
  guint n = 0;

  for (guint i = 0; i < watch->busy->len; i++)
    if (g_array_index (watch->busy, gint64, i) / 1000.0 > ms)
      n++;
  return n;
}

double
bench_stall_watch_total_ms (BenchStallWatch *watch)
{
  gint64 total = 0;

  for (guint i = 0; i < watch->busy->len; i++)
    total += g_array_index (watch->busy, gint64, i);
  return total / 1000.0;
}
