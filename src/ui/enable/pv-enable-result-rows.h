/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pv-run-results.h"

G_BEGIN_DECLS

GtkListItemFactory *pv_enable_result_factory_new (PvRunResults *results);
char               *pv_enable_format_counts      (PvRunResults *results);

G_END_DECLS
