/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pv-export.h"

G_BEGIN_DECLS

/* Writes the export in @format (a page's own enumeration) to @file. */
typedef void (*PvExportWriteFunc) (GtkWidget *page,
                                   int        format,
                                   GFile     *file);

/* What differs between the owners of the XML, PowerShell and CSV buttons
 * that export a run's results; the rest is pv_export_buttons_connect()'s. */
typedef struct
{
  /* The owner's export, with its own cancellable: a #GTask of @owner,
   * tagged @source_tag, that returns %TRUE once the file is written. */
  void        (*export_async) (GtkWidget           *owner,
                               PvExportFormat       format,
                               GFile               *file,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data);
  gpointer      source_tag;
  /* Says that @file is written; %NULL for a toast on the owner's overlay. */
  void        (*exported)     (GtkWidget           *owner,
                               GFile               *file);
} PvExportOwner;

const char *pv_export_format_extension (PvExportFormat       format);
void        pv_export_ask_where        (GtkWidget           *page,
                                        const char          *title,
                                        const char          *stem,
                                        const char          *extension,
                                        int                  format,
                                        PvExportWriteFunc    write);
void        pv_export_results_into     (GTask               *task,
                                        PvExportFormat       format,
                                        PvRunInfo           *info,
                                        GListModel          *results,
                                        GFile               *file);
void        pv_export_written_cb       (GObject             *object,
                                        GAsyncResult        *result,
                                        gpointer             user_data);
gboolean    pv_export_finish           (gpointer             owner,
                                        GAsyncResult        *result,
                                        gpointer             source_tag,
                                        GError             **error);
void        pv_export_buttons_connect  (GtkWidget           *owner,
                                        const PvExportOwner *how,
                                        const char          *stem,
                                        AdwToastOverlay     *toasts,
                                        GtkButton           *xml_button,
                                        GtkButton           *ps1_button,
                                        GtkButton           *csv_button);
void        pv_export_show_error       (GtkWidget           *page,
                                        const char          *heading,
                                        const GError        *error);

G_END_DECLS
