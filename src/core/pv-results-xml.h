/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pv-run-info.h"

G_BEGIN_DECLS

/* Version 1 of the results format; a later, incompatible version gets a
 * new namespace, so that old readers refuse it with a clear message. */
#define PV_RESULTS_XML_NAMESPACE "urn:provisio:results:1"
#define PV_RESULTS_XML_VERSION   "1"

/* A million results stay well under this. */
#define PV_RESULTS_XML_MAX_SIZE  ((gsize) 512 * 1024 * 1024)

gboolean pv_results_xml_write       (GOutputStream        *stream,
                                     PvRunInfo            *info,
                                     GListModel           *results,
                                     GCancellable         *cancellable,
                                     GError              **error);
gboolean pv_results_xml_read        (GBytes               *data,
                                     const char           *name,
                                     PvRunInfo           **info,
                                     GListModel          **results,
                                     GError              **error);
gboolean pv_results_xml_load        (GFile                *file,
                                     PvRunInfo           **info,
                                     GListModel          **results,
                                     GCancellable         *cancellable,
                                     GError              **error);
void     pv_results_xml_load_async  (GFile                *file,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data);
gboolean pv_results_xml_load_finish (GAsyncResult         *result,
                                     PvRunInfo           **info,
                                     GListModel          **results,
                                     GError              **error);

G_END_DECLS
