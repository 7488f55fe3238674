/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pv-export.h"

G_BEGIN_DECLS

/* Writes the export in @format (a page's own enumeration) to @file. */
typedef void (*PvExportWriteFunc) (GtkWidget *page,
                                   int        format,
                                   GFile     *file);

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
void        pv_export_show_error       (GtkWidget           *page,
                                        const char          *heading,
                                        const GError        *error);

G_END_DECLS
