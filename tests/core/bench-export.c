/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include <glib/gstdio.h>

#include "pv-export.h"
#include "pv-operation-result.h"
#include "pv-results-xml.h"

/* Exports 10 000 and 100 000 generated results to XML, PowerShell and
 * CSV and prints the time and the peak memory of each.  Every export runs
 * in a child process of its own, so that ru_maxrss is that export's peak
 * and nothing else's; a run of 0 results gives the baseline.  Peak memory
 * must not grow with the count: the results come from a model that makes
 * each one when asked, as a run's journal would, and the writers stream.
 * Reading back an XML file is measured too.  It asserts nothing about
 * time, which depends on the machine. */

#define BENCH_TYPE_MODEL (bench_model_get_type ())
G_DECLARE_FINAL_TYPE (BenchModel, bench_model, BENCH, MODEL, GObject)

struct _BenchModel
{
  GObject parent_instance;
  guint n_items;
};

static const char * const names[] = {
  "jean.dupont", "helene.de-la-fontaine", "o'brien\"; Remove-CsUser *", "cagri.sahin",
  "=HYPERLINK(\"x\")", "ivan.petrov", "søren.kierkegaard", "+14255551297",
};

static GType
bench_model_get_item_type (GListModel *model)
{
  return PV_TYPE_OPERATION_RESULT;
}

static guint
bench_model_get_n_items (GListModel *model)
{
  return BENCH_MODEL (model)->n_items;
}

static gpointer
bench_model_get_item (GListModel *model,
                      guint       position)
{
  PvOperationResult *result;
  g_autofree char *id = NULL;
  g_autofree char *after = NULL;
  const char *name = names[position % G_N_ELEMENTS (names)];

  if (position >= BENCH_MODEL (model)->n_items)
    return NULL;

  id = g_strdup_printf ("%s.%u@contoso.com", name, position);
  after = g_strdup_printf ("sip:%s.%u@contoso.com", name, position);
  result = pv_operation_result_new ();
  pv_operation_result_set_item (result, id);
  pv_operation_result_set_status (result, position % 10 == 0 ? PV_RESULT_STATUS_FAILED
                                                             : PV_RESULT_STATUS_DONE);
  if (position % 10 == 0)
    pv_operation_result_set_message (result, "The registrar pool did not answer; try again.");
  pv_operation_result_set_before (result, "");
  pv_operation_result_set_after (result, after);
  return result;
}

static void
bench_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = bench_model_get_item_type;
  iface->get_n_items = bench_model_get_n_items;
  iface->get_item = bench_model_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (BenchModel, bench_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, bench_model_iface_init))

static void
bench_model_class_init (BenchModelClass *klass)
{
}

static void
bench_model_init (BenchModel *self)
{
}

/* Child: reads back what an XML export of @count results wrote.  The
 * parse streams, but the results read are all kept (a rerun needs them),
 * so this peak grows with the count. */
static int
child_read (guint       count,
            const char *dir)
{
  g_autofree char *path = g_strdup_printf ("%s/export.xml", dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GError) error = NULL;
  struct rusage usage;
  gint64 begin;
  gint64 end;

  begin = g_get_monotonic_time ();
  if (!pv_results_xml_load (file, NULL, &results, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  end = g_get_monotonic_time ();
  if (g_list_model_get_n_items (results) != count)
    return 1;
  getrusage (RUSAGE_SELF, &usage);
  printf ("%.3f %ld %u\n", (end - begin) / (double) G_USEC_PER_SEC, usage.ru_maxrss, count);
  return 0;
}

/* Child: one export, then “seconds peak_kib bytes” on standard output. */
static int
child (const char *format_nick,
       guint       count,
       const char *dir)
{
  g_autoptr(BenchModel) model = g_object_new (BENCH_TYPE_MODEL, NULL);
  g_autoptr(PvRunInfo) info = pv_run_info_new (PV_FLOW_ENABLE_USERS);
  g_autofree char *path = g_strdup_printf ("%s/export.%s", dir, format_nick);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) file_info = NULL;
  g_autoptr(GError) error = NULL;
  struct rusage usage;
  int format;
  gint64 begin;
  gint64 end;

  if (!pv_enum_from_nick (PV_TYPE_EXPORT_FORMAT, format_nick, &format))
    return 2;
  model->n_items = count;
  pv_run_info_set_pool (info, "pool01.contoso.com");
  pv_run_info_set_sip_format (info, PV_SIP_FORMAT_FIRST_LAST);
  pv_run_info_set_sip_domain (info, "contoso.com");

  begin = g_get_monotonic_time ();
  if (!pv_export_to_file (format, PV_EXPORT_FLAGS_NONE, info, G_LIST_MODEL (model), file, NULL,
                          &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  end = g_get_monotonic_time ();

  getrusage (RUSAGE_SELF, &usage);
  file_info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, NULL);
  printf ("%.3f %ld %" G_GINT64_FORMAT "\n", (end - begin) / (double) G_USEC_PER_SEC,
          usage.ru_maxrss, file_info != NULL ? (gint64) g_file_info_get_size (file_info) : -1);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  static const char * const formats[] = { "xml", "ps1", "csv" };
  static const guint counts[] = { 0, 10000, 100000 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  int failed = 0;

  setlocale (LC_ALL, "");

  if (argc == 5 && g_str_equal (argv[1], "--child"))
    return child (argv[2], (guint) g_ascii_strtoull (argv[3], NULL, 10), argv[4]);
  if (argc == 4 && g_str_equal (argv[1], "--child-read"))
    return child_read ((guint) g_ascii_strtoull (argv[2], NULL, 10), argv[3]);

  dir = g_dir_make_tmp ("provisio-bench-XXXXXX", &error);
  g_assert_no_error (error);

  printf ("%-6s %8s %10s %14s %12s\n", "format", "results", "seconds", "peak RSS KiB",
          "file bytes");
  for (gsize f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      long peak[G_N_ELEMENTS (counts)] = { 0 };

      for (gsize c = 0; c < G_N_ELEMENTS (counts); c++)
        {
          g_autofree char *count = g_strdup_printf ("%u", counts[c]);
          g_autofree char *out = NULL;
          g_autofree char *err = NULL;
          const char *args[] = { argv[0], "--child", formats[f], count, dir, NULL };
          double seconds = 0;
          gint64 bytes = 0;
          int status = 0;

          if (!g_spawn_sync (NULL, (char **) args, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                             &status, &error) ||
              !g_spawn_check_wait_status (status, &error) ||
              sscanf (out, "%lf %ld %" G_GINT64_FORMAT, &seconds, &peak[c], &bytes) != 3)
            {
              g_printerr ("%s %s: %s %s\n", formats[f], count,
                          error != NULL ? error->message : "", err != NULL ? err : "");
              g_clear_error (&error);
              failed = 1;
              continue;
            }
          printf ("%-6s %8u %10.3f %14ld %12" G_GINT64_FORMAT "\n", formats[f], counts[c],
                  seconds, peak[c], bytes);
        }
      printf ("%-6s peak growth from 10 000 to 100 000 results: %+ld KiB\n", formats[f],
              peak[2] - peak[1]);
      {
        g_autofree char *path = g_strdup_printf ("%s/export.%s", dir, formats[f]);
        g_unlink (path);
      }
    }

  /* Reading back: each count is exported again, then read in a child. */
  for (gsize c = 1; c < G_N_ELEMENTS (counts); c++)
    {
      g_autofree char *count = g_strdup_printf ("%u", counts[c]);
      g_autofree char *out = NULL;
      g_autofree char *path = g_strdup_printf ("%s/export.xml", dir);
      const char *write_args[] = { argv[0], "--child", "xml", count, dir, NULL };
      const char *read_args[] = { argv[0], "--child-read", count, dir, NULL };
      double seconds = 0;
      long peak = 0;
      guint n = 0;
      int status = 0;

      if (!g_spawn_sync (NULL, (char **) write_args, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                         NULL, NULL, &status, &error) ||
          !g_spawn_check_wait_status (status, &error) ||
          !g_spawn_sync (NULL, (char **) read_args, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                         &status, &error) ||
          !g_spawn_check_wait_status (status, &error) ||
          sscanf (out, "%lf %ld %u", &seconds, &peak, &n) != 3)
        {
          g_printerr ("read %s: %s\n", count, error != NULL ? error->message : "");
          g_clear_error (&error);
          failed = 1;
          continue;
        }
      printf ("%-6s %8u %10.3f %14ld   (read back)\n", "xml", n, seconds, peak);
      g_unlink (path);
    }

  g_rmdir (dir);
  return failed;
}
