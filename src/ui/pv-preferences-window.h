/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PV_TYPE_PREFERENCES_WINDOW (pv_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (PvPreferencesWindow, pv_preferences_window, PV, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *pv_preferences_window_new (GtkWindow *parent);

G_END_DECLS
