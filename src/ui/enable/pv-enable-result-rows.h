/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pv-enable-flow.h"

G_BEGIN_DECLS

GtkListItemFactory *pv_enable_result_factory_new (PvEnableFlow *flow);
char               *pv_enable_format_counts      (const guint   counts[4]);

G_END_DECLS
