/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pv-export.h"
#include "pv-powershell.h"
#include "pv-results-csv.h"
#include "pv-results-xml.h"

/* One entry point for the three export formats.  A file is written to a
 * hidden temporary file beside it and renamed over it only once complete:
 * a full disk, a cancelled export or a crash leaves the earlier file, or
 * nothing, never half a file. */

G_DEFINE_QUARK (pv-export-error-quark, pv_export_error)

/**
 * pv_export_to_stream:
 * @flags: %PV_EXPORT_FLAGS_BOM for CSV, %PV_EXPORT_FLAGS_WHAT_IF for
 *   PowerShell; ignored by the other formats
 * @results: a model of #PvOperationResult, read one item at a time and
 *   not changed meanwhile
 * @cancellable: (nullable): checked between items
 */
gboolean
pv_export_to_stream (PvExportFormat   format,
                     PvExportFlags    flags,
                     PvRunInfo       *info,
                     GListModel      *results,
                     GOutputStream   *stream,
                     GCancellable    *cancellable,
                     GError         **error)
{
  g_return_val_if_fail (PV_IS_RUN_INFO (info), FALSE);
  g_return_val_if_fail (G_IS_LIST_MODEL (results), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  switch (format)
    {
    case PV_EXPORT_FORMAT_XML:
      return pv_results_xml_write (stream, info, results, cancellable, error);
    case PV_EXPORT_FORMAT_POWERSHELL:
      return pv_powershell_write (stream, info, results, (flags & PV_EXPORT_FLAGS_WHAT_IF) != 0,
                                  cancellable, error);
    case PV_EXPORT_FORMAT_CSV:
      return pv_results_csv_write (stream, results, (flags & PV_EXPORT_FLAGS_BOM) != 0,
                                   cancellable, error);
    default:
      g_return_val_if_reached (FALSE);
    }
}

static GFileOutputStream *
create_temporary (GFile         *file,
                  GFile        **tmp_file,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *basename = g_file_get_basename (file);

  if (parent == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                           _("Choose a file, not a folder."));
      return NULL;
    }

  for (guint attempt = 0; ; attempt++)
    {
      g_autofree char *name = g_strdup_printf (".%s.%08x.tmp", basename, g_random_int ());
      g_autoptr(GFile) candidate = g_file_get_child (parent, name);
      g_autoptr(GError) local_error = NULL;
      GFileOutputStream *stream;

      stream = g_file_create (candidate, G_FILE_CREATE_NONE, cancellable, &local_error);
      if (stream != NULL)
        {
          *tmp_file = g_steal_pointer (&candidate);
          return stream;
        }
      if (attempt >= 16 || !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
}

/**
 * pv_export_to_file:
 *
 * Exports to @file through a temporary file in the same folder, renamed
 * over @file on success and deleted on failure.
 *
 * Returns: %TRUE on success; on failure @error is a #PV_EXPORT_ERROR
 *   naming the file, or %G_IO_ERROR_CANCELLED
 */
gboolean
pv_export_to_file (PvExportFormat   format,
                   PvExportFlags    flags,
                   PvRunInfo       *info,
                   GListModel      *results,
                   GFile           *file,
                   GCancellable    *cancellable,
                   GError         **error)
{
  g_autoptr(GFile) tmp_file = NULL;
  g_autoptr(GFileOutputStream) file_stream = NULL;
  g_autoptr(GOutputStream) buffered = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  gboolean ok;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = g_file_get_parse_name (file);
  file_stream = create_temporary (file, &tmp_file, cancellable, &local_error);
  if (file_stream != NULL)
    {
      buffered = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (file_stream), 65536);
      ok = pv_export_to_stream (format, flags, info, results, buffered, cancellable,
                                &local_error) &&
           g_output_stream_close (buffered, cancellable, &local_error) &&
           g_file_move (tmp_file, file, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NO_FALLBACK_FOR_MOVE,
                        cancellable, NULL, NULL, &local_error);
      if (!ok)
        {
          g_output_stream_close (buffered, NULL, NULL);
          g_file_delete (tmp_file, NULL, NULL);
        }
    }

  if (local_error == NULL)
    return TRUE;

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_set_error (error, PV_EXPORT_ERROR, PV_EXPORT_ERROR_WRITE,
               /* Translators: the first %s is a file name, the second the reason. */
               _("Could not export to %s: %s. Nothing was written; check the folder and the "
                 "free space, then try again."), name, local_error->message);
  return FALSE;
}

typedef struct
{
  PvExportFormat format;
  PvExportFlags flags;
  PvRunInfo *info;
  GListModel *results;
  GFile *file;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->info);
  g_clear_object (&data->results);
  g_clear_object (&data->file);
  g_free (data);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  GError *error = NULL;

  if (pv_export_to_file (data->format, data->flags, data->info, data->results, data->file,
                         cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * pv_export_to_file_async:
 *
 * Runs pv_export_to_file() in a worker thread.  @info and @results are
 * read from that thread: leave them unchanged until the callback.
 */
void
pv_export_to_file_async (PvExportFormat       format,
                         PvExportFlags        flags,
                         PvRunInfo           *info,
                         GListModel          *results,
                         GFile               *file,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *data;

  g_return_if_fail (PV_IS_RUN_INFO (info));
  g_return_if_fail (G_IS_LIST_MODEL (results));
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (ExportData, 1);
  data->format = format;
  data->flags = flags;
  data->info = g_object_ref (info);
  data->results = g_object_ref (results);
  data->file = g_object_ref (file);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pv_export_to_file_async);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
pv_export_to_file_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pv_export_to_file_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
