/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pv-a11y.h"
#include "pv-operator-notice-page.h"

/* Data transfer notice: what the operator receives, and a check box the
 * user ticks to accept it; the plan holds the answer. */

struct _PvOperatorNoticePage
{
  PvPage          parent_instance;

  PvOperatorFlow *flow;
  gboolean        updating;

  GtkLabel       *notice_label;
  GtkCheckButton *accept_check;
};

G_DEFINE_FINAL_TYPE (PvOperatorNoticePage, pv_operator_notice_page, PV_TYPE_PAGE)

static void
update (PvOperatorNoticePage *self)
{
  PvOperatorPlan *plan = pv_operator_flow_get_plan (self->flow);
  g_autofree char *notice = pv_operator_plan_dup_notice_text (plan);
  g_autofree char *reason = NULL;
  gboolean complete;

  gtk_label_set_text (self->notice_label, notice);

  self->updating = TRUE;
  gtk_check_button_set_active (self->accept_check, pv_operator_plan_get_notice_accepted (plan));
  self->updating = FALSE;

  complete = pv_operator_plan_get_step_status (plan, PV_OPERATOR_STEP_NOTICE, &reason);
  pv_page_set_incomplete_reason (PV_PAGE (self), reason);
  pv_page_set_complete (PV_PAGE (self), complete);
}

static void
accept_toggled_cb (PvOperatorNoticePage *self)
{
  if (self->updating)
    return;

  pv_operator_plan_set_notice_accepted (pv_operator_flow_get_plan (self->flow),
                                        gtk_check_button_get_active (self->accept_check));
  pv_page_set_modified (PV_PAGE (self), TRUE);
}

static void
pv_operator_notice_page_shown (PvPage *page)
{
  PvOperatorNoticePage *self = PV_OPERATOR_NOTICE_PAGE (page);

  update (self);
}

static void
pv_operator_notice_page_locale_changed (PvPage *page)
{
  update (PV_OPERATOR_NOTICE_PAGE (page));
}

static void
pv_operator_notice_page_dispose (GObject *object)
{
  PvOperatorNoticePage *self = PV_OPERATOR_NOTICE_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), PV_TYPE_OPERATOR_NOTICE_PAGE);
  g_clear_object (&self->flow);

  G_OBJECT_CLASS (pv_operator_notice_page_parent_class)->dispose (object);
}

static void
pv_operator_notice_page_class_init (PvOperatorNoticePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pv_operator_notice_page_dispose;
  PV_PAGE_CLASS (klass)->shown = pv_operator_notice_page_shown;
  PV_PAGE_CLASS (klass)->locale_changed = pv_operator_notice_page_locale_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/operator/pv-operator-notice-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PvOperatorNoticePage, notice_label);
  gtk_widget_class_bind_template_child (widget_class, PvOperatorNoticePage, accept_check);
}

static void
pv_operator_notice_page_init (PvOperatorNoticePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  pv_a11y_fix_mnemonic_labels (GTK_WIDGET (self));

  g_signal_connect_object (self->accept_check, "toggled", G_CALLBACK (accept_toggled_cb), self,
                           G_CONNECT_SWAPPED);
}

PvPage *
pv_operator_notice_page_new (PvOperatorFlow *flow)
{
  PvOperatorNoticePage *self;

  g_return_val_if_fail (PV_IS_OPERATOR_FLOW (flow), NULL);

  self = g_object_new (PV_TYPE_OPERATOR_NOTICE_PAGE, NULL);
  self->flow = g_object_ref (flow);

  g_signal_connect_object (pv_operator_flow_get_plan (flow), "changed", G_CALLBACK (update), self,
                           G_CONNECT_SWAPPED);
  update (self);

  return PV_PAGE (self);
}
