/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pv-move-text-row.h"
#include "pv-move-warning-page.h"

/* Before You Start: the steps each person goes through and who does
 * each, and the acknowledgements: that the numbers are out of service
 * during the move, and for a Calling Plan move that the operator
 * completed the port order. */

struct _PvMoveWarningPage
{
  PvPage          parent_instance;

  PvMoveFlow     *flow;
  gboolean        syncing;

  GtkListBox     *steps_list;
  GtkWidget      *port_row;
  GtkCheckButton *port_check;
  GtkCheckButton *ack_check;
};

G_DEFINE_FINAL_TYPE (PvMoveWarningPage, pv_move_warning_page, PV_TYPE_PAGE)

static PvMovePlan *
plan_of (PvMoveWarningPage *self)
{
  return pv_move_flow_get_plan (self->flow);
}

static void
port_toggled_cb (PvMoveWarningPage *self)
{
  if (!self->syncing)
    pv_move_plan_set_port_confirmed (plan_of (self), gtk_check_button_get_active (self->port_check));
}

static void
ack_toggled_cb (PvMoveWarningPage *self)
{
  if (!self->syncing)
    pv_move_plan_set_acknowledged (plan_of (self), gtk_check_button_get_active (self->ack_check));
}

static void
update (PvMoveWarningPage *self)
{
  g_autofree char *reason = NULL;

  self->syncing = TRUE;
  gtk_check_button_set_active (self->port_check, pv_move_plan_get_port_confirmed (plan_of (self)));
  gtk_check_button_set_active (self->ack_check, pv_move_plan_get_acknowledged (plan_of (self)));
  self->syncing = FALSE;

  pv_move_plan_get_step_status (plan_of (self), PV_MOVE_PLAN_STEP_WARNING, &reason);
  pv_page_set_incomplete_reason (PV_PAGE (self), reason);
  pv_page_set_complete (PV_PAGE (self), reason == NULL);
}

static void
build_steps (PvMoveWarningPage *self)
{
  PvMoveKind kind = pv_move_flow_get_kind (self->flow);
  /* Translators: who does a step of the move: the service (this app) or the operator. */
  const char *by_app = _("Done by Provisio");
  const char *by_operator = _("Done by the operator: checked by Provisio, not done");
  GtkWidget *child;

  pv_page_set_title (PV_PAGE (self), _("Before You Start"));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->steps_list))) != NULL)
    gtk_list_box_remove (self->steps_list, child);
  for (guint step = 0; step < PV_MOVE_N_STEPS; step++)
    {
      gboolean operator_step = (kind == PV_MOVE_KIND_DIRECT_ROUTING && step == 2) ||
                               (kind == PV_MOVE_KIND_CALLING_PLAN && (step == 0 || step == 2));
      /* Translators: %u is a step's number, %s its name. */
      g_autofree char *title = g_strdup_printf (_("%u. %s"), step + 1, pv_move_step_title (kind, step));

      gtk_list_box_append (self->steps_list, pv_move_text_row_new (title, operator_step ? by_operator : by_app));
    }
}

static void
pv_move_warning_page_locale_changed (PvPage *page)
{
  build_steps (PV_MOVE_WARNING_PAGE (page));
}

static void
pv_move_warning_page_dispose (GObject *object)
{
  PvMoveWarningPage *self = PV_MOVE_WARNING_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), PV_TYPE_MOVE_WARNING_PAGE);
  g_clear_object (&self->flow);

  G_OBJECT_CLASS (pv_move_warning_page_parent_class)->dispose (object);
}

static void
pv_move_warning_page_class_init (PvMoveWarningPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pv_move_warning_page_dispose;
  PV_PAGE_CLASS (klass)->locale_changed = pv_move_warning_page_locale_changed;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/moves/pv-move-warning-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PvMoveWarningPage, steps_list);
  gtk_widget_class_bind_template_child (widget_class, PvMoveWarningPage, port_row);
  gtk_widget_class_bind_template_child (widget_class, PvMoveWarningPage, port_check);
  gtk_widget_class_bind_template_child (widget_class, PvMoveWarningPage, ack_check);
}

static void
pv_move_warning_page_init (PvMoveWarningPage *self)
{
  self->syncing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->port_check, "toggled", G_CALLBACK (port_toggled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->ack_check, "toggled", G_CALLBACK (ack_toggled_cb), self, G_CONNECT_SWAPPED);
  self->syncing = FALSE;
}

PvPage *
pv_move_warning_page_new (PvMoveFlow *flow)
{
  PvMoveWarningPage *self;

  g_return_val_if_fail (PV_IS_MOVE_FLOW (flow), NULL);

  self = g_object_new (PV_TYPE_MOVE_WARNING_PAGE, NULL);
  self->flow = g_object_ref (flow);
  /* Only a Calling Plan move has a port order to confirm. */
  gtk_widget_set_visible (self->port_row, pv_move_flow_get_kind (flow) == PV_MOVE_KIND_CALLING_PLAN);
  build_steps (self);
  g_signal_connect_object (flow, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);

  return PV_PAGE (self);
}
