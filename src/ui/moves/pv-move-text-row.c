/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pv-move-text-row.h"

/* A line of a move's pages that only says something: a person and the
 * number they get, a step and who does it. Names and numbers are shown
 * as they are, never read as markup, and long text wraps. */

struct _PvMoveTextRow
{
  AdwActionRow parent_instance;
};

G_DEFINE_FINAL_TYPE (PvMoveTextRow, pv_move_text_row, ADW_TYPE_ACTION_ROW)

static void
pv_move_text_row_class_init (PvMoveTextRowClass *klass)
{
  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass),
                                               RESOURCE_PATH "/moves/pv-move-text-row.ui");
}

static void
pv_move_text_row_init (PvMoveTextRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pv_move_text_row_new (const char *title,
                      const char *subtitle)
{
  return g_object_new (PV_TYPE_MOVE_TEXT_ROW,
                       "title", title,
                       "subtitle", subtitle,
                       NULL);
}
