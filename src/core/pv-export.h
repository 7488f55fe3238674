/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pv-enums.h"
#include "pv-run-info.h"

G_BEGIN_DECLS

#define PV_EXPORT_ERROR (pv_export_error_quark ())

typedef enum
{
  PV_EXPORT_ERROR_WRITE,
} PvExportError;

GQuark pv_export_error_quark (void);

typedef enum
{
  PV_EXPORT_FLAGS_NONE = 0,
  PV_EXPORT_FLAGS_BOM = 1 << 0,
  PV_EXPORT_FLAGS_WHAT_IF = 1 << 1,
} PvExportFlags;

gboolean pv_export_to_stream      (PvExportFormat        format,
                                   PvExportFlags         flags,
                                   PvRunInfo            *info,
                                   GListModel           *results,
                                   GOutputStream        *stream,
                                   GCancellable         *cancellable,
                                   GError              **error);
gboolean pv_export_to_file        (PvExportFormat        format,
                                   PvExportFlags         flags,
                                   PvRunInfo            *info,
                                   GListModel           *results,
                                   GFile                *file,
                                   GCancellable         *cancellable,
                                   GError              **error);
void     pv_export_to_file_async  (PvExportFormat        format,
                                   PvExportFlags         flags,
                                   PvRunInfo            *info,
                                   GListModel           *results,
                                   GFile                *file,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data);
gboolean pv_export_to_file_finish (GAsyncResult         *result,
                                   GError              **error);

G_END_DECLS
