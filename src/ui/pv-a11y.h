/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void pv_a11y_fix_mnemonic_labels (GtkWidget   *root);
void pv_a11y_name_drop_down      (GtkDropDown *dropdown,
                                  const char  *name);

G_END_DECLS
