/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

GtkWidget *pv_manage_show_message (GtkWindow  *parent,
                                   const char *heading,
                                   const char *body);

G_END_DECLS
