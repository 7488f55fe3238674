/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A view: a page of the main window reached from the start page's
 * "Manage" group, left with Back. Unlike a flow it has no steps and
 * changes the service one action at a time.
 *
 * A view's type is a GtkWidget with a writable "client" property
 * (a PvServiceClient): the window sets it once the service is ready. */
typedef struct
{
  const char *id;
  /* Untranslated (N_()) strings, translated when shown. */
  const char *title;
  const char *description;
  const char *icon_name;
  GType     (*get_type) (void);
} PvViewInfo;

const PvViewInfo *const *pv_views_get_registered (void);
const PvViewInfo        *pv_views_lookup         (const char *id);

G_END_DECLS
