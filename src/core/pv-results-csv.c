/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pv-csv.h"
#include "pv-enums.h"
#include "pv-operation-result.h"
#include "pv-results-csv.h"

/* Results as CSV for spreadsheets, through the one CSV writer of
 * pv-csv.c, which neutralises formulas (a leading = + - @ tab or CR gets
 * an apostrophe).
 *
 * Phone numbers get the same apostrophe: a spreadsheet opening
 * 0033123456789 or 14255551297 would take it for a number and drop the
 * leading zeros, or round it past 15 digits.  With the apostrophe it
 * stays text, visibly, and nothing can run.  A value counts as a phone
 * number when it has only digits, spaces, dots, hyphens and parentheses
 * after an optional +, and at least 7 digits (docs/exports.md). */

static const char * const header[] = { "item", "status", "message", "before", "after", NULL };

/**
 * pv_results_csv_protect_number:
 *
 * Returns: (transfer full): @value, with an apostrophe in front when it
 *   looks like a phone number
 */
char *
pv_results_csv_protect_number (const char *value)
{
  const char *p = value;
  guint digits = 0;

  if (value == NULL)
    return g_strdup ("");
  if (*p == '+')
    p++;
  for (; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (strchr (" .-()", *p) == NULL)
        return g_strdup (value);
    }
  if (digits < 7)
    return g_strdup (value);
  return g_strconcat ("'", value, NULL);
}

/**
 * pv_results_csv_write:
 * @bom: start with a UTF-8 byte order mark, which spreadsheets need to
 *   recognise UTF-8
 * @cancellable: (nullable): checked between items
 *
 * Columns: item, status (done, alreadyDone, skipped, failed), message,
 * before, after.
 */
gboolean
pv_results_csv_write (GOutputStream  *stream,
                      GListModel     *results,
                      gboolean        bom,
                      GCancellable   *cancellable,
                      GError        **error)
{
  g_autoptr(PvCsvWriter) writer = NULL;
  guint n;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (G_IS_LIST_MODEL (results), FALSE);

  if (bom && !g_output_stream_write_all (stream, "\xef\xbb\xbf", 3, NULL, cancellable, error))
    return FALSE;

  writer = pv_csv_writer_new (stream);
  if (!pv_csv_writer_write_row (writer, header, error))
    return FALSE;

  n = g_list_model_get_n_items (results);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PvOperationResult) result = g_list_model_get_item (results, i);
      g_autofree char *item = NULL;
      g_autofree char *message = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      const char *fields[6];

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      item = pv_results_csv_protect_number (pv_operation_result_get_item (result));
      message = pv_results_csv_protect_number (pv_operation_result_get_message (result));
      before = pv_results_csv_protect_number (pv_operation_result_get_before (result));
      after = pv_results_csv_protect_number (pv_operation_result_get_after (result));
      fields[0] = item;
      fields[1] = pv_enum_to_nick (PV_TYPE_RESULT_STATUS, pv_operation_result_get_status (result));
      fields[2] = message;
      fields[3] = before;
      fields[4] = after;
      fields[5] = NULL;
      if (!pv_csv_writer_write_row (writer, fields, error))
        return FALSE;
    }
  return TRUE;
}
